/**
 * Earlier fixed issues, for the history-based localizers: commits that say `fixes #12` (closes, resolves...)
 * name an issue; its text comes from the API and is cached on disk, because it never changes much and a busy
 * repository would otherwise cost hundreds of requests per triage. Bounded in number.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { CommitInfo, PastFix } from "../types.js";
import type { GitHubClient } from "./octokit.js";

const CLOSING_REFERENCE = /\b(?:fix(?:e[sd])?|close[sd]?|resolve[sd]?)\b\s*:?\s*#(\d+)\b/gi;

/** Issue numbers a commit message closes, in order of appearance, without duplicates. */
export function closingReferences(message: string): number[] {
  const numbers: number[] = [];
  for (const match of message.matchAll(CLOSING_REFERENCE)) {
    const n = Number(match[1]);
    if (n > 0 && !numbers.includes(n)) numbers.push(n);
  }
  return numbers;
}

interface Reference {
  number: number;
  files: Set<string>;
  /** Date of the newest commit that references it. */
  fixedAt: string;
}

/** Referenced issues, newest fix first, at most `max`; commits are newest first as readCommitHistory gives them. */
export function collectReferences(commits: readonly CommitInfo[], options: { max: number; exclude?: number }): Reference[] {
  const byNumber = new Map<number, Reference>();
  for (const commit of commits) {
    for (const number of closingReferences(commit.message)) {
      if (number === options.exclude) continue;
      let ref = byNumber.get(number);
      if (!ref) {
        if (byNumber.size >= options.max) continue;
        ref = { number, files: new Set(), fixedAt: commit.date };
        byNumber.set(number, ref);
      }
      for (const file of commit.files) ref.files.add(file);
    }
  }
  return [...byNumber.values()];
}

/** What is cached per issue: its text, or that it is not a usable issue (a pull request, gone). */
type CachedIssue = { kind: "issue"; title: string; body: string } | { kind: "unusable" };

export interface PastIssueSource {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  cacheDir: string;
}

function cachePath(source: PastIssueSource, number: number): string {
  return join(source.cacheDir, "issues", source.owner, source.repo, `${number}.json`);
}

async function readCached(path: string): Promise<CachedIssue | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as CachedIssue;
  } catch {
    return undefined;
  }
}

async function writeCached(path: string, value: CachedIssue): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(value));
  await rename(temp, path);
}

async function fetchIssue(source: PastIssueSource, number: number): Promise<CachedIssue> {
  try {
    const { data } = await source.octokit.rest.issues.get({ owner: source.owner, repo: source.repo, issue_number: number });
    if (data.pull_request) return { kind: "unusable" };
    return { kind: "issue", title: data.title, body: data.body ?? "" };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 410) return { kind: "unusable" };
    throw error;
  }
}

/** PastFix entries for the issues the commits close, fixed at or before `before` (ISO), text from cache or API. */
export async function pastFixesFromCommits(
  source: PastIssueSource,
  commits: readonly CommitInfo[],
  options: { max: number; before?: string; exclude?: number },
): Promise<{ pastFixes: PastFix[]; fetched: number }> {
  const cutoff = options.before ? Date.parse(options.before) : Number.POSITIVE_INFINITY;
  const usable = commits.filter((c) => Date.parse(c.date) <= cutoff);
  const references = collectReferences(usable, { max: options.max, exclude: options.exclude });
  const pastFixes: PastFix[] = [];
  let fetched = 0;
  for (const ref of references) {
    const path = cachePath(source, ref.number);
    let issue = await readCached(path);
    if (!issue) {
      issue = await fetchIssue(source, ref.number);
      fetched += 1;
      await writeCached(path, issue);
    }
    if (issue.kind === "issue") {
      pastFixes.push({ id: `#${ref.number}`, title: issue.title, body: issue.body, files: [...ref.files].sort(), fixedAt: ref.fixedAt });
    }
  }
  return { pastFixes, fetched };
}
