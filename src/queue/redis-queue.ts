/** The producer side of the BullMQ queue, used by the web process. */
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { EnqueueResult, JobQueue } from "./job-queue.js";
import { TRIAGE_JOB_OPTIONS, jobIdFor, parseTriageJob, type TriageJob } from "./triage-job.js";

export class QueueUnavailableError extends Error {
  constructor(status: string) {
    super(`the queue's Redis is not connected (${status}); the webhook fails so GitHub can redeliver it`);
    this.name = "QueueUnavailableError";
  }
}

export class RedisJobQueue implements JobQueue {
  readonly mode = "redis" as const;
  readonly #queue: Queue;

  /** `connection` should come from createProducerConnection (fail fast). The caller owns and closes it. */
  constructor(readonly queueName: string, readonly connection: Redis, prefix?: string) {
    this.#queue = new Queue(queueName, { connection, ...(prefix ? { prefix } : {}) });
    // Without a listener an unreachable Redis would be an unhandled 'error' event; enqueue reports it instead.
    this.#queue.on("error", () => undefined);
  }

  get queue(): Queue {
    return this.#queue;
  }

  async enqueue(job: TriageJob): Promise<EnqueueResult> {
    const data = parseTriageJob(job);
    // BullMQ itself would wait for a connection that is not up yet; the webhook must fail now instead.
    if (this.connection.status !== "ready") throw new QueueUnavailableError(this.connection.status);
    const jobId = jobIdFor(data);
    // Only for the log line: the deduplication itself is atomic inside BullMQ's add (same id, one job).
    const existed = (await this.#queue.getJob(jobId)) !== undefined;
    await this.#queue.add(data.kind, data, { ...TRIAGE_JOB_OPTIONS, jobId });
    return { jobId, created: !existed };
  }

  async depth(): Promise<Record<string, number>> {
    return this.#queue.getJobCounts("waiting", "active", "delayed", "failed", "completed", "prioritized");
  }

  async healthy(): Promise<boolean> {
    try {
      return (await this.connection.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.#queue.close();
  }
}
