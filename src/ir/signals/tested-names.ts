import type { SourceIndex } from "../source-index.js";
import { recordMatch } from "./rarity-credit.js";
import { isTestPath } from "./test-pairs.js";

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
  /** The name it tests, as the issue writes it, and in how many files it is tested (1 = only here: telling evidence). */
  tested: string;
  files: number;
}

/**
 * Test files that already test a name the issue's code uses: `def test_topk` or `def test_where_broadcast` for an
 * issue about `mx.nd.topk` or `mx.sym.where`. A fix usually adds its regression test next to the existing tests of
 * the API it repairs, and those test files are named after a whole area (`test_operator.py`), not after the module
 * that changed, so pairing by file name cannot find them. Each matched name adds its inverse frequency over the
 * files whose tests match it ({@link creditByRarity}), like {@link definitionMatches}.
 *
 * Only test files count (`setup.py`'s `def test_compile` is a build helper, not a test of Keras's `compile`), and the
 * repository's own top-level packages (`projectNames`: `horovod` of `horovod.mxnet.allgather`) are no tested API: a
 * project's tests are named after it throughout (`test_horovod_allreduce`), whatever the issue is about.
 */
export function testedNameMatches(index: SourceIndex, names: readonly string[], projectNames: ReadonlySet<string> = new Set()): TestedNameMatch {
  const matches = new Map<number, TestedNameEvidence>();
  // Each key with the name as the issue writes it, which the evidence quotes (`EKFState`, not `ekfstate`).
  const wanted = new Map<string, string>();
  let longest = 0; // in words: `model_checkpoint` is two
  for (const n of names) {
    for (const part of n.split(".")) {
      // Test functions are snake_case whatever they test: `ModelCheckpoint` is tested in `test_model_checkpoint_*`.
      for (const key of new Set([part.toLowerCase(), snakeCase(part)])) {
        if (key.length < 3 || GENERIC_TESTED.has(key) || projectNames.has(key) || key.startsWith("test")) continue;
        if (!wanted.has(key)) wanted.set(key, part);
        longest = Math.max(longest, key.split("_").length);
      }
    }
  }
  if (wanted.size === 0) return { scores: new Float64Array(index.size), matches };
  const testers = new Map<string, Map<number, { name: string; line: number; tested: string }>>();
  index.docs.forEach((doc, d) => {
    const functions = doc.structure?.functions;
    if (!functions || !isTestPath(index.paths[d]!)) return;
    for (const f of functions) {
      const lower = f.name.toLowerCase();
      if (!lower.startsWith("test_")) continue;
      // The name on word boundaries of the test's name: `test_where_broadcast` tests `where`. Looking up
      // each run of consecutive words costs the test name's length, however many names the issue has.
      const words = lower.slice(5).split("_");
      for (let from = 0; from < words.length; from++) {
        for (let to = from + 1; to <= Math.min(words.length, from + longest); to++) {
          const key = words.slice(from, to).join("_");
          const tested = wanted.get(key);
          if (tested !== undefined) recordMatch(testers, key, d, { name: f.name, line: f.line, tested });
        }
      }
    }
  });
  // Each name's credit is also weighed by how rare its words are in the repository's code: `size` in
  // `test_size_array`, `seed` or `npx` (mxnet's `mx.npx` namespace) name one test each, yet are written all over the
  // code, and say little of which API the report is about; `topk` is written in a few files and says much. The weight
  // is the rarest word's inverse document frequency over the files' identifiers, as a share of its largest value
  // (a word in one file): a query term's idf, as BM25 weighs every term of a query. Each name adds its rarity among
  // the test files (log(1 + N / files testing it), as creditByRarity) times that specificity; the evidence names the
  // test of the name that weighs most.
  const scores = new Float64Array(index.size);
  const best = new Float64Array(index.size);
  for (const [key, files] of testers) {
    const credit = Math.log(1 + index.size / files.size) * identifierSpecificity(index, key);
    for (const [d, at] of files) {
      scores[d]! += credit;
      if (credit <= best[d]!) continue;
      best[d] = credit;
      matches.set(d, { ...at, files: files.size });
    }
  }
  return { scores, matches };
}

/**
 * How specific a name is to a few files of the repository, in (0, 1]: the inverse document frequency of its rarest
 * word over the files' identifiers, divided by that of a word in one file. 1 for a name no file's code writes (only
 * its tests' names do).
 */
function identifierSpecificity(index: SourceIndex, key: string): number {
  const identifiers = index.field("identifiers");
  const n = index.size;
  const bag = index.query(key.replace(/_/g, " "));
  let rarest = 0;
  for (const id of bag.ids) {
    const df = identifiers.df(id);
    rarest = Math.max(rarest, Math.log(1 + n / Math.max(df, 1)));
  }
  const most = Math.log(1 + n);
  return bag.ids.length === 0 || most === 0 ? 1 : Math.min(1, rarest / most);
}

/** `ModelCheckpoint` -> `model_checkpoint`, `ReduceLROnPlateau` -> `reduce_lr_on_plateau`, `topk` -> `topk`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase();
}
