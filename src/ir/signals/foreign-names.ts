/**
 * Names of the issue's code that belong to another library: `np.random.rand` after `import numpy as np`,
 * `assert_allclose` after `from numpy.testing import assert_allclose`. The repository's definitions and tests of the
 * same name (`test_np_rand`, a helper `assert_allclose`) are not what such a name points at. Only names the issue's
 * own imports resolve count: without the import, `np` may be the project's (`from mxnet import np`).
 */

import { indexRepoPaths, mapFrameToRepo, type RepoPathIndex } from "../../issue/map-frame.js";
import type { ParsedIssue } from "../../issue/types.js";

/** The top-level packages and modules of a repository: `mxnet` of `python/mxnet/...`, `tests`, a root `setup.py`'s `setup`. */
export function repositoryPackages(paths: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const path of paths) {
    if (!path.endsWith(".py")) continue;
    const parts = path.split("/");
    const start = parts.length > 2 && /^(?:src|python|lib)$/.test(parts[0]!) ? 1 : 0;
    const first = parts[start]!;
    out.add(start === parts.length - 1 ? first.slice(0, -3) : first);
  }
  return out;
}

/**
 * Libraries written by their full name as a dotted name's root (`torch.nn.Sequential`, `numpy.linalg.norm`): such a
 * name is that library's API without an import line to say so. Not the aliases (`np`, `tf`, `mx`): mxnet's own
 * front end is `mxnet.np`, and a project may bind any alias to its own module.
 */
const FULL_LIBRARY_NAMES = new Set(["torch", "torchvision", "numpy", "tensorflow", "jax", "pandas", "sklearn", "scipy", "cv2", "keras", "mxnet", "onnx", "transformers"]);

/**
 * True when the name's first part is bound by the issue's imports to a package the repository does not hold, or is
 * the full name of such a library (`torch.nn.Sequential` in a report to a repository that is not torch).
 */
export function isForeignName(name: string, bindings: Readonly<Record<string, string>>, packages: ReadonlySet<string>): boolean {
  const root = name.split(".")[0]!;
  if (name.includes(".") && FULL_LIBRARY_NAMES.has(root) && !Object.hasOwn(bindings, root)) return !packages.has(root);
  const module = Object.hasOwn(bindings, root) ? bindings[root] : undefined;
  // A relative import (`from . import utils`, pasted from the repository's own code) is the repository's.
  if (module === undefined || module.startsWith(".")) return false;
  return !packages.has(module.split(".")[0]!);
}

/**
 * Names the issue holds only in code lines printed under traceback frames outside the repository (an installed
 * library's, the standard library's): `forward_call` of torch's `return forward_call(*input, **kwargs)` is torch's
 * code, no name the reporter or the repository used. A name also printed under a frame of the repository's own
 * files (or not placed anywhere) stays the issue's. `packages`: the repository's (repositoryPackages), when the caller
 * has them already.
 */
export function namesOfForeignFrames(
  parsed: Pick<ParsedIssue, "frameOnlyNames">,
  paths: readonly string[],
  packages: ReadonlySet<string> = repositoryPackages(paths),
  repo: RepoPathIndex = indexRepoPaths(paths),
): Set<string> {
  if (parsed.frameOnlyNames.length === 0) return new Set();
  const foreign = new Set<string>();
  const own = new Set<string>();
  for (const { file, names } of parsed.frameOnlyNames) {
    const mapped = mapFrameToRepo(file, repo);
    // An installed file of the project's own package that the snapshot no longer holds (moved or renamed since the
    // reporter's release) is still the project's code.
    const outside = mapped.repoPath === null && (mapped.stdlib || (mapped.thirdParty && !(mapped.package && packages.has(mapped.package))));
    for (const name of names) (outside ? foreign : own).add(name);
  }
  for (const name of own) foreign.delete(name);
  return foreign;
}
