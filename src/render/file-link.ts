/**
 * Links to a file at the analysed commit: `{repo}/blob/{commit}/{path}#L{line}`. Linking the commit, not the
 * branch, keeps the line anchors right after the file changes.
 */

export interface RepoRef {
  owner: string;
  name: string;
  /** The repository's web address from the webhook payload (GitHub Enterprise has its own host). */
  htmlUrl?: string;
  /** A local clone with no web address (the CLI): files and commits are named, not linked. */
  local?: boolean;
}

export function repoWebUrl(repo: RepoRef): string {
  if (repo.htmlUrl && /^https?:\/\/[^\s<>"'`]+$/.test(repo.htmlUrl)) return repo.htmlUrl.replace(/\/+$/, "");
  return `https://github.com/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
}

/**
 * A URL safe to put in a markdown link destination: every path segment percent-encoded, parentheses too. `endLine`,
 * after `line`, links a range (`#L72-L84`), as GitHub highlights it.
 */
export function fileUrl(repo: RepoRef, commit: string | null, path: string, line?: number, endLine?: number): string {
  const ref = commit && /^[0-9a-fA-F]{7,64}$/.test(commit) ? commit : "HEAD";
  const encodedPath = path
    .split("/")
    .map((segment) => encodeURIComponent(segment).replace(/[()'!*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
  const valid = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n > 0;
  const range = valid(line) && valid(endLine) && endLine > line ? `-L${endLine}` : "";
  const anchor = valid(line) ? `#L${line}${range}` : "";
  return `${repoWebUrl(repo)}/blob/${ref}/${encodedPath}${anchor}`;
}
