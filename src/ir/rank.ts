import type { RankedFile } from "../types.js";
import type { LocalizerOutput } from "./localizers/localizer.js";
import type { SourceIndex } from "./source-index.js";

/**
 * Document numbers ordered by score, best first. Files scoring 0 are not ranked. Ties are broken by path
 * (documents are numbered in path order), so a ranking is deterministic and never depends on file order.
 */
export function orderByScore(scores: Float64Array): number[] {
  const docs: number[] = [];
  for (let d = 0; d < scores.length; d++) if (scores[d]! > 0) docs.push(d);
  docs.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return docs;
}

/** The top files of one localizer's output, each with its evidence. */
export function topFiles(index: SourceIndex, output: LocalizerOutput, top: number): RankedFile[] {
  return orderByScore(output.scores)
    .slice(0, top)
    .map((d) => ({ path: index.paths[d]!, score: output.scores[d]!, evidence: output.explain(d) }));
}
