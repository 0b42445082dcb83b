import type { Evidence, RankedFile, SourceFile } from "../types.js";
import { normalizeSourceLine } from "../issue/source-lines.js";

/**
 * Checks each traceback line against the analysed commit. A reporter who runs an installed release prints line
 * numbers of that release: at this commit, line 294 of `trainer.py` may be another statement, and a link to it
 * lands on code the report never ran. When the printed source line is elsewhere in the file, the evidence moves to
 * the nearest copy of it and says which line the traceback printed; when it is nowhere, the number is kept as the
 * reporter's and not linked.
 */
export function anchorTracebackLines(ranked: readonly RankedFile[], files: readonly SourceFile[]): RankedFile[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const lines = new Map<string, string[]>(); // split once per file, and only for files with a frame to check
  const linesOf = (path: string): string[] | undefined => {
    let got = lines.get(path);
    if (!got) {
      const file = byPath.get(path);
      if (!file) return undefined;
      lines.set(path, (got = file.text.split("\n").map(normalizeSourceLine)));
    }
    return got;
  };
  return ranked.map((file) => {
    if (!file.evidence.some((e) => e.code !== undefined || e.line !== undefined)) return file;
    const lines = () => linesOf(file.path);
    return { ...file, evidence: file.evidence.map((e) => withinFile(anchored(e, lines), lines()?.length)) };
  });
}

/**
 * A line past the file's end (pytest's `tests/test_x.py:590:` of a longer release of the file) links nowhere: kept as
 * the reporter's number, not linked.
 */
function withinFile(evidence: Evidence, lineCount: number | undefined): Evidence {
  if (lineCount === undefined || evidence.line === undefined || evidence.line <= lineCount) return evidence;
  const { line, ...unlinked } = evidence;
  return { ...unlinked, detail: `${unlinked.detail} (line ${line} in the reporter's version)` };
}

function anchored(evidence: Evidence, linesOf: () => string[] | undefined): Evidence {
  const { code, func, ...rest } = evidence;
  if (code === undefined || rest.line === undefined) return rest;
  const lines = linesOf();
  // Compared as the copied-code matcher compares lines: trimmed, spaces collapsed, without a trailing comment (`# noqa:
  // N813` may differ between releases; a `#` inside a string literal is no comment).
  const printed = normalizeSourceLine(code);
  if (!lines || printed === "" || holds(lines[rest.line - 1], printed)) return rest;
  let nearest: number | undefined;
  lines.forEach((l, i) => {
    if (holds(l, printed) && (nearest === undefined || Math.abs(i + 1 - rest.line!) < Math.abs(nearest - rest.line!))) nearest = i + 1;
  });
  // Linked where the code is now, and said where the traceback printed it, so the reader who compares finds both.
  if (nearest !== undefined) return { ...rest, line: nearest, detail: `${rest.detail} (printed as line ${rest.line} in the reporter's version)` };
  const { line, ...unlinked } = rest;
  // The code moved out of sight (rewritten, or another release): the function the frame names, when this file defines
  // it, is where the reader should look; else no line, rather than one the reason does not name.
  const definition = func === undefined ? undefined : onlyDefinition(lines, func);
  if (definition !== undefined) return { ...unlinked, line: definition, detail: `${unlinked.detail} (line ${line} in the reporter's version; linked at its definition here)` };
  return { ...unlinked, detail: `${unlinked.detail} (line ${line} in the reporter's version)` };
}

/**
 * The line of `def name(` (or `async def`, `class name`) in normalised lines, when the file defines the name once: of
 * two classes' `forward`, which one the frame ran is not known, and a link to the other would mislead.
 */
function onlyDefinition(lines: readonly string[], name: string): number | undefined {
  const def = new RegExp(String.raw`^(?:async def|def|class) ${name}\b`);
  const found: number[] = [];
  lines.forEach((l, i) => {
    if (def.test(l)) found.push(i + 1);
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Whether the commit's line is the printed one. A log can put its own prefix before each printed line
 * ("2020-02-07 04:15:34,466 [INFO ] W-9000-model-stdout - from packaging.version import parse", horovodrun's
 * "[1]<stderr>:"): the printed text may end with the line, if the line is long enough to tell.
 */
function holds(line: string | undefined, printed: string): boolean {
  if (line === undefined || line === "") return false;
  if (line === printed) return true;
  if (line.length < MIN_SUFFIX_MATCH || !printed.endsWith(line)) return false;
  return /\s$/.test(printed.slice(0, printed.length - line.length)); // a whole statement, not the tail of a word
}

/** The shortest line matched as the end of a prefixed printed line: `return x` could be anywhere. */
const MIN_SUFFIX_MATCH = 12;
