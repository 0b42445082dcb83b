/**
 * Jobs run in this process, one at a time, when no Redis is configured (like Laravel's `sync` driver or
 * ActiveJob's inline adapter): one machine needs nothing else. Same job ids, same retry policy, no durability.
 */
import { retryDelayMs } from "./retry-delay.js";
import type { Logger } from "pino";
import { isPermanentError, type EnqueueResult, type JobProcessor, type JobQueue } from "./job-queue.js";
import { TRIAGE_JOB_OPTIONS, issueKey, jobIdFor, parseTriageJob, type TriageJob } from "./triage-job.js";

export interface InlineQueueOptions {
  processor: JobProcessor;
  log: Logger;
  /** Waits between attempts; injectable so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** How many recent job ids are remembered to drop redelivered webhooks (a failed job's id is forgotten). */
  rememberIds?: number;
  onFinished?: (job: TriageJob, outcome: "completed" | "failed") => void;
}

export class InlineJobQueue implements JobQueue {
  readonly mode = "inline" as const;
  readonly #seen = new Set<string>();
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;
  #closed = false;

  constructor(readonly options: InlineQueueOptions) {}

  async enqueue(job: TriageJob): Promise<EnqueueResult> {
    if (this.#closed) throw new Error("queue is closed");
    const data = parseTriageJob(job);
    const jobId = jobIdFor(data);
    if (this.#seen.has(jobId)) return { jobId, created: false };
    this.#seen.add(jobId);
    if (this.#seen.size > (this.options.rememberIds ?? 1_000)) {
      this.#seen.delete(this.#seen.values().next().value as string);
    }
    this.#pending += 1;
    // Chained, so jobs run one after another; the webhook reply does not wait for them.
    this.#tail = this.#tail.then(() => this.#run(data, jobId)).finally(() => {
      this.#pending -= 1;
    });
    return { jobId, created: true };
  }

  async #run(job: TriageJob, jobId: string): Promise<void> {
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const { attempts } = TRIAGE_JOB_OPTIONS;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const log = this.options.log.child({ jobId, repo: `${job.repository.owner}/${job.repository.name}`, issue: job.issue.number, attempt });
      try {
        await this.options.processor(job, { jobId, attempt, maxAttempts: attempts, log });
        this.options.onFinished?.(job, "completed");
        return;
      } catch (error) {
        const last = attempt === attempts || isPermanentError(error);
        log.warn({ err: error, outcome: last ? "failed" : "retry" }, `job for ${issueKey(job)} failed`);
        if (last) {
          // Forgotten, so a redelivered webhook (or the same change seen again) runs the job anew, as in Redis.
          this.#seen.delete(jobId);
          this.options.onFinished?.(job, "failed");
          return;
        }
        await sleep(retryDelayMs(attempt, error));
      }
    }
  }

  /** Resolves when every job enqueued so far has finished (used by shutdown and tests). */
  async drain(): Promise<void> {
    // A job may enqueue while we wait; wait until the chain stops growing.
    while (this.#pending > 0) await this.#tail;
  }

  async depth(): Promise<Record<string, number>> {
    return { waiting: this.#pending };
  }

  async healthy(): Promise<boolean> {
    return !this.#closed;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.drain();
  }
}
