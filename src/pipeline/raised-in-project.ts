/**
 * Where the report's error was raised, when that is a file of this repository: the innermost frame of a pasted
 * traceback outside the standard library, in the repository's own code, with an exception that is no sign of a
 * missing or broken environment.
 * A report whose error is raised by the project's code (`AttributeError: 'NoneType' object has no attribute
 * 'version'` in its `setup.py`) is not "probably not a bug in this repository's code", however much of its text
 * speaks of the build or a library.
 */

import { indexRepoPaths, mapFrameToRepo, type ParsedIssue } from "../issue/index.js";
import type { Classification } from "../types.js";

/**
 * Exceptions a missing or broken environment raises wherever the code checks for it: a module or shared library not
 * installed, a file, device or host not there, a subprocess (a compiler) that failed, a build or install step's own
 * check (distutils' "import tensorflow failed, is it installed?"), memory run out.
 */
const ENVIRONMENT_EXCEPTION =
  /(?:^|\.)(?:ImportError|ModuleNotFoundError|OSError|IOError|FileNotFoundError|PermissionError|MemoryError|CalledProcessError|Distutils\w*Error|CompileError|LinkError|ConnectionError|ConnectionResetError|TimeoutError|URLError|HTTPError|SSLError|KeyboardInterrupt|SystemExit)$/;

/** Messages that name the environment whatever the exception: CUDA, drivers, shared libraries, memory. */
const ENVIRONMENT_MESSAGE = /\bCUDA\b|\bcuDNN\b|\bNCCL\b|\bcuBLAS\b|out of memory|\bdriver\b|No module named|cannot open shared object|undefined symbol|\bGLIBC/i;

export function errorRaisedInProject(parsed: Pick<ParsedIssue, "tracebacks">, paths: Iterable<string>): Classification["raisedInProject"] {
  if (parsed.tracebacks.length === 0) return undefined;
  const repo = indexRepoPaths(paths);
  for (const tb of parsed.tracebacks) {
    if (!tb.exceptionType || ENVIRONMENT_EXCEPTION.test(tb.exceptionType) || ENVIRONMENT_MESSAGE.test(tb.message ?? "")) continue;
    // The innermost frame outside the standard library: `readme_file.read()` in the project's setup.py that fails in
    // `encodings/cp1252.py` is the project's call (no encoding given), as a None it passes to distutils is.
    for (let i = tb.frames.length - 1; i >= 0; i--) {
      const frame = tb.frames[i]!;
      const mapped = mapFrameToRepo(frame.file, repo);
      if (mapped.stdlib) continue;
      if (mapped.repoPath && frame.line > 0) return { path: mapped.repoPath, line: frame.line, exceptionType: tb.exceptionType.split(".").pop()! };
      break;
    }
  }
  return undefined;
}
