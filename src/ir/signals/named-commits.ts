import { KEY_TO_HASH, VERSION_THEN_COMMIT } from "../../issue/stated-commit.js";
import type { CommitInfo } from "../../types.js";
import type { SourceIndex } from "../source-index.js";

/** A commit that changes more files than this is a sweeping change (a rename, a reformat): it names no suspect. */
const MAX_NAMED_COMMIT_FILES = 20;

/**
 * Where a hash is not a reference to a change: permalinks and GitHub's code embeds ("Line 132 in 776b751") pin the
 * commit the reporter was reading, whatever changed in it, and links carry hashes of anything; so does a pip freeze's
 * `-e git+git@github.com:o/r.git@902d36a…#egg=r`, the commit installed, not one blamed; and so does a version
 * report's "commit hash: ffa6e45" (mxnet's template and diagnose.py), "git hash: af9f654", "MONAI version 0.1.0 Commit
 * 01e4457" (issue/stated-commit.ts), or a git-describe version's `0.1.0+39.gaf9f654`. The whitespace around a
 * code embed's newline is `[^\S\n]*\n\s*`: `\s*\n\s*` tries every split of a blank-line run before failing.
 */
const NOT_A_CHANGE = new RegExp(
  String.raw`Lines? \d+(?: to \d+)?[^\S\n]*\n\s*in[^\S\n]*\n\s*[0-9a-f]{7,40}\b|\b(?:https?|ftp):\/\/\S+|\b(?:git|hg|svn|bzr)\+\S+|\/(?:blob|tree)\/[0-9a-f]{7,40}\b|\b(?:git[ _-]?(?:hash|rev(?:ision)?|commit|sha)|commit[ _-]?(?:hash|id|sha))${KEY_TO_HASH}[0-9a-f]{7,40}\b|${VERSION_THEN_COMMIT}[0-9a-f]{7,40}\b|[+.]g[0-9a-f]{7,40}\b`,
  "gi",
);

/** A hash as people write one: 7 to 40 hex digits, with a letter and a digit (so not a word or a plain number). */
const HASH = /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b/g;

export interface NamedCommitSignal {
  /** Per file: changed by a commit of the history that the issue names by its hash. */
  files: Map<number, string>;
}

/**
 * Files changed by the commits the issue names by hash ("since bd5bbfc the optimizer fails", "broken by 076b2f3"):
 * a reporter who names a commit usually names the change that broke it, and that change's files are the first
 * suspects. Only commits of the history before the analysed commit count (the no-future rule holds as for every
 * history signal), and sweeping commits are left out. The value is the commit's short hash, for the evidence.
 */
export function namedCommitFiles(index: SourceIndex, text: string, commits: readonly CommitInfo[]): NamedCommitSignal {
  const files = new Map<number, string>();
  if (commits.length === 0) return { files };
  const hashes = [...new Set(text.replace(NOT_A_CHANGE, " ").toLowerCase().match(HASH) ?? [])];
  if (hashes.length === 0) return { files };
  for (const commit of commits) {
    if (commit.files.length > MAX_NAMED_COMMIT_FILES) continue;
    const sha = commit.sha.toLowerCase();
    if (!hashes.some((h) => sha.startsWith(h))) continue;
    for (const path of commit.files) {
      const doc = index.pathToDoc.get(path);
      if (doc !== undefined && !files.has(doc)) files.set(doc, sha.slice(0, 7));
    }
  }
  return { files };
}

/**
 * The pull requests and issues the report names by number ("since #17734", "PR 17734", ".../pull/17734"), anywhere
 * in the text given (code and links included; an `/issues/` link is not read). Not a ranking signal (counted as one, MAP fell: README); the evidence uses it to call a similar past
 * change the issue names by its number what it is.
 */
export function referencedNumbers(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:(?<![\w&])#|\bPR\s*#?|\/pull\/)(\d{2,6})\b/gi)) out.add(m[1]!);
  return out;
}

/** The number among `numbers` that a commit message names as its pull request or issue ("Fix x (#17734)"), if any. */
export function namedNumberIn(message: string, numbers: ReadonlySet<string>): string | undefined {
  if (numbers.size === 0) return undefined;
  for (const m of (message.split("\n")[0] ?? "").matchAll(/#(\d{2,6})\b/g)) if (numbers.has(m[1]!)) return m[1];
  return undefined;
}

