import type { Evidence } from "../../types.js";
import type { SourceIndex } from "../source-index.js";
import type { StackTraceSignal } from "./stack-trace.js";

/** Evidence lines for a file named by the traceback, or imported by a file that is. */
export function traceEvidence(index: SourceIndex, signal: StackTraceSignal, doc: number): Evidence[] {
  const hit = signal.hits.get(doc);
  if (hit) {
    const where = hit.frame.func ? `\`${hit.frame.func}\`, ` : "";
    // The rank counts the traceback's project files, innermost first (a file with several frames counts once).
    const position = hit.rank === 1 ? "the innermost project frame" : `the ${ordinal(hit.rank)} project file from the innermost frame`;
    return [{ kind: "traceback", detail: `${where}${position}`, ...(hit.frame.line > 0 ? { line: hit.frame.line } : {}) }];
  }
  const importer = signal.imported.get(doc);
  if (importer !== undefined) return [{ kind: "import", detail: `\`${index.paths[importer]}\`` }];
  return [];
}

/** 2 -> "2nd", 3 -> "3rd", 11 -> "11th", 22 -> "22nd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}
