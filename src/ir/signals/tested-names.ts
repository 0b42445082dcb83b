import type { SourceIndex } from "../source-index.js";

/** Names too common in test function names to say which test file a fix would extend. */
const GENERIC_TESTED = new Set(["init", "call", "forward", "run", "main", "basic", "simple", "default", "setup", "model", "data", "train", "test"]);

export interface TestedNameMatch {
  scores: Float64Array;
  /** For evidence: each file's test function named after the rarest matched name, and its line. */
  matches: Map<number, TestedNameEvidence>;
}

export interface TestedNameEvidence {
  /** The test function, and its line. */
  name: string;
  line: number;
  /** The name it tests, and in how many files it is tested (1 = only here: telling evidence). */
  tested: string;
  files: number;
}

/**
 * Test files that already test a name the code uses: `def test_topk` or `def test_where_broadcast` for an
 * issue about `mx.nd.topk` or `mx.sym.where`. A fix usually adds its regression test next to the existing tests of
 * the API it repairs, and those test files are named after a whole area (`test_operator.py`), not after the module
 * that changed, so pairing by file name cannot find them. Each matched name adds its inverse frequency over the
 * files whose tests match it, log(1 + N / df), like {@link definitionMatches}.
 */
export function testedNameMatches(index: SourceIndex, names: readonly string[]): TestedNameMatch {
  const scores = new Float64Array(index.size);
  const matches = new Map<number, TestedNameEvidence>();
  const wanted = new Set<string>();
  for (const n of names) {
    for (const part of n.split(".")) {
      // Test functions are snake_case whatever they test: `ModelCheckpoint` is tested in `test_model_checkpoint_*`.
      for (const key of new Set([part.toLowerCase(), snakeCase(part)])) {
        if (key.length >= 3 && !GENERIC_TESTED.has(key) && !key.startsWith("test")) wanted.add(key);
      }
    }
  }
  if (wanted.size === 0) return { scores, matches };
  const testers = new Map<string, Map<number, { name: string; line: number; tested: string }>>();
  index.docs.forEach((doc, d) => {
    const functions = doc.structure?.functions;
    if (!functions) return;
    for (const f of functions) {
      const lower = f.name.toLowerCase();
      if (!lower.startsWith("test_")) continue;
      // `_where_broadcast_` contains `_where_`: the name on word boundaries of the test's name.
      const words = `_${lower.slice(5)}_`;
      for (const key of wanted) {
        if (!words.includes(`_${key}_`)) continue;
        let m = testers.get(key);
        if (!m) testers.set(key, (m = new Map()));
        if (!m.has(d)) m.set(d, { name: f.name, line: f.line, tested: key });
      }
    }
  });
  const bestIdf = new Float64Array(index.size);
  for (const docs of testers.values()) {
    const idf = Math.log(1 + index.size / docs.size);
    for (const [d, at] of docs) {
      scores[d]! += idf;
      if (idf > bestIdf[d]!) {
        bestIdf[d] = idf;
        matches.set(d, { ...at, files: docs.size });
      }
    }
  }
  return { scores, matches };
}

/** `ModelCheckpoint` -> `model_checkpoint`, `ReduceLROnPlateau` -> `reduce_lr_on_plateau`, `topk` -> `topk`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase();
}
