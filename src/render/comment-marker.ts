/**
 * The hidden lines that identify the bot's comment (so it is found and updated, never duplicated) and record
 * which code produced it (tool version, localizer and classifier versions, analysed commit).
 */

export const COMMENT_MARKER = "<!-- mltriage:comment -->";
const META_PREFIX = "<!-- mltriage:meta";

/** True when a comment body is the bot's own triage comment. */
export function isBotComment(body: string): boolean {
  return body.includes(COMMENT_MARKER);
}

/** The second hidden line: `<!-- mltriage:meta version=0.1.0 localizer=fusion@1 ... -->`. */
export function renderMetaLine(meta: Record<string, string | undefined>): string {
  const pairs = Object.entries(meta)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")
    .map(([key, value]) => `${safeToken(key)}=${safeToken(value)}`);
  return `${META_PREFIX} ${pairs.join(" ")} -->`;
}

/** Reads back the hidden meta line of a bot comment ({} when there is none). */
export function parseCommentMeta(body: string): Record<string, string> {
  const start = body.indexOf(META_PREFIX);
  if (start === -1) return {};
  const end = body.indexOf("-->", start);
  if (end === -1) return {};
  const meta: Record<string, string> = {};
  for (const pair of body.slice(start + META_PREFIX.length, end).trim().split(/\s+/)) {
    const eq = pair.indexOf("=");
    if (eq > 0) meta[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return meta;
}

/** Versions and ids only: anything else (spaces, `--`, `>`) could end or garble the HTML comment. */
function safeToken(value: string): string {
  return value.replace(/[^A-Za-z0-9._@+:/-]/g, "_").replace(/-{2,}/g, "-").slice(0, 80);
}
