/** The BullMQ producer against the real Redis (127.0.0.1:6379), one queue name per test, removed afterwards. */
import { afterEach, describe, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { createProducerConnection } from "../../src/queue/redis-connection.js";
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

  it("refuses invalid job data before it reaches Redis", async () => {
    const queue = await openQueue();
    await expect(queue.enqueue({ ...sampleJob(), token: "x" } as never)).rejects.toThrow(/invalid triage job/);
  });

  it("fails fast instead of waiting when Redis is unreachable", async () => {
    // Port 1 refuses connections at once; the offline queue is off, so the add fails rather than hangs.
    const queue = await openQueue("redis://127.0.0.1:1");
    await expect(queue.enqueue(sampleJob())).rejects.toThrow(/not connected/);
    expect(await queue.healthy()).toBe(false);
  });
});
