/**
 * A maintainer's `/mltriage files` answer for this very issue overrides the ranking: named files come first
 * (with "feedback" evidence), removed files are dropped. Pure.
 */
import type { RankedFile, TriageResult } from "../../src/types.js";

export function applyIssueFeedback(result: TriageResult, feedback: { pinned: string[]; dropped: string[] }): TriageResult {
  if (feedback.pinned.length === 0 && feedback.dropped.length === 0) return result;
  const dropped = new Set(feedback.dropped);
  const ranked = result.localization.ranked.filter((f) => !dropped.has(f.path) && !feedback.pinned.includes(f.path));
  const topScore = Math.max(0, ...result.localization.ranked.map((f) => f.score));
  const pinned: RankedFile[] = feedback.pinned.map((path) => {
    const known = result.localization.ranked.find((f) => f.path === path);
    return {
      path,
      score: topScore,
      evidence: [{ kind: "feedback", detail: "a maintainer named this file as the place of the bug" }, ...(known?.evidence ?? [])],
    };
  });
  return { ...result, localization: { ...result.localization, ranked: [...pinned, ...ranked] } };
}
