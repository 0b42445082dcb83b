/**
 * Splits GitHub-flavoured markdown into prose lines and code blocks. Line-based and linear: fenced blocks
 * (``` or ~~~ of any length, closed by a fence of the same character at least as long; an unclosed fence
 * runs to the end), indented blocks (4 spaces or a tab after a blank line), and <pre> blocks.
 */
import { stripQuoteMarkers } from "./text.js";

export interface CodeBlock {
  text: string;
  /** 0-based index of the first and last content line (fences excluded). */
  firstLine: number;
  lastLine: number;
  /** The fence's info string (`python`, `pytb`), "" for indented blocks. */
  info: string;
}

export interface MarkdownSplit {
  codeBlocks: CodeBlock[];
  /** One flag per line: true when the line belongs to a code block or is a fence. */
  isCode: boolean[];
}

const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})[ \t]*([^`]*)$/;
const INDENTED = /^(?: {4}|\t)/;

export function splitMarkdown(lines: readonly string[]): MarkdownSplit {
  const isCode = new Array<boolean>(lines.length).fill(false);
  const codeBlocks: CodeBlock[] = [];
  let previousBlank = true;

  for (let i = 0; i < lines.length; i++) {
    const line = stripQuoteMarkers(lines[i]!);
    const open = FENCE_OPEN.exec(line);
    if (open) {
      const fence = open[1]!;
      const closeAt = findClosingFence(lines, i + 1, fence);
      const end = closeAt === -1 ? lines.length : closeAt;
      const body = lines.slice(i + 1, end).map((l) => (isQuoted(lines[i]!) ? stripQuoteMarkers(l) : l));
      codeBlocks.push({ text: body.join("\n"), firstLine: i + 1, lastLine: end - 1, info: open[2]!.trim() });
      for (let k = i; k <= Math.min(end, lines.length - 1); k++) isCode[k] = true;
      i = end;
      previousBlank = true;
      continue;
    }
    if (/^\s*<pre\b/i.test(line)) {
      let end = i;
      while (end < lines.length && !/<\/pre>/i.test(lines[end]!)) end++;
      end = Math.min(end, lines.length - 1);
      const text = lines
        .slice(i, end + 1)
        .join("\n")
        .replace(/^\s*<pre[^>]*>/i, "")
        .replace(/<\/pre>[\s\S]*$/i, "");
      codeBlocks.push({ text, firstLine: i, lastLine: end, info: "" });
      for (let k = i; k <= end; k++) isCode[k] = true;
      i = end;
      previousBlank = true;
      continue;
    }
    if (previousBlank && INDENTED.test(line) && line.trim() !== "" && !/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) {
      let end = i;
      while (end + 1 < lines.length && (INDENTED.test(lines[end + 1]!) || lines[end + 1]!.trim() === "")) end++;
      while (end > i && lines[end]!.trim() === "") end--;
      const body = lines.slice(i, end + 1).map((l) => l.replace(INDENTED, ""));
      codeBlocks.push({ text: body.join("\n"), firstLine: i, lastLine: end, info: "" });
      for (let k = i; k <= end; k++) isCode[k] = true;
      i = end;
      previousBlank = false;
      continue;
    }
    previousBlank = line.trim() === "";
  }
  return { codeBlocks, isCode };
}

function isQuoted(line: string): boolean {
  return /^[ \t]{0,3}>/.test(line);
}

function findClosingFence(lines: readonly string[], from: number, fence: string): number {
  const ch = fence[0]!;
  for (let j = from; j < lines.length; j++) {
    const t = stripQuoteMarkers(lines[j]!).trim();
    if (t.length >= fence.length && t[0] === ch && /^(`+|~+)$/.test(t)) return j;
  }
  return -1;
}

/** `code` spans in prose: runs of N backticks closed by a run of exactly N, within one paragraph. */
export function findInlineCode(prose: string, cap = 2000): string[] {
  const found: string[] = [];
  let i = prose.indexOf("`");
  while (i !== -1 && found.length < cap) {
    let n = 1;
    while (prose[i + n] === "`") n++;
    const ticks = "`".repeat(n);
    let j = prose.indexOf(ticks, i + n);
    // Skip longer runs: a closing run must be exactly N long.
    while (j !== -1 && prose[j + n] === "`") {
      let k = j;
      while (prose[k] === "`") k++;
      j = prose.indexOf(ticks, k);
    }
    if (j === -1) {
      i = prose.indexOf("`", i + n);
      continue;
    }
    const content = prose.slice(i + n, j);
    if (/\n[ \t]*\n/.test(content) || content.length > 1000) {
      i = prose.indexOf("`", i + n); // a span never crosses a paragraph break
      continue;
    }
    const trimmed = content.replace(/\s+/g, " ").trim();
    if (trimmed) found.push(trimmed);
    i = prose.indexOf("`", j + n);
  }
  return found;
}
