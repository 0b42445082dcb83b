/**
 * Source lines as compared between an issue and a repository's files: a reporter who copies a line of the project's
 * code ("`x = LIB.mpi_threads_supported()` should be `LIB.horovod_mpi_threads_supported()`") points at the statement
 * they mean. Both sides are normalised alike, so a line matches when it is the same statement, whatever its
 * indentation, spacing or trailing comment.
 */

/** Shortest line that is specific enough to say which file it was copied from (`return x` is in every file). */
export const MIN_QUOTED_LINE_CHARS = 16;
/** Longest line compared: longer ones are data, minified output or a log's, not a statement someone copies. */
const MAX_QUOTED_LINE_CHARS = 300;
/** Longest raw line (indentation included) read as a possible copy of code. */
export const MAX_RAW_LINE_CHARS = 600;
/** Most lines read from one issue: the rest of a 1 MB paste is a log. */
export const MAX_QUOTED_LINES = 300;

/** The line as compared: no indentation, no trailing comment (`# noqa` may differ between releases), single spaces. */
export function normalizeSourceLine(line: string): string {
  return withoutTrailingComment(line).trim().replace(/\s+/g, " ");
}

/**
 * The line before its comment: the first `#` after white space that stands outside a string literal (`x = "a # b"`
 * keeps its string; `y = f(x)  # don't` loses a comment that holds a quote). A line that opens a string it does not
 * close (a docstring's first line) is kept whole from there.
 */
function withoutTrailingComment(line: string): string {
  if (!line.includes("#")) return line;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== undefined) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && i > 0 && /\s/.test(line[i - 1]!)) return line.slice(0, i);
  }
  return line;
}

/**
 * Whether a normalised line is a statement worth matching: long enough, code-shaped (an assignment, a call, an
 * attribute or an index) with at least three names, and not an import, a comment or a decorator-free keyword line
 * that every module has (`import torch`, `from typing import List` are everywhere and say nothing of a file).
 */
export function isDistinctiveLine(line: string): boolean {
  if (line.length < MIN_QUOTED_LINE_CHARS || line.length > MAX_QUOTED_LINE_CHARS) return false;
  if (/^(?:import|from)\s|^#|^"""|^'''/.test(line)) return false;
  // A link, or a sentence that happens to hold an "=" ("for minimize=False it should be the other way round").
  if (/:\/\//.test(line) || isProse(line)) return false;
  // An assignment, an index, a call or an attribute: "results. But when..." of a docstring has a period, no code.
  if (!/=|\[|[A-Za-z_]\w*\s*\(|\w\.[A-Za-z_]/.test(line)) return false;
  return (line.match(/[A-Za-z_]\w*/g)?.length ?? 0) >= 3;
}

/**
 * Python's keywords, which make code read like words (`if gpus is not None and not isinstance(...)`).
 */
const KEYWORDS = new Set("and as assert async await break class continue def del elif else except False finally for from global if import in is lambda None nonlocal not or pass raise return True try while with yield".split(" "));

/**
 * A run of plain words with five or more that are no keyword, none inside a string literal: a sentence ("I guess this
 * is a typo, and for minimize=False it should be"), not a statement (`if gpus is not None and not isinstance(...)`).
 */
function isProse(line: string): boolean {
  let words = 0;
  for (const token of line.replace(/(["'])(?:(?!\1).)*\1/g, '""').split(/\s+/)) {
    if (!/^[A-Za-z]+[,.;:!?]?$/.test(token)) words = 0;
    else if (!KEYWORDS.has(token.replace(/[,.;:!?]$/, "")) && ++words >= 5) return true;
  }
  return false;
}

/**
 * Prompts and markers around a copied line: a REPL's `>>> ` and `... `, IPython's `In [3]: `, a diff's leading `-`
 * or `+` (the removed line is the repository's current code).
 */
const LINE_PREFIX = /^(?:>>>\s|\.\.\.\s|In \[\d+\]:\s|[-+](?=\s|[A-Za-z_]))/;

/** An issue's line as a possible copy of the repository's code (normalised), or undefined when it cannot be one. */
export function asQuotedLine(raw: string): string | undefined {
  // Longer lines are data or logs, and normalising them would cost time a huge paste cannot afford.
  if (raw.length > MAX_RAW_LINE_CHARS || raw.trim().length < MIN_QUOTED_LINE_CHARS) return undefined;
  const line = normalizeSourceLine(raw.trim().replace(LINE_PREFIX, ""));
  return isDistinctiveLine(line) ? line : undefined;
}

/** The lines that may be copies of the repository's code, normalised, each once, in order. */
export function quotedSourceLines(lines: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of lines) {
    if (out.size >= MAX_QUOTED_LINES) break;
    const line = asQuotedLine(raw);
    if (line !== undefined) out.add(line);
  }
  return [...out];
}
