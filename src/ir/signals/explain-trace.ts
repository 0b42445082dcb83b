import type { Evidence } from "../../types.js";
import type { SourceIndex } from "../source-index.js";
import type { StackTraceSignal } from "./stack-trace.js";

/** Evidence lines for a file named by the traceback, or imported by a file that is. */
export function traceEvidence(index: SourceIndex, signal: StackTraceSignal, doc: number): Evidence[] {
  const hit = signal.hits.get(doc);
  if (hit) {
    const where = hit.frame.func ? `\`${hit.frame.func}\`, ` : "";
    const position = hit.rank === 1 ? "the innermost project frame" : `project frame ${hit.rank} from the innermost`;
    return [{ kind: "traceback", detail: `${where}${position}`, ...(hit.frame.line > 0 ? { line: hit.frame.line } : {}) }];
  }
  const importer = signal.imported.get(doc);
  if (importer !== undefined) return [{ kind: "import", detail: `\`${index.paths[importer]}\`` }];
  return [];
}
