import { git } from "../repo/git.js";
import type { CommitInfo } from "../types.js";

const RECORD = "\x1e";
const FIELD = "\x1f";

export interface CommitHistoryOptions {
  /** At most this many commits, newest first (default 5000). */
  maxCommits?: number;
  /** Only commits dated at or after this time (ISO 8601). */
  since?: string;
  /** Only commits dated at or before this time (ISO 8601). */
  until?: string;
}

/**
 * Commits reachable from `beforeCommit` (it included), newest first, with the files each changed.
 * Only ancestors are read, so nothing dated after the analysed snapshot can leak in.
 */
export async function readCommitHistory(gitDir: string, beforeCommit: string, opts: CommitHistoryOptions = {}): Promise<CommitInfo[]> {
  const args = ["log", "--no-renames", "--name-only", LOG_FORMAT, `--max-count=${opts.maxCommits ?? 5000}`];
  if (opts.since) args.push(`--since=${opts.since}`);
  if (opts.until) args.push(`--until=${opts.until}`);
  args.push(beforeCommit, "--");
  return parseLog(await git(gitDir, args)).map((c) => c.info);
}

/** `git log` format read by {@link parseLog}: SHA, parents, committer date, message, then the file names. */
export const LOG_FORMAT = `--format=${RECORD}%H${FIELD}%P${FIELD}%cI${FIELD}%B${FIELD}`;

/** Parses `git log --name-only` output written with {@link LOG_FORMAT}. */
export function parseLog(out: string): { info: CommitInfo; parents: string[] }[] {
  const commits: { info: CommitInfo; parents: string[] }[] = [];
  for (const record of out.split(RECORD)) {
    if (!record.trim()) continue;
    const [sha, parents, date, message, names] = record.split(FIELD);
    commits.push({
      info: {
        sha: sha!,
        date: date!,
        message: (message ?? "").trim(),
        files: (names ?? "").split("\n").map((s) => s.trim()).filter(Boolean),
      },
      parents: (parents ?? "").split(" ").filter(Boolean),
    });
  }
  return commits;
}
