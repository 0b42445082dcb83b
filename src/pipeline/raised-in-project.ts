/**
 * Where the report's error was raised, when that is a file of this repository: the innermost frame, past the
 * standard library, of the report's last pasted traceback, in the repository's own code (its printed source line is
 * in the file), with an exception that is no sign of a missing or broken environment. A report whose error is raised
 * by the project's code (`UnicodeDecodeError` reading its README in its `setup.py`) is not "probably not a bug in
 * this repository's code", however much of its text speaks of installing or of a platform.
 */

import { indexRepoPaths, mapFrameToRepo, type FrameMapping, type ParsedIssue, type RepoPathIndex, type Traceback, type TracebackFrame } from "../issue/index.js";
import type { Classification, SourceFile } from "../types.js";

/**
 * Exceptions a missing or broken environment raises wherever the code checks for it: a module or shared library not
 * installed, a file, device or host not there, a network that fails, a subprocess (a compiler) that failed, a build
 * or install step's own check (distutils' "import tensorflow failed, is it installed?"), a package's requirements,
 * memory run out.
 */
const ENVIRONMENT_EXCEPTION =
  /(?:^|\.)(?:ImportError|ModuleNotFoundError|OSError|IOError|FileNotFoundError|PermissionError|BrokenPipeError|\w*(?:Connection|Timeout|SSL|Socket)\w*Error|gaierror|ReadTimeout|URLError|HTTPError|MemoryError|CalledProcessError|Distutils\w*Error|CompileError|LinkError|DistributionNotFound|VersionConflict|KeyboardInterrupt|SystemExit)$/;

/**
 * Messages that name the environment whatever the exception: CUDA and its libraries (also inside identifiers,
 * `CUDNN_STATUS_EXECUTION_FAILED`, `cudaMalloc`), drivers, memory, a build without GPU support, shared libraries.
 * Not a device the code put a tensor on: "found at least two devices, cuda:0 and cpu", "Expected object of device
 * type cuda but got device type cpu" are the code's own mistake.
 */
const ENVIRONMENT_MESSAGE =
  /(?<![a-z])(?<!device type )(?:cuda(?!:\d)|cudnn|cublas|curand|cufft|cusparse|nccl)|out of (?:shared )?memory|\bOOM\b|no kernel image|compiled? with(?:out)? (?:GPU|CUDA)|\bdriver\b|No module named|cannot open shared object|undefined symbol|\bGLIBC/i;

/** `module 'tensorflow' has no attribute 'placeholder'`: another release of a library than the code was written for. */
const LIBRARY_ATTRIBUTE = /\bmodule '([\w.]+)' has no attribute\b/;

/**
 * `packages`: the repository's top-level packages (a library's own module missing an attribute is the project's).
 * Only the last traceback counts: in a chain ("During handling of the above exception, another exception occurred")
 * it is the one that propagated, and after an environment error nothing is said.
 */
export function errorRaisedInProject(
  parsed: Pick<ParsedIssue, "tracebacks">,
  files: readonly SourceFile[],
  packages: ReadonlySet<string>,
  repo: RepoPathIndex = indexRepoPaths(files.map((f) => f.path)),
): Classification["raisedInProject"] {
  const tb = parsed.tracebacks[parsed.tracebacks.length - 1];
  if (!tb?.exceptionType || ENVIRONMENT_EXCEPTION.test(tb.exceptionType) || ENVIRONMENT_MESSAGE.test(tb.message ?? "")) return undefined;
  const library = LIBRARY_ATTRIBUTE.exec(tb.message ?? "")?.[1];
  if (library && !packages.has(library.split(".")[0]!)) return undefined;
  // `readme_file.read()` in the project's setup.py that fails in `encodings/cp1252.py` is the project's call (no
  // encoding given), as a None it passes to distutils is.
  const innermost = innermostPastStandardLibrary(tb, repo);
  if (!innermost) return undefined;
  const { frame, mapped, throughStandardLibrary } = innermost;
  // A file of the same name is not enough (`/tmp/pip-build-x/spacy/setup.py` is another package's setup.py, a
  // reporter's `utils.py` their own): the line the traceback printed must be in the repository's file.
  const file = mapped.repoPath ? files.find((f) => f.path === mapped.repoPath) : undefined;
  const printed = frame.code?.trim();
  if (!file || frame.line <= 0 || !printed || !file.text.split("\n").some((line) => line.trim() === printed)) return undefined;
  const raised = { path: file.path, line: frame.line, exceptionType: tb.exceptionType.split(".").pop()! };
  return throughStandardLibrary ? { ...raised, throughStandardLibrary: true as const } : raised;
}

/** The innermost frame of a traceback outside the standard library, mapped to the repository, and whether it is not the last frame. */
function innermostPastStandardLibrary(tb: Traceback, repo: RepoPathIndex): { frame: TracebackFrame; mapped: FrameMapping; throughStandardLibrary: boolean } | undefined {
  for (let i = tb.frames.length - 1; i >= 0; i--) {
    const frame = tb.frames[i]!;
    const mapped = mapFrameToRepo(frame.file, repo);
    if (!mapped.stdlib) return { frame, mapped, throughStandardLibrary: i < tb.frames.length - 1 };
  }
  return undefined;
}

/** Frameworks and array libraries whose raised errors are mostly checks of what the caller passed. */
const VALIDATING_LIBRARIES = new Set(["torch", "tensorflow", "tensorflow_core", "keras", "tf_keras", "mxnet", "jax", "jaxlib", "numpy", "scipy", "pandas"]);

/**
 * The installed library the report's error is raised in, when the innermost frame past the standard library of its
 * last traceback is another package's (`site-packages/transformers/tokenization_utils_base.py`, an egg's too): a
 * fact the comment states beside an outside leaning, which otherwise had nothing the report wrote to show. It does not
 * say the library is at fault (the project may call it wrongly): only where the error comes from.
 */
export function errorRaisedInLibrary(
  parsed: Pick<ParsedIssue, "tracebacks">,
  files: readonly SourceFile[],
  packages: ReadonlySet<string>,
  repo: RepoPathIndex = indexRepoPaths(files.map((f) => f.path)),
): Classification["raisedInLibrary"] {
  const tb = parsed.tracebacks[parsed.tracebacks.length - 1];
  if (!tb?.exceptionType) return undefined;
  const mapped = innermostPastStandardLibrary(tb, repo)?.mapped;
  if (!mapped?.thirdParty || !mapped.package || packages.has(mapped.package)) return undefined;
  // A package name as pip and imports write it: no path piece, no version.
  if (!/^[A-Za-z_][\w.-]{0,60}$/.test(mapped.package)) return undefined;
  // Not the frameworks and array libraries every project calls: most errors they raise are their checks of the
  // caller's arguments (Keras's "Input 0 is incompatible with layer" for tensorflow/addons#639's own wrapper), and
  // "raised inside the installed tensorflow_core" would point away from the code that passed them.
  if (VALIDATING_LIBRARIES.has(mapped.package.toLowerCase())) return undefined;
  return { library: mapped.package, exceptionType: tb.exceptionType.split(".").pop()! };
}
