/** The producer side of the BullMQ queue, used by the web process. */
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { EnqueueResult, JobQueue } from "./job-queue.js";
import { TRIAGE_JOB_OPTIONS, jobIdFor, parseTriageJob, type TriageJob } from "./triage-job.js";

export class QueueUnavailableError extends Error {
  constructor(status: string) {
    super(
      `the queue's Redis is not connected (${status}); the delivery is answered 500 and fails. GitHub does not redeliver it by itself: ` +
        "once Redis is back, redeliver it from the app's Recent Deliveries (Settings, Developer settings, the app, Advanced) or with the REST API",
    );
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
    // The deduplication itself is atomic inside BullMQ's add (same id, one job): a job waiting, delayed for a
    // retry, active or completed is kept, and the add is a no-op. A job that failed for good is kept too
    // (removeOnFail), so without this a redelivery of its webhook, or the same change seen again, would be a no-op
    // as well and the issue would never be triaged: a failed job is replaced by the new one.
    const existing = await this.#queue.getJob(jobId);
    let replacedFailed = false;
    if (existing && (await existing.getState()) === "failed") {
      // Another redelivery may remove it first; the add below then deduplicates against its new job.
      await existing.remove().catch(() => undefined);
      replacedFailed = true;
    }
    await this.#queue.add(data.kind, data, { ...TRIAGE_JOB_OPTIONS, jobId });
    return { jobId, created: !existing || replacedFailed, ...(replacedFailed ? { replacedFailed } : {}) };
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
