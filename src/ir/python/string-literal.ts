/** Helpers shared by the tree extractor and the regex fallback for reading Python string literals. */

const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
  "\n": "", // a backslash-newline continues the literal on the next line
};

/** Decodes the common escape sequences of a non-raw literal body; unknown escapes stay as written. */
export function decodeEscapes(body: string): string {
  if (!body.includes("\\")) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (whole, esc: string) => {
    if (esc.length > 1) {
      const code = Number.parseInt(esc.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return SIMPLE_ESCAPES[esc] ?? whole;
  });
}

/** Splits a literal's opening token (`rb'''`, `f"`) into its prefix letters and quote. */
export function splitStringStart(start: string): { prefix: string; quote: string } {
  const m = /^([A-Za-z]*)(.*)$/s.exec(start);
  return { prefix: (m?.[1] ?? "").toLowerCase(), quote: m?.[2] ?? start };
}
