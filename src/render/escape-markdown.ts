/**
 * Making text from an issue or a repository safe to put in a GitHub comment. Such text must not
 * - mention anyone (`@user`, `@org/team`) or link other issues (`#123`, `owner/repo#123`): those notify
 *   people and add cross-references, so a zero-width joiner goes between the sigil and the name;
 * - change the markdown around it: emphasis, links, HTML tags, table pipes and code spans are escaped.
 * Inline text is folded to one line, so it can never start a heading, a list or a block of its own.
 */

/** U+200D ZERO WIDTH JOINER: invisible, and enough to stop GitHub from linking a mention or an issue ref. */
export const ZWJ = "\u200d";

/**
 * Characters that open or close inline syntax: code, emphasis, strikethrough, links and images (`!` and `(`
 * are harmless once `[` and `]` are escaped), HTML tags, entities, table cells and math. A backslash before
 * any ASCII punctuation is always safe in GFM, so escaping more would only make the raw text harder to read.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&$]/g;

/** Inline text, escaped: safe anywhere in a line of a comment, even at its start. */
export function escapeMarkdown(text: string): string {
  return escapeFlat(oneLine(text), true);
}

/** Escapes text already folded to one line; `atStart` when it may begin a line. */
function escapeFlat(flat: string, atStart: boolean): string {
  let escaped = unlinkIssueUrls(flat).replace(INLINE_SPECIAL, (ch) => `\\${ch}`);
  if (atStart) {
    // At the start of a line these would begin a list, a heading, or (alone) a setext underline or a rule.
    escaped = escaped
      .replace(/^([-+]|#{1,6})(?=\s|$)/, "\\$1")
      .replace(/^(=+|-+)$/, "\\$1")
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
  }
  return neutralizeReferences(escaped);
}

/**
 * Like escapeMarkdown, but code spans written in the text (`` `pad_value` ``, as localizers and classifiers
 * write identifiers) stay code spans. Only code is let through, rebuilt by codeSpan; a lone backtick stays
 * a literal backtick.
 */
export function escapeMarkdownKeepingCode(text: string): string {
  const flat = oneLine(text);
  const out: string[] = [];
  let last = 0;
  for (const match of flat.matchAll(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    const index = match.index ?? 0;
    out.push(escapeFlat(flat.slice(last, index), last === 0));
    out.push(codeSpan(stripCodePadding(match[2] ?? "")));
    last = index + match[0].length;
  }
  out.push(escapeFlat(flat.slice(last), last === 0));
  return out.join("");
}

/**
 * A code span holding `text` literally, whatever backticks it contains: the fence is one backtick longer
 * than the longest run inside, padded with a space when the text starts or ends with a backtick.
 * GitHub links neither mentions nor issue refs inside code. (Pipes would still split a table cell: this
 * comment has no tables.)
 */
export function codeSpan(text: string): string {
  const flat = oneLine(text);
  if (flat === "") return "` `";
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  // CommonMark strips one space on each side when both are present, so pad to keep real edge spaces too.
  const pad = flat.startsWith("`") || flat.endsWith("`") || (flat.startsWith(" ") && flat.endsWith(" ")) ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Text for HTML context (inside `<summary>`), where markdown is not parsed. */
export function escapeHtml(text: string): string {
  // References first: afterwards `&#39;` would look like an issue reference and be broken up.
  return neutralizeReferences(unlinkIssueUrls(oneLine(text))).replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );
}

/** Stops `@name`, `@org/team` and `#123` (also `owner/repo#123`, `GH-123`) from becoming mentions or links. */
export function neutralizeReferences(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`);
}

/**
 * A link to a GitHub issue or pull request (a commit subject's "fix https://github.com/o/r/issues/2635") adds a
 * cross-reference to that issue just as `#2635` does: it is written as the reference it stands for, `o/r#2635`,
 * which neutralizeReferences then keeps from linking. GitHub links a bare `www.github.com/...` too; a path that
 * only starts like an issue's (`issues/12abc`) is no issue. Other URLs stay links.
 */
export function unlinkIssueUrls(text: string): string {
  return text.replace(
    /(?:\bhttps?:\/\/(?:www\.)?|\bwww\.)github\.com\/([\w.-]+\/[\w.-]+)\/(?:issues|pull)\/(\d+)\b(?:[/?#][^\s)\]>]*)?/gi,
    (_url, repo: string, number: string) => `${repo}#${ZWJ}${number}`,
  );
}

/** Shortens text to at most `max` characters (by code point, never splitting a surrogate pair), with an ellipsis. */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** Folds line breaks and runs of whitespace to single spaces; drops control characters. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim();
}

/** CommonMark drops one space on each side of code span content when both sides have one. */
function stripCodePadding(content: string): string {
  return content.length >= 2 && content.startsWith(" ") && content.endsWith(" ") && content.trim() !== "" ? content.slice(1, -1) : content;
}
