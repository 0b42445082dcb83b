/**
 * Regex-based Python extraction for files the tree parser cannot handle (too large, unusable tree,
 * or no WASM available). One linear scan over the source: each step finds the next comment, string
 * literal or identifier, so there is no backtracking and code inside strings and comments is not
 * mistaken for code. Less precise than the tree (docstrings and method owners are guessed from
 * layout), but it always yields something.
 */
import { emptyStructure, type PythonStructure } from "./types.js";
import { decodeEscapes, splitStringStart } from "./string-literal.js";

const KEYWORDS = new Set(
  (
    "False None True and as assert async await break class continue def del elif else except finally for from " +
    "global if import in is lambda nonlocal not or pass raise return try while with yield"
  ).split(" "),
);

/** Longest source the fallback scans; the rest of a larger file is ignored. */
export const FALLBACK_MAX_LENGTH = 4 * 1024 * 1024;

// Order matters: a prefixed literal (f"..", rb'..') must win over the identifier that spells its prefix.
const TOKEN = /(?<![A-Za-z0-9_])([rRbBuUfF]{1,2})?("""|'''|"|')|#|[A-Za-z_][A-Za-z0-9_]*/g;

const DEFINED_NAME = /[ \t]+([A-Za-z_][A-Za-z0-9_]*)/y;
const RAISED_NAME = /[ \t]+([A-Za-z_][A-Za-z0-9_.]*)/y;

/** Runs a sticky regex at `index`; returns its first group. The regex's lastIndex is left after the match. */
function stickyMatch(re: RegExp, src: string, index: number): string | undefined {
  re.lastIndex = index;
  return re.exec(src)?.[1];
}

interface Block {
  indent: number;
  kind: "class" | "def";
  name: string;
}

export function extractPythonFallback(source: string): PythonStructure {
  const src = source.length > FALLBACK_MAX_LENGTH ? source.slice(0, FALLBACK_MAX_LENGTH) : source;
  const out = emptyStructure(false);
  const blocks: Block[] = [];
  let line = 1;
  let counted = 0; // newlines counted up to this index
  // The last raise site, while its first argument may still be a string literal: `raise E(` + literal.
  let raiseAwaiting: { site: PythonStructure["raises"][number]; nameEnd: number } | null = null;
  let firstToken = true;

  const lineAt = (index: number): number => {
    for (let i = src.indexOf("\n", counted); i !== -1 && i < index; i = src.indexOf("\n", i + 1)) line++;
    counted = Math.max(counted, index);
    return line;
  };

  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(src); m; m = TOKEN.exec(src)) {
    const start = m.index;
    const token = m[0];
    if (token === "#") {
      const end = endOfLine(src, start);
      const text = src.slice(start, end).replace(/^#+/, "").trim();
      if (text) out.comments.push(text);
      TOKEN.lastIndex = end;
      continue;
    }
    if (m[2] !== undefined) {
      const { prefix } = splitStringStart(token);
      const literal = readLiteral(src, start + token.length, m[2], prefix);
      const at = lineAt(start);
      TOKEN.lastIndex = literal.end;
      if (prefix.includes("f")) {
        for (const id of literal.interpolated.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) if (!KEYWORDS.has(id)) out.identifiers.push(id);
      }
      if (isDocstring(src, start, m[2].length === 3, firstToken)) {
        out.docstrings.push(literal.text);
      } else {
        if (literal.text) out.strings.push({ text: literal.text, line: at });
        if (raiseAwaiting && /^\s*\(\s*$/.test(src.slice(raiseAwaiting.nameEnd, start))) raiseAwaiting.site.message = literal.text;
      }
      raiseAwaiting = null;
      firstToken = false;
      continue;
    }
    firstToken = false;
    raiseAwaiting = null;
    if (token === "class" || token === "def") {
      const name = stickyMatch(DEFINED_NAME, src, start + token.length);
      if (name) {
        const at = lineAt(start);
        const indent = indentOf(src, start);
        while (blocks.length > 0 && blocks[blocks.length - 1]!.indent >= indent) blocks.pop();
        const local = blocks.some((block) => block.kind === "def") ? ({ local: true } as const) : {};
        if (token === "class") {
          out.classes.push({ name, line: at, ...local });
        } else {
          const owner = blocks[blocks.length - 1];
          out.functions.push(owner?.kind === "class" ? { name, line: at, className: owner.name, ...local } : { name, line: at, ...local });
        }
        blocks.push({ indent, kind: token, name });
        TOKEN.lastIndex = DEFINED_NAME.lastIndex;
      }
      continue;
    }
    if (token === "raise") {
      const name = stickyMatch(RAISED_NAME, src, start + token.length);
      if (name && !KEYWORDS.has(name)) {
        const site = { line: lineAt(start), exception: name.replace(/\.+$/, "") };
        out.raises.push(site);
        for (const part of name.split(".")) if (part) out.identifiers.push(part);
        TOKEN.lastIndex = RAISED_NAME.lastIndex;
        raiseAwaiting = { site, nameEnd: RAISED_NAME.lastIndex };
      }
      continue;
    }
    if ((token === "import" || token === "from") && atLineStart(src, start)) {
      collectImport(src, start, out);
    }
    if (!KEYWORDS.has(token)) out.identifiers.push(token);
  }
  return out;
}

function endOfLine(src: string, from: number): number {
  const i = src.indexOf("\n", from);
  return i === -1 ? src.length : i;
}

function indentOf(src: string, index: number): number {
  const lineStart = src.lastIndexOf("\n", index - 1) + 1;
  let i = lineStart;
  while (i < index && (src[i] === " " || src[i] === "\t")) i++;
  return i - lineStart;
}

function atLineStart(src: string, index: number): boolean {
  const lineStart = src.lastIndexOf("\n", index - 1) + 1;
  return /^[ \t]*$/.test(src.slice(lineStart, index));
}

/** Reads a literal body from `from` (just after the opening quote). Unterminated single-line literals end at the newline. */
function readLiteral(src: string, from: number, quote: string, prefix: string): { text: string; end: number; interpolated: string } {
  const triple = quote.length === 3;
  let i = from;
  for (;;) {
    if (i >= src.length) break;
    const c = src[i]!;
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (!triple && c === "\n") break;
    if (src.startsWith(quote, i)) break;
    i++;
  }
  const bodyEnd = Math.min(i, src.length);
  const body = src.slice(from, bodyEnd);
  const end = src.startsWith(quote, bodyEnd) ? bodyEnd + quote.length : bodyEnd;
  const raw = prefix.includes("r");
  let text = raw ? body : decodeEscapes(body);
  let interpolated = "";
  if (prefix.includes("f")) {
    // Only the expression of `{expr!r:>10}` holds identifiers.
    interpolated = (body.match(/\{[^{}]*\}/g) ?? []).map((part) => part.replace(/(![rsa])?(:[^{}]*)?\}$/, "")).join(" ");
    text = text.replace(/\{\{/g, "\u0000").replace(/\}\}/g, "\u0001").replace(/\{[^{}]*\}/g, "{}").replace(/\u0000/g, "{").replace(/\u0001/g, "}");
  }
  return { text, end, interpolated };
}

/** A triple-quoted literal alone on its line right after a `...:` header line, or first in the file. */
function isDocstring(src: string, start: number, triple: boolean, firstToken: boolean): boolean {
  if (!triple || !atLineStart(src, start)) return false;
  if (firstToken) return true;
  let i = src.lastIndexOf("\n", start - 1) - 1;
  while (i >= 0 && /\s/.test(src[i]!)) i--;
  return i >= 0 && src[i] === ":" && /^\s*(?:async\s+)?(?:def|class)\b|\)\s*(?:->.*)?:$/.test(lineText(src, i));
}

function lineText(src: string, index: number): string {
  return src.slice(src.lastIndexOf("\n", index - 1) + 1, endOfLine(src, index));
}

function collectImport(src: string, start: number, out: PythonStructure): void {
  let statement = src.slice(start, endOfLine(src, start));
  if (statement.includes("(") && !statement.includes(")")) {
    const close = src.indexOf(")", start);
    if (close !== -1 && close - start < 4000) statement = src.slice(start, close + 1);
  }
  statement = statement.replace(/#.*$/gm, "").replace(/[()\\\n]/g, " ");
  const from = /^from\s+(\.*[A-Za-z0-9_.]*)\s+import\s+(.+)$/s.exec(statement.trim());
  if (from) {
    const module = from[1]!;
    out.imports.push(module);
    const join = module.endsWith(".") ? "" : ".";
    for (const part of from[2]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/)[0]?.trim();
      if (name && name !== "*" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) out.imports.push(module + join + name);
    }
    return;
  }
  const imp = /^import\s+(.+)$/s.exec(statement.trim());
  if (!imp) return;
  for (const part of imp[1]!.split(",")) {
    const name = part.trim().split(/\s+as\s+/)[0]?.trim();
    if (name && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) out.imports.push(name);
  }
}
