/**
 * The repository's own top-level Python package (`flair`, `pyro`, `pytorch_lightning`), so that a report that
 * does not say which release of the project it runs can be asked for it: most fixes land in a later release, and
 * "which version" is a maintainer's first question.
 */

import { withProjectVersionAsked } from "../classify/missing-facts.js";
import type { Classification } from "../types.js";

/** Folders whose packages are not the project's library. */
const NOT_THE_LIBRARY = /^(?:tests?|testing|examples?|docs?|benchmarks?|scripts?|tools?|ci|build|dist|notebooks?|tutorials?|setup)$/i;

/** A package's `__init__.py` at the root, or under `src/`, `python/` or `lib/` (mxnet keeps `python/mxnet/`). */
const PACKAGE_INIT = /^(?:(src|python|lib)\/)?([A-Za-z_]\w*)\/__init__\.py$/;

/** At least this many Python files: a folder with an `__init__.py` and two helpers is no library. */
const MIN_PACKAGE_FILES = 5;

/** The package with the most Python files under it, or undefined when the repository has none that qualifies. */
export function projectPackage(paths: readonly string[]): string | undefined {
  const roots = new Map<string, string>(); // folder → package name
  for (const path of paths) {
    const m = PACKAGE_INIT.exec(path);
    if (m && !NOT_THE_LIBRARY.test(m[2]!)) roots.set(m[1] ? `${m[1]}/${m[2]}/` : `${m[2]}/`, m[2]!);
  }
  let best: { name: string; files: number } | undefined;
  for (const [folder, name] of roots) {
    const files = paths.filter((p) => p.startsWith(folder) && p.endsWith(".py")).length;
    if (files >= MIN_PACKAGE_FILES && (!best || files > best.files)) best = { name, files };
  }
  return best?.name;
}

/**
 * Whether the report states a version of the package: "flair version 0.4.5", "pytorch-lightning==0.7.3",
 * "Pytorch lightning 0.8.0", "pyro: 1.3.0", "flair (v0.4.5)". The name may be spelt with `-`, `_`, `.` or a space
 * between its parts; between the name and the number only separators and the word "version" may stand ("version
 * is" too, and a template's "version and how it was installed (source or binary): 0.11.0"), so that "flair with
 * torch 1.6.0" is not read as flair's version.
 */
export function statesPackageVersion(text: string, name: string): boolean {
  const parts = name.split(/[-_.]+/).filter(Boolean).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (parts.length === 0) return false;
  const spelt = parts.join("[-_. ]?");
  return new RegExp(`(?<![\\w-])${spelt}(?![\\w-])[ \\t:=,(>~^-]*(?:version\\b(?:[^\\n\\d:]{0,60}:)?[ \\t:=]*(?:is[ \\t]+)?)?v?\\d+\\.\\d+`, "i").test(text);
}

/**
 * The classification with the project's own release asked for (see withProjectVersionAsked). The classifier knows
 * the report, not the repository: the pipeline, which has both, adds this question.
 */
export function withProjectVersionQuestion(classification: Classification, paths: readonly string[], issueText: string): Classification {
  const pkg = projectPackage(paths);
  const stated = pkg !== undefined && statesPackageVersion(issueText, pkg);
  const missingFacts = withProjectVersionAsked(classification.missingFacts, classification.environment, pkg, stated, classification.buildFailure === true);
  return { ...classification, missingFacts };
}
