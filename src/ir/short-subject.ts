/**
 * A subject line as ranking evidence quotes it (a past commit's first line, a fixed issue's title): the first
 * line, shortened at a word boundary with an ellipsis. A plain cut at a fixed length left no mark that text was
 * missing and could end inside a URL ("re-enable test after issue fixed https://github.com/apache/incubator-mxnet/issue"),
 * which GitHub then links to a page that does not exist.
 */
export function shortSubject(text: string, max = 80): string {
  const subject = (text.split("\n")[0] ?? "").trim();
  const chars = Array.from(subject);
  if (chars.length <= max) return subject;
  const head = chars.slice(0, max - 1).join("");
  // Cut at the last space, so neither a word nor a URL is cut in two; a subject without one is cut where it is.
  const space = head.lastIndexOf(" ");
  const kept = space > 0 ? head.slice(0, space) : head;
  return `${kept.replace(/[\s,;:(–—-]+$/u, "")}…`;
}
