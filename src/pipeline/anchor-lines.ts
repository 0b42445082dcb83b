import type { Evidence, RankedFile, SourceFile } from "../types.js";

/**
 * Checks each traceback line against the analysed commit. A reporter who runs an installed release prints line
 * numbers of that release: at this commit, line 294 of `trainer.py` may be another statement, and a link to it
 * lands on code the report never ran. When the printed source line is elsewhere in the file, the evidence moves to
 * the nearest copy of it; when it is nowhere, the number is kept as the reporter's and not linked.
 */
export function anchorTracebackLines(ranked: readonly RankedFile[], files: readonly SourceFile[]): RankedFile[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  let lines: Map<string, string[]> | undefined;
  const linesOf = (path: string): string[] | undefined => {
    lines ??= new Map();
    let got = lines.get(path);
    if (!got) {
      const file = byPath.get(path);
      if (!file) return undefined;
      lines.set(path, (got = file.text.split("\n").map((l) => l.trim())));
    }
    return got;
  };
  return ranked.map((file) => {
    if (!file.evidence.some((e) => e.code !== undefined)) return file;
    return { ...file, evidence: file.evidence.map((e) => anchored(e, () => linesOf(file.path))) };
  });
}

function anchored(evidence: Evidence, linesOf: () => string[] | undefined): Evidence {
  const { code, ...rest } = evidence;
  if (code === undefined || rest.line === undefined) return rest;
  const lines = linesOf();
  const printed = code.trim();
  if (!lines || printed === "" || lines[rest.line - 1] === printed) return rest;
  let nearest: number | undefined;
  lines.forEach((l, i) => {
    if (l === printed && (nearest === undefined || Math.abs(i + 1 - rest.line!) < Math.abs(nearest - rest.line!))) nearest = i + 1;
  });
  if (nearest !== undefined) return { ...rest, line: nearest };
  const { line, ...unlinked } = rest;
  return { ...unlinked, detail: `${unlinked.detail} (line ${line} in the reporter's version)` };
}
