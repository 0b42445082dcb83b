import type { CommitInfo } from "../../types.js";
import type { SourceIndex } from "../source-index.js";

// Words of a fix, not a bare "#123": squash merges name their pull request, which would count every change.
const FIX_MESSAGE = /\b(fix(e[sd]|ing)?|bug|issue|error|crash|resolve[sd]?)\b/i;
const MONTH_MS = 30.44 * 86_400_000;

export interface FixHistory {
  /** Number of earlier fix commits that touched each file. */
  counts: Int32Array;
  /** Recency of the last fix (Ye et al.): 1 / (months since the last fix + 1); 0 when never fixed. */
  recency: Float64Array;
}

/**
 * How often and how recently each file was fixed before the issue (Ye et al., FSE 2014, as used by DNNLOC):
 * bug-prone files stay bug-prone. Only commits dated before `reportTime` count.
 */
export function fixHistory(index: SourceIndex, commits: readonly CommitInfo[], reportTime: number): FixHistory {
  const counts = new Int32Array(index.size);
  const last = new Float64Array(index.size);
  for (const c of commits) {
    const t = Date.parse(c.date);
    if (!(t < reportTime) || !FIX_MESSAGE.test(c.message)) continue;
    for (const path of c.files) {
      const d = index.pathToDoc.get(path);
      if (d === undefined) continue;
      counts[d]!++;
      if (t > last[d]!) last[d] = t;
    }
  }
  const recency = new Float64Array(index.size);
  for (let d = 0; d < recency.length; d++) if (last[d]! > 0) recency[d] = 1 / ((reportTime - last[d]!) / MONTH_MS + 1);
  return { counts, recency };
}
