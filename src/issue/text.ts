/** Text normalisation shared by the issue parsers. Every function here is linear in its input. */

/** Longest body the parsers read; the rest of a larger paste is ignored. */
export const MAX_TEXT_LENGTH = 2 * 1024 * 1024;
/** Longest line a per-line pattern looks at; longer lines (minified output, base64) are cut for matching. */
export const MAX_LINE_LENGTH = 4000;

/** Unifies line ends, caps the length and removes HTML comments (issue-template hints GitHub does not render). */
export function normalizeText(text: string): string {
  let s = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  s = s.replace(/\r\n?/g, "\n");
  return removeHtmlComments(s);
}

export function removeHtmlComments(s: string): string {
  let open = s.indexOf("<!--");
  if (open === -1) return s;
  let out = "";
  let from = 0;
  while (open !== -1) {
    out += s.slice(from, open);
    const close = s.indexOf("-->", open + 4);
    if (close === -1) return out; // an unclosed comment hides the rest, as on GitHub
    // Keep the line count so line-based spans stay comparable with the original.
    out += "\n".repeat(countNewlines(s, open, close));
    from = close + 3;
    open = s.indexOf("<!--", from);
  }
  return out + s.slice(from);
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf("\n", from); i !== -1 && i < to; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

/** Strips e-mail style quote markers (`> `, `>> `) from the start of a line. */
export function stripQuoteMarkers(line: string): string {
  return line.replace(/^[ \t]{0,3}(?:>[ \t]?)+/, "");
}

/** Leading whitespace width, tabs counted as 4. */
export function indentWidth(line: string): number {
  let w = 0;
  for (const c of line) {
    if (c === " ") w++;
    else if (c === "\t") w += 4;
    else break;
  }
  return w;
}

/** Cuts a line for pattern matching. */
export function capLine(line: string): string {
  return line.length > MAX_LINE_LENGTH ? line.slice(0, MAX_LINE_LENGTH) : line;
}

/** Adds items in order, once each, up to a cap. */
export class OrderedSet {
  private readonly seen = new Set<string>();
  readonly items: string[] = [];
  constructor(private readonly cap: number) {}
  add(item: string): void {
    if (!item || this.seen.has(item) || this.items.length >= this.cap) return;
    this.seen.add(item);
    this.items.push(item);
  }
}
