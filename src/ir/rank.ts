import type { RankedFile } from "../types.js";
import type { LocalizerOutput } from "./localizers/localizer.js";
import type { SourceIndex } from "./source-index.js";
import { isTestLocation, isTestPath } from "./signals/test-pairs.js";

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

/** The top files of one localizer's output, each with its evidence, and marked when it is a test. */
export function topFiles(index: SourceIndex, output: LocalizerOutput, top: number): RankedFile[] {
  return orderByScore(output.scores)
    .slice(0, top)
    .map((d) => ({ path: index.paths[d]!, score: output.scores[d]!, evidence: output.explain(d), ...(isTestFile(index, d) ? { test: true as const } : {}) }));
}

/**
 * A test file for a reader: under a test folder, a conftest.py, or named like a test and defining a test function. A library
 * module named `test_utils.py` (mxnet's helpers) or `test_tube.py` (a logger for the test-tube package) holds no
 * test function: it is code a fix may well change, not its test. (The ranker's own isTest feature goes by the
 * path alone, as it was trained.)
 */
export function isTestFile(index: SourceIndex, doc: number): boolean {
  const path = index.paths[doc]!;
  if (!isTestPath(path)) return false;
  if (isTestLocation(path)) return true;
  const functions = index.docs[doc]!.structure?.functions ?? [];
  return functions.some((f) => /^test/i.test(f.name));
}
