/**
 * Keeping a comment under GitHub's size limit (65,536 characters; longer bodies are rejected).
 * Parts are joined with blank lines. Over budget, optional parts go first (highest `drop` first); if that is
 * not enough, the body is cut at a line boundary, open `<details>` are closed, and a note says so. Parts
 * marked `keep` (labels, feedback, footer with the hidden marker) always survive.
 */

export const MAX_COMMENT_LENGTH = 65_536;

export interface CommentPart {
  text: string;
  /** Optional part: the higher, the earlier it is left out when the comment is too long. */
  drop?: number;
  /** Never cut (placed after the cut-able body). */
  keep?: boolean;
}

const OMITTED_NOTE = "_Part of this comment was left out to stay within GitHub's size limit._";

/**
 * @param budget in UTF-16 code units, which never undercounts GitHub's characters. A margin below the limit
 * leaves room for the note.
 */
export function fitComment(parts: readonly CommentPart[], budget = MAX_COMMENT_LENGTH - 512): string {
  let current = parts.filter((part) => part.text.trim() !== "");
  const join = (list: readonly CommentPart[]) => list.map((part) => part.text).join("\n\n");
  if (join(current).length <= budget) return join(current);

  // Over budget: from here on the note is added, so leave room for it.
  const noteRoom = OMITTED_NOTE.length + 2;
  while (join(current).length + noteRoom > budget) {
    const droppable = current.filter((part) => part.drop !== undefined);
    if (droppable.length === 0) break;
    const first = droppable.reduce((a, b) => ((b.drop ?? 0) > (a.drop ?? 0) ? b : a));
    current = current.filter((part) => part !== first);
  }

  const tailText = join(current.filter((part) => part.keep));
  let bodyText = join(current.filter((part) => !part.keep));
  const fixed = tailText.length + noteRoom + 2;
  if (bodyText.length + fixed > budget) bodyText = cutAtLine(bodyText, Math.max(0, budget - fixed));
  return [bodyText, OMITTED_NOTE, tailText].filter((text) => text !== "").join("\n\n");
}

/** The longest prefix of whole lines within `max` characters, with every `<details>` it opened closed again. */
function cutAtLine(text: string, max: number): string {
  const closing = "\n\n</details>";
  let cut = text.slice(0, max);
  const newline = cut.lastIndexOf("\n");
  cut = newline >= 0 ? cut.slice(0, newline) : "";
  // Make room for the closing tags by dropping more lines if needed.
  for (;;) {
    const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
    const closed = cut + closing.repeat(Math.max(0, open));
    if (closed.length <= max || cut === "") return open > 0 && cut === "" ? "" : closed;
    const previous = cut.lastIndexOf("\n");
    cut = previous >= 0 ? cut.slice(0, previous) : "";
  }
}
