/**
 * The repository's own top-level Python package (`flair`, `pyro`, `pytorch_lightning`), so that a report that
 * does not say which release of the project it runs can be asked for it: most fixes land in a later release, and
 * "which version" is a maintainer's first question.
 */

import { samePackage, withProjectVersionAsked } from "../classify/missing-facts.js";
import { isMeasurement } from "../classify/environment.js";
import { escapeRegExp } from "../classify/text.js";
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
  return statedPackageVersion(text, name) !== undefined;
}

/**
 * The version of the package the report states (see statesPackageVersion), as written: "0.4.1", "1.2.2rc1", and a
 * pre-release's qualifier kept ("0.4.0-pre", "1.3.0.dev20200518": not the release of the same number). A template's
 * heading may put it on the next line ("TorchIO version" over "0.18.15.").
 */
export function statedPackageVersion(text: string, name: string): string | undefined {
  const parts = name.split(/[-_.]+/).filter(Boolean).map(escapeRegExp);
  if (parts.length === 0) return undefined;
  // The short names reports give a project ("PL version: 0.8.1" for PyTorch Lightning), besides its package's.
  const spelt = [parts.join("[-_. ]?"), ...(PROJECT_SHORT_NAMES[name.toLowerCase()] ?? [])].join("|");
  // "Ludwig version tested on v0.2.2": the version after a few words that say where it was seen.
  const stated = new RegExp(`(?<![\\w-])(?:${spelt})(?![\\w-])[ \\t:=,(>~^-]*(?:and[ \\t]+[\\w.-]+[ \\t]+)?(?:versions?\\b(?:[^\\n\\d:]{0,60}:|[ \\t]+(?:tested|used|installed|running)[ \\t]+(?:on|with)[ \\t]+)?[ \\t:=*]*(?:\\n(?:[ \\t]*\\n)?[ \\t]*)?(?:is[ \\t]+)?)?v?(\\d+\\.\\d+(?:\\.\\d+)*(?:(?:a|b|rc|dev|post)\\d*|[.-](?:pre|dev|alpha|beta|rc|post)\\.?\\d*\\b)?)`, "i").exec(text);
  // "accuracy from sklearn 0.4986" is a number printed after the name, not a release.
  return stated?.[1] !== undefined && !isMeasurement(stated[1]) ? stated[1] : undefined;
}

/** Short names of well-known projects, by package: what their reports write instead of the package's name. */
const PROJECT_SHORT_NAMES: Record<string, string[]> = { pytorch_lightning: ["PL"], "pytorch-lightning": ["PL"] };

/** The report installs the project from its checkout: `pip install -e .`, `pip install --editable .[dev]`, `python setup.py develop`. */
const INSTALL_FROM_SOURCE_TREE = /\bpip3?[ \t]+install[ \t]+(?:-e|--editable)[ \t]+\.(?:\[[\w,-]+\])?(?![^\s])|\bsetup\.py[ \t]+(?:install|develop)\b/i;

/**
 * The classification with the project's own release asked for (see withProjectVersionAsked). The classifier knows
 * the report, not the repository: the pipeline, which has both, adds this question.
 */
export function withProjectVersionQuestion(classification: Classification, pkg: string | undefined, issueText: string): Classification {
  const version = pkg === undefined ? undefined : statedPackageVersion(issueText, pkg);
  // An editable install in a pasted freeze (`-e git+…@902d36a…#egg=allennlp`) says which code runs: a commit.
  const installedFrom = pkg !== undefined && new RegExp(`#egg=${escapeRegExp(pkg)}(?![\\w-])`, "i").test(issueText);
  const missingFacts = withProjectVersionAsked(classification.missingFacts, classification.environment, pkg, {
    statesVersion: version !== undefined || installedFrom,
    buildFailure: classification.buildFailure === true,
    installsFromSourceTree: INSTALL_FROM_SOURCE_TREE.test(issueText),
  });
  // The project's own release, stated, is shown with the rest of the environment ("kornia 0.4.1"): the reader of
  // the comment sees which release the report is about, as the environment reader shows the frameworks'.
  const known = pkg === undefined ? undefined : Object.keys(classification.environment.frameworks).find((f) => samePackage(f, pkg));
  const frameworks =
    pkg !== undefined && version !== undefined && known === undefined ? { ...classification.environment.frameworks, [pkg]: version } : classification.environment.frameworks;
  // Marked, so that the comment lists the project's release right after the frameworks it runs on.
  const project = known ?? (version !== undefined ? pkg : undefined);
  const environment = project === undefined ? classification.environment : { ...classification.environment, frameworks, project };
  return { ...classification, environment, missingFacts };
}

/**
 * Package names that are words of the reports, not names of a project (a yolov5-like tree's `utils`, a
 * stylegan-like one's `training`): masking them where the lexicons read would hide the words ("training" is a
 * Training term).
 */
const GENERIC_PACKAGE_NAMES = new Set([
  "utils", "util", "training", "train", "models", "model", "data", "datasets", "core", "common", "lib", "src", "app", "main", "tools", "nets", "layers", "ops",
  // Repository names too (pytorch/text, pytorch/vision, tensorflow/hub): words of any report.
  "text", "vision", "audio", "examples", "example", "hub", "tutorials", "docs", "benchmark", "benchmarks", "serving", "datasets", "recipes",
]);

/** The project's package as a name the classifier masks (ClassifyOptions.ownNames), unless it is a generic word. */
export function maskableProjectName(pkg: string | undefined): string | undefined {
  return pkg !== undefined && !GENERIC_PACKAGE_NAMES.has(pkg.toLowerCase()) ? pkg : undefined;
}

/**
 * The names the classifier masks for a repository whose package is `pkg` (ClassifyOptions.ownNames), and whose
 * repository name, when known, is `repositoryName` (`opencv` of opencv/opencv, whose package is `cv2`): the
 * classifier was trained with each labelled project's repository name masked, so both are its own names.
 */
export function classifierOwnNames(pkg: string | undefined, repositoryName?: string): string[] {
  const names = [maskableProjectName(pkg), maskableProjectName(repositoryName)].filter((n): n is string => n !== undefined);
  return [...new Set(names.map((n) => n.toLowerCase()))];
}
