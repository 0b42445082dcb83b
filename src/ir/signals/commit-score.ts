import type { CommitInfo } from "../../types.js";
import type { SourceIndex } from "../source-index.js";

const DAY_MS = 86_400_000;
const FIX_MESSAGE = /fix|bug/i;

/**
 * BLIA's commit-history score (PAPER §2.3): for fix commits (message matches /fix|bug/) within `k` days
 * before the report, CommScore(F) = Σ_c 1 / (1 + e^(12·(1 − (k − d_c)/k))) with d_c the commit's age in days
 * at the report's time (0 < d_c ≤ k). About 0.5 for a same-day commit, about 0 at k days.
 */
export function commitScores(index: SourceIndex, commits: readonly CommitInfo[], reportTime: number, k = 15): { scores: Float64Array; counts: Int32Array } {
  const scores = new Float64Array(index.size);
  const counts = new Int32Array(index.size);
  for (const c of commits) {
    const age = (reportTime - Date.parse(c.date)) / DAY_MS;
    if (!(age > 0 && age <= k) || !FIX_MESSAGE.test(c.message)) continue;
    const s = 1 / (1 + Math.exp(12 * (1 - (k - age) / k)));
    for (const path of c.files) {
      const doc = index.pathToDoc.get(path);
      if (doc === undefined) continue;
      scores[doc]! += s;
      counts[doc]!++;
    }
  }
  return { scores, counts };
}
