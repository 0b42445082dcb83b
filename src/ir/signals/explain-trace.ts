import type { TracebackFrame } from "../../issue/types.js";
import type { Evidence } from "../../types.js";
import type { SourceIndex } from "../source-index.js";
import type { StackTraceSignal } from "./stack-trace.js";

/** Evidence lines for a file named by the traceback, or imported by a file that is. */
export function traceEvidence(index: SourceIndex, signal: StackTraceSignal, doc: number): Evidence[] {
  const hit = signal.hits.get(doc);
  if (hit) {
    const line = hit.frame.line > 0 ? { line: hit.frame.line } : {};
    // A C++/CUDA file named by a compiler or native error line ("convolution.cu(93): error: ...") is no frame of
    // a traceback, and the lines it came from are printed in order, not innermost last: say what they are.
    if (isErrorLocation(hit.frame)) {
      const position = hit.rank === 1 ? "the last project file it names" : `the ${ordinal(hit.rank)} project file from the last one it names`;
      return [{ kind: "error-location", detail: position, ...line }];
    }
    const where = hit.frame.func ? `\`${hit.frame.func}\`, ` : "";
    // The rank counts the traceback's project files, innermost first (a file with several frames counts once).
    // The last of three or more of one traceback is where the run started (the script run, a test's entry): said so,
    // not counted. Of several tracebacks, the last rank may be an earlier traceback's innermost frame.
    // Files of the project the traceback went through deeper in, which this commit no longer holds (moved since the
    // reporter's release), count in the position: the file is not the innermost project frame then.
    const counted = hit.rank + (hit.unplacedBefore ?? 0);
    const position =
      counted === 1
        ? "the innermost project frame"
        : hit.rank === signal.hits.size && hit.rank > 2 && signal.tracebackCount === 1 && signal.outermost === doc
          ? "the outermost project frame"
          : `the ${ordinal(counted)} project file from the innermost frame${hit.unplacedBefore ? ` (${hit.unplacedBefore} of those deeper ${hit.unplacedBefore === 1 ? "is" : "are"} not in this commit)` : ""}`;
    const code = hit.frame.line > 0 && hit.frame.code ? { code: hit.frame.code } : {};
    // The function's own name (`Module._call_impl` -> `_call_impl`), for a link to its definition should the printed
    // line not be at this commit; not a notebook cell or `<module>`.
    const name = hit.frame.func.split(".").pop() ?? "";
    const func = "code" in code && /^[A-Za-z_]\w*$/.test(name) ? { func: name } : {};
    return [{ kind: "traceback", detail: `${where}${position}`, ...line, ...code, ...func }];
  }
  const importer = signal.imported.get(doc);
  if (importer !== undefined) return [{ kind: "import", detail: `\`${index.paths[importer]}\`` }];
  return [];
}

/**
 * A location without a function: what compilers and native code print, and a Python warning's or error's `file:line:`
 * line (`./ci/submit-job.py:95: DeprecationWarning: ...`), which is no traceback either.
 */
function isErrorLocation(frame: TracebackFrame): boolean {
  return frame.func === "" && (frame.location === true || !/\.pyw?$/i.test(frame.file));
}

/** 2 -> "2nd", 3 -> "3rd", 11 -> "11th", 22 -> "22nd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}
