/**
 * Maintainers' `/mltriage files +a -b` answers, kept per repository. They feed the ranking in two ways: for the
 * issue they were given on, the named files are pinned or dropped; for later issues they are history (a
 * `PastFix` whose files are the ones a maintainer confirmed). In Redis when the queue has one (every worker
 * sees them), else in a JSON file in the cache folder. Bounded: the newest MAX_ENTRIES per repository.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Redis } from "ioredis";
import { z } from "zod";
import type { PastFix } from "../types.js";

export const MAX_FEEDBACK_ENTRIES = 500;

const feedbackSchema = z.object({
  issueNumber: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  add: z.array(z.string()),
  remove: z.array(z.string()),
  actor: z.string(),
  /** ISO time the maintainer gave it. */
  at: z.string(),
});
export type FileFeedback = z.infer<typeof feedbackSchema>;

export interface FeedbackStore {
  record(repo: string, entry: FileFeedback): Promise<void>;
  /** Oldest first. */
  list(repo: string): Promise<FileFeedback[]>;
}

function parseEntries(raw: unknown[]): FileFeedback[] {
  return raw.flatMap((item) => {
    const parsed = feedbackSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export class RedisFeedbackStore implements FeedbackStore {
  constructor(readonly redis: Redis, readonly prefix = "mltriage:feedback") {}

  async record(repo: string, entry: FileFeedback): Promise<void> {
    const key = `${this.prefix}:${repo}`;
    await this.redis.multi().rpush(key, JSON.stringify(feedbackSchema.parse(entry))).ltrim(key, -MAX_FEEDBACK_ENTRIES, -1).exec();
  }

  async list(repo: string): Promise<FileFeedback[]> {
    const items = await this.redis.lrange(`${this.prefix}:${repo}`, 0, -1);
    return parseEntries(items.map((item) => JSON.parse(item) as unknown));
  }
}

export class FileFeedbackStore implements FeedbackStore {
  constructor(readonly cacheDir: string) {}

  #path(repo: string): string {
    const [owner = "", name = ""] = repo.split("/");
    if (!/^[A-Za-z0-9_.-]+$/.test(owner) || !/^[A-Za-z0-9_.-]+$/.test(name)) throw new Error(`unsafe repository name: ${repo}`);
    return join(this.cacheDir, "feedback", owner, `${name}.json`);
  }

  async record(repo: string, entry: FileFeedback): Promise<void> {
    const path = this.#path(repo);
    const entries = [...(await this.list(repo)), feedbackSchema.parse(entry)].slice(-MAX_FEEDBACK_ENTRIES);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.tmp`, JSON.stringify(entries));
    await rename(`${path}.tmp`, path);
  }

  async list(repo: string): Promise<FileFeedback[]> {
    try {
      return parseEntries(JSON.parse(await readFile(this.#path(repo), "utf8")) as unknown[]);
    } catch {
      return [];
    }
  }
}

/**
 * The entries in the order the maintainers gave them (by `at`; stored order breaks ties), each once. A job retried
 * after a later correction records its feedback again after that correction: read in stored order, an old
 * `+data.py` retried after a newer `-data.py` undid the correction.
 */
function chronological(entries: readonly FileFeedback[]): FileFeedback[] {
  const seen = new Set<string>();
  return entries
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .filter(({ entry }) => {
      const key = JSON.stringify([entry.issueNumber, entry.at, entry.actor, entry.add, entry.remove]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (Number.isNaN(a.at) || Number.isNaN(b.at) || a.at === b.at ? a.index - b.index : a.at - b.at))
    .map(({ entry }) => entry);
}

/** Feedback on other issues as history: what a maintainer confirmed is where those bugs were. */
export function feedbackAsPastFixes(entries: readonly FileFeedback[], options: { excludeIssue: number; before?: string }): PastFix[] {
  const cutoff = options.before ? Date.parse(options.before) : Number.POSITIVE_INFINITY;
  const byIssue = new Map<number, PastFix>();
  for (const entry of chronological(entries)) {
    if (entry.issueNumber === options.excludeIssue || Date.parse(entry.at) > cutoff) continue;
    const previous = byIssue.get(entry.issueNumber);
    // Later feedback on the same issue refines the earlier one: files removed later are dropped.
    const files = new Set(previous?.files ?? []);
    for (const f of entry.add) files.add(f);
    for (const f of entry.remove) files.delete(f);
    byIssue.set(entry.issueNumber, { id: `feedback#${entry.issueNumber}`, title: entry.title, body: entry.body, files: [...files].sort(), fixedAt: entry.at });
  }
  return [...byIssue.values()].filter((fix) => fix.files.length > 0);
}

/** The net verdict on one issue's files after all its feedback, in the order it was given: pinned and dropped paths. */
export function feedbackForIssue(entries: readonly FileFeedback[], issueNumber: number): { pinned: string[]; dropped: string[] } {
  const verdict = new Map<string, boolean>();
  for (const entry of chronological(entries)) {
    if (entry.issueNumber !== issueNumber) continue;
    for (const f of entry.add) verdict.set(f, true);
    for (const f of entry.remove) verdict.set(f, false);
  }
  const pinned: string[] = [];
  const dropped: string[] = [];
  for (const [path, keep] of verdict) (keep ? pinned : dropped).push(path);
  return { pinned, dropped };
}
