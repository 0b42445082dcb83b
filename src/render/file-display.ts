/**
 * Whether the ranked files are worth pushing: shown plainly, shown under a caution, or folded away.
 * The stricter of three opinions wins: the pipeline's own verdict, the repository's thresholds applied to the
 * localizability confidence, and "probably extrinsic" (the fix is then rarely in the project's files).
 */
import type { TriageResult } from "../types.js";
import type { RepoConfig } from "../config/repo-config-schema.js";
import { isProbablyExtrinsic } from "../labels/classification-verdicts.js";

export type FileVerdict = "show" | "soften" | "withhold";

export interface FileDisplay {
  verdict: FileVerdict;
  /** Localizability confidence, when the pipeline computed it. */
  confidence?: number;
  /**
   * False when the ranking itself is doubted (low localizability); true when files are cautioned only because the
   * cause is probably outside the code, so the comment does not call a sound ranking "low confidence".
   */
  rankingTrusted: boolean;
  reasons: string[];
}

const STRICTNESS: Record<FileVerdict, number> = { show: 0, soften: 1, withhold: 2 };

export function decideFileDisplay(result: TriageResult, config: RepoConfig): FileDisplay {
  let verdict: FileVerdict = "show";
  const reasons: string[] = [];
  const stricter = (candidate: FileVerdict) => {
    if (STRICTNESS[candidate] > STRICTNESS[verdict]) verdict = candidate;
  };

  const localizability = result.localizability;
  if (localizability) {
    stricter(localizability.verdict);
    const { showFiles, softenFiles } = config.thresholds;
    const confidence = localizability.confidence;
    stricter(confidence >= showFiles ? "show" : confidence >= softenFiles ? "soften" : "withhold");
    // The localizability's reasons explain a doubt; when it has none (its own verdict "show", softened only by the
    // repository's stricter thresholds), they are praise, and repeating them under a caution would contradict it.
    if (verdict !== "show" && localizability.verdict !== "show") reasons.push(...localizability.reasons);
  }
  const rankingTrusted = verdict === "show";
  if (isProbablyExtrinsic(result, config)) {
    stricter("soften");
    // A failed build's fix may be in the repository after all (its build files or a source that does not compile).
    const doubt = result.classification?.buildFailure ? "the build failed, so the fix may lie in how it is built" : "the cause is probably outside this repository's code";
    if (!reasons.some((reason) => /extrinsic|outside|build failed/i.test(reason))) reasons.push(doubt);
  }
  return { verdict, ...(localizability ? { confidence: localizability.confidence } : {}), rankingTrusted, reasons };
}
