import type { SourceIndex } from "../source-index.js";
import { moduleStem } from "./class-field.js";

/** Test code by where it lies: a test folder, or pytest's conftest.py (fixtures, wherever it is). */
const TEST_LOCATION = /(^|\/)(tests?|testing)\/|(^|\/)conftest\.py$/;
/** Test code by its name alone: `test_x.py`, `x_test.py` (a library's `test_utils.py` too). */
const TEST_NAME = /(^|\/)test_[^/]*\.py$|_test\.py$/;

export function isTestPath(path: string): boolean {
  return TEST_LOCATION.test(path) || TEST_NAME.test(path);
}

/** A test file by where it lies, whatever it is named (see TEST_LOCATION). */
export function isTestLocation(path: string): boolean {
  return TEST_LOCATION.test(path);
}

/** The module a test file is named after: `test_trainer.py` and `trainer_test.py` -> `trainer`. */
export function testedStem(path: string): string | null {
  const stem = moduleStem(path);
  if (stem.startsWith("test_")) return stem.slice(5);
  if (stem.endsWith("_test")) return stem.slice(0, -5);
  return null;
}

/**
 * Pairs each test file with the source files it is named after, and back. A fix usually changes a module
 * and its test together, so each side of a pair inherits evidence from the other.
 * `tests/trainer/test_trainer_cli.py` pairs with `…/trainer_cli.py`, or failing that with `…/trainer.py` (and `…/cli.py`,
 * the last word, when one exists: `test_sharded_optimizer.py` tests the optimizer).
 */
export function testPairs(index: SourceIndex): Map<number, number[]> {
  const byStem = new Map<string, number[]>();
  index.paths.forEach((p, d) => {
    if (!p.endsWith(".py") || isTestPath(p)) return;
    const stem = moduleStem(p);
    let list = byStem.get(stem);
    if (!list) byStem.set(stem, (list = []));
    list.push(d);
  });
  const pairs = new Map<number, number[]>();
  const link = (a: number, b: number) => {
    let l = pairs.get(a);
    if (!l) pairs.set(a, (l = []));
    l.push(b);
  };
  index.paths.forEach((p, d) => {
    const tested = testedStem(p);
    if (!tested) return;
    const parts = tested.split("_");
    for (let n = parts.length; n >= 1; n--) {
      // The module's name first (`test_trainer_cli` tests trainer's CLI), or last (`test_lightning_optimizer` tests
      // the optimizer wrapper): both, at the longest length where either names a module.
      const stems = new Set([parts.slice(0, n).join("_"), parts.slice(parts.length - n).join("_")]);
      const found: number[] = [];
      for (const stem of stems) {
        const sources = byStem.get(stem);
        if (sources && sources.length <= 3) found.push(...sources);
      }
      if (found.length === 0) continue;
      for (const s of closestByFolder(p, found, index.paths)) {
        link(d, s);
        link(s, d);
      }
      break;
    }
  });
  return pairs;
}

/** Folder names that only say "tests live here". */
const TEST_FOLDERS = new Set(["test", "tests", "testing", "unittest", "unittests", "python", "src"]);

/**
 * Of the modules a test's name could mean, the ones whose folders the test's own folders mirror most:
 * `tests/metrics/functional/test_classification.py` tests `metrics/functional/classification.py`, not
 * `metrics/classification.py`. Test trees copy the package's layout; when the test's folders say nothing (a flat
 * `tests/`) or several modules match them as well, all are kept.
 */
export function closestByFolder(testPath: string, sources: readonly number[], paths: readonly string[]): number[] {
  if (sources.length < 2) return [...sources];
  const testFolders = folders(testPath).filter((f) => !TEST_FOLDERS.has(f));
  if (testFolders.length === 0) return [...sources];
  const shared = sources.map((s) => {
    const own = new Set(folders(paths[s]!));
    return testFolders.filter((f) => own.has(f)).length;
  });
  const best = Math.max(...shared);
  return sources.filter((_, i) => shared[i] === best);
}

function folders(path: string): string[] {
  return path.split("/").slice(0, -1).map((f) => f.toLowerCase());
}
