/**
 * Does an exception message from an issue come from a given string literal of the code? The literal is a
 * template: `%s`/`%d`/`%(name)s`, `{}`/`{name}` (and the `{}` the Python extractor puts for f-string fields)
 * stand for any text. The literal matches when its fixed parts occur in the message in order.
 *
 * Matching is a sequence of `indexOf` calls (linear), not a regular expression with one lazy wildcard per
 * placeholder, which can backtrack exponentially on long messages.
 */

const PLACEHOLDER = /\{[^{}]{0,100}\}|%(?:\([^)]{1,50}\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdrifgexXocaub%]/g;
/** Fewer fixed word characters than this make a literal too generic to count (`"%s: %s"`, `"{} {}"`). */
export const MIN_FIXED_WORD_CHARS = 12;

/** The literal's fixed parts, whitespace-normalised, in order. */
export function templateParts(literal: string): string[] {
  return literal
    .split(PLACEHOLDER)
    .map((part) => normalise(part))
    .filter((part) => part !== "");
}

export function matchesMessageTemplate(literal: string, message: string): boolean {
  const parts = templateParts(literal);
  if (parts.join("").replace(/\W+/g, "").length < MIN_FIXED_WORD_CHARS) return false;
  const text = normalise(message);
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at === -1) return false;
    from = at + part.length;
  }
  return true;
}

function normalise(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
