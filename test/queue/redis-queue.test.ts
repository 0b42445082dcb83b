/** The BullMQ producer against the real Redis (127.0.0.1:6379), one queue name per test, removed afterwards. */
import { afterEach, describe, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import { UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { createProducerConnection, createWorkerConnection } from "../../src/queue/redis-connection.js";
import { RedisJobQueue } from "../../src/queue/redis-queue.js";
import { TRIAGE_JOB_OPTIONS } from "../../src/queue/triage-job.js";
import { sampleJob } from "./sample-job.js";

const REDIS_URL = "redis://127.0.0.1:6379";
const opened: Array<{ queue: RedisJobQueue; connection: Redis }> = [];

async function openQueue(url = REDIS_URL) {
  const connection = createProducerConnection(url);
  const queue = new RedisJobQueue(`test-producer-${randomUUID()}`, connection);
  opened.push({ queue, connection });
  return queue;
}

/** Runs the queue's jobs once with `processor` until one has settled, then stops. */
async function runOnce(queue: RedisJobQueue, processor: () => Promise<unknown>): Promise<void> {
  const connection = createWorkerConnection(REDIS_URL);
  const worker = new Worker(queue.queueName, processor, { connection, autorun: false });
  const settled = new Promise<void>((resolve) => {
    worker.on("completed", () => resolve());
    worker.on("failed", () => resolve());
  });
  void worker.run();
  await settled;
  await worker.close();
  connection.disconnect();
}

afterEach(async () => {
  for (const { queue, connection } of opened.splice(0)) {
    if (connection.status === "ready") {
      await queue.queue.obliterate({ force: true });
      await queue.close();
    }
    connection.disconnect();
  }
});

describe("RedisJobQueue", () => {
  it("adds a job with the retry and retention options of the job type", async () => {
    const queue = await openQueue();
    await queue.queue.waitUntilReady();
    const { jobId, created } = await queue.enqueue(sampleJob());
    expect(created).toBe(true);
    const job = await queue.queue.getJob(jobId);
    expect(job?.data.issue.number).toBe(12);
    expect(job?.opts.attempts).toBe(TRIAGE_JOB_OPTIONS.attempts);
    expect(job?.opts.backoff).toEqual(TRIAGE_JOB_OPTIONS.backoff);
    expect(job?.opts.removeOnComplete).toEqual(TRIAGE_JOB_OPTIONS.removeOnComplete);
  });

  it("keeps one job when the same job is enqueued twice", async () => {
    const queue = await openQueue();
    await queue.queue.waitUntilReady();
    const first = await queue.enqueue(sampleJob());
    const second = await queue.enqueue(sampleJob());
    expect(second).toEqual({ jobId: first.jobId, created: false });
    expect(await queue.queue.getJobCountByTypes("waiting")).toBe(1);
    expect((await queue.depth()).waiting).toBe(1);
  });

  it("replaces a job that failed for good when the same job is enqueued again (a redelivery)", async () => {
    const queue = await openQueue();
    await queue.queue.waitUntilReady();
    const first = await queue.enqueue(sampleJob());
    await runOnce(queue, async () => {
      throw new UnrecoverableError("GitHub said no");
    });
    expect(await (await queue.queue.getJob(first.jobId))!.getState()).toBe("failed");
    const again = await queue.enqueue(sampleJob());
    expect(again).toEqual({ jobId: first.jobId, created: true, replacedFailed: true });
    const job = await queue.queue.getJob(first.jobId);
    expect(await job!.getState()).toBe("waiting");
    expect(job!.attemptsMade).toBe(0);
    expect(await queue.queue.getJobCountByTypes("failed")).toBe(0);
  });

  it("still keeps one job when the first one completed", async () => {
    const queue = await openQueue();
    await queue.queue.waitUntilReady();
    const first = await queue.enqueue(sampleJob());
    await runOnce(queue, async () => ({ status: "created" }));
    expect(await queue.enqueue(sampleJob())).toEqual({ jobId: first.jobId, created: false });
    expect(await (await queue.queue.getJob(first.jobId))!.getState()).toBe("completed");
    expect(await queue.queue.getJobCountByTypes("waiting")).toBe(0);
  });

  it("refuses invalid job data before it reaches Redis", async () => {
    const queue = await openQueue();
    await expect(queue.enqueue({ ...sampleJob(), token: "x" } as never)).rejects.toThrow(/invalid triage job/);
  });

  it("fails fast instead of waiting when Redis is unreachable", async () => {
    // Port 1 refuses connections at once; the offline queue is off, so the add fails rather than hangs.
    const queue = await openQueue("redis://127.0.0.1:1");
    const error = await queue.enqueue(sampleJob()).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/not connected/);
    // GitHub does not redeliver a failed delivery by itself; the message says who must, and where.
    expect((error as Error).message).toMatch(/does not redeliver it by itself.*Recent Deliveries.*REST API/);
    expect(await queue.healthy()).toBe(false);
  });
});
