/**
 * One publisher per issue across worker processes. The bot keeps one comment per issue: it looks for its marker,
 * then updates or creates. Two workers (two processes, two machines) running two jobs for the same issue at
 * once (an issue opened then edited a second later, a rerun during a triage) could both find no comment and
 * both create one. KeyedMutex serialises jobs of a repository inside one process only; across processes this
 * Redis lock does it, around find-the-comment-and-publish.
 *
 * The lock is the usual single-instance Redis lock: `SET key token NX PX ttl` to take it, and a compare-and-delete
 * script to release it, so a holder whose lock expired never deletes the next holder's lock. The critical
 * section is a few GitHub calls; the TTL is far longer, and only matters when a worker dies holding the lock.
 * Without Redis (the web process runs the jobs itself, one at a time) no lock is needed.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { issueKey, type TriageJob } from "../../src/queue/triage-job.js";

export interface IssueLock {
  /** Runs `task` while holding the lock on `key`; throws IssueLockTimeoutError when it cannot be taken in time. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export class IssueLockTimeoutError extends Error {
  constructor(key: string, waitedMs: number) {
    super(`another worker held the publish lock of ${key} for ${waitedMs} ms; the job will try again`);
    this.name = "IssueLockTimeoutError";
  }
}

/** Deletes the key only if it still holds our token. */
const RELEASE_SCRIPT = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export interface RedisIssueLockOptions {
  prefix?: string;
  /** How long a lock lives if its holder never releases it (a crash). */
  ttlMs?: number;
  /** How long to wait for a lock held by another worker before failing the job (it is retried with backoff). */
  maxWaitMs?: number;
  /** Pause between attempts to take a held lock. */
  retryMs?: number;
}

export class RedisIssueLock implements IssueLock {
  readonly #prefix: string;
  readonly #ttlMs: number;
  readonly #maxWaitMs: number;
  readonly #retryMs: number;

  constructor(readonly redis: Redis, options: RedisIssueLockOptions = {}) {
    this.#prefix = options.prefix ?? "mltriage:publish-lock";
    this.#ttlMs = options.ttlMs ?? 120_000;
    this.#maxWaitMs = options.maxWaitMs ?? 60_000;
    this.#retryMs = options.retryMs ?? 250;
  }

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const redisKey = `${this.#prefix}:${key}`;
    const token = randomBytes(16).toString("hex");
    const start = Date.now();
    while ((await this.redis.set(redisKey, token, "PX", this.#ttlMs, "NX")) !== "OK") {
      if (Date.now() - start >= this.#maxWaitMs) throw new IssueLockTimeoutError(key, Date.now() - start);
      await new Promise((resolve) => setTimeout(resolve, this.#retryMs));
    }
    try {
      return await task();
    } finally {
      await this.redis.eval(RELEASE_SCRIPT, 1, redisKey, token).catch(() => undefined);
    }
  }
}

/** Runs `task` under the job's issue lock when the deps have one (Redis), else directly. */
export function withPublishLock<T>(deps: { publishLock?: IssueLock }, job: Pick<TriageJob, "repository" | "issue">, task: () => Promise<T>): Promise<T> {
  return deps.publishLock ? deps.publishLock.run(issueKey(job), task) : task();
}
