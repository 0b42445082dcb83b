/** The consumer side of the BullMQ queue: the only file that knows BullMQ's Worker and Job. */
import { retryDelayMs } from "../src/queue/retry-delay.js";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { repeatedErrorLogger } from "../src/observability/repeat-filter.js";
import type { JobProcessor } from "../src/queue/job-queue.js";
import { InvalidJobError, parseTriageJob } from "../src/queue/triage-job.js";

export interface QueueWorkerOptions {
  queueName: string;
  /** From createWorkerConnection (waits for Redis; maxRetriesPerRequest null). */
  connection: Redis;
  processor: JobProcessor;
  concurrency: number;
  log: Logger;
  prefix?: string;
  /** Lock duration in ms (BullMQ renews it while the job runs; the analysis thread keeps the loop free for that). */
  lockDuration?: number;
}

export function startQueueWorker(options: QueueWorkerOptions): Worker {
  const worker = new Worker(
    options.queueName,
    async (job: Job) => {
      let data;
      try {
        data = parseTriageJob(job.data);
      } catch (error) {
        // Data that fails validation will fail the same way every time.
        if (error instanceof InvalidJobError) throw new UnrecoverableError(error.message);
        throw error;
      }
      return options.processor(data, {
        jobId: job.id ?? "unknown",
        attempt: job.attemptsMade + 1,
        maxAttempts: job.opts.attempts ?? 1,
        log: options.log,
      });
    },
    {
      connection: options.connection,
      concurrency: options.concurrency,
      lockDuration: options.lockDuration ?? 60_000,
      settings: { backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) => retryDelayMs(attemptsMade, error) },
      ...(options.prefix ? { prefix: options.prefix } : {}),
    },
  );
  // One line per distinct error and half-minute: while Redis is down, each connection fails every reconnect attempt.
  worker.on("error", repeatedErrorLogger(options.log, "error", "queue worker error"));
  return worker;
}
