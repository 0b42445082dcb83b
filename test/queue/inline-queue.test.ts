import { describe, expect, it } from "@jest/globals";
import { UnrecoverableError } from "bullmq";
import { pino } from "pino";
import { InlineJobQueue } from "../../src/queue/inline-queue.js";
import type { JobContext } from "../../src/queue/job-queue.js";
import { TRIAGE_JOB_OPTIONS, type TriageJob } from "../../src/queue/triage-job.js";
import { sampleJob } from "./sample-job.js";

const log = pino({ level: "silent" });
const noSleep = async () => undefined;

/** A queue whose every job fails for good, and how many times its processor ran. */
function failingForGood(message: string): { queue: InlineJobQueue; runs: () => number } {
  let runs = 0;
  const queue = new InlineJobQueue({
    log,
    sleep: noSleep,
    processor: async () => {
      runs++;
      throw new UnrecoverableError(message);
    },
  });
  return { queue, runs: () => runs };
}

describe("InlineJobQueue", () => {
  it("runs an enqueued job in this process", async () => {
    const seen: number[] = [];
    const queue = new InlineJobQueue({ log, sleep: noSleep, processor: async (job) => (seen.push(job.issue.number), { kind: job.kind, status: "ok" }) });
    await queue.enqueue(sampleJob());
    await queue.drain();
    expect(seen).toEqual([12]);
  });

  it("drops a redelivered job with the same id", async () => {
    let runs = 0;
    const queue = new InlineJobQueue({ log, sleep: noSleep, processor: async (job) => (runs++, { kind: job.kind, status: "ok" }) });
    expect((await queue.enqueue(sampleJob())).created).toBe(true);
    expect((await queue.enqueue(sampleJob())).created).toBe(false);
    await queue.drain();
    expect(runs).toBe(1);
  });

  it("runs a job again when it is enqueued after it failed for good (a redelivery), not before", async () => {
    const { queue, runs } = failingForGood("GitHub said no");
    expect((await queue.enqueue(sampleJob())).created).toBe(true);
    expect((await queue.enqueue(sampleJob())).created).toBe(false); // still queued: one job
    await queue.drain();
    expect((await queue.enqueue(sampleJob())).created).toBe(true);
    await queue.drain();
    expect(runs()).toBe(2);
  });

  it("retries a transient failure up to the job type's attempts", async () => {
    const attempts: number[] = [];
    const outcomes: string[] = [];
    const queue = new InlineJobQueue({
      log,
      sleep: noSleep,
      processor: async (_job: TriageJob, ctx: JobContext) => {
        attempts.push(ctx.attempt);
        throw new Error("502 from GitHub");
      },
      onFinished: (_job, outcome) => outcomes.push(outcome),
    });
    await queue.enqueue(sampleJob());
    await queue.drain();
    expect(attempts).toHaveLength(TRIAGE_JOB_OPTIONS.attempts);
    expect(outcomes).toEqual(["failed"]);
  });

  it("stops at the first permanent failure", async () => {
    const { queue, runs } = failingForGood("issue is gone");
    await queue.enqueue(sampleJob());
    await queue.drain();
    expect(runs()).toBe(1);
  });
});
