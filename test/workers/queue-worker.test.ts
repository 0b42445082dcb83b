/**
 * The BullMQ worker against the real Redis: a unique queue name per test, obliterated afterwards; a local
 * file:// repository; nock for GitHub.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { QueueEvents, type Worker } from "bullmq";
import nock from "nock";
import { pino } from "pino";
import { Metrics } from "../../src/observability/metrics.js";
import { createProducerConnection, createWorkerConnection } from "../../src/queue/redis-connection.js";
import { RedisJobQueue } from "../../src/queue/redis-queue.js";
import { createThreadRunner, createInlineRunner, type AnalysisThread } from "../../workers/analyse/analysis-runner.js";
import type { TriageResult } from "../../src/types.js";
import { createJobProcessor } from "../../workers/jobs/process-job.js";
import { startQueueWorker } from "../../workers/queue-worker.js";
import { makeTempDir, type GitRepo } from "../helpers/git-fixture.js";
import { assertNoPendingMocks, mockCreateComment, mockGetIssue, mockGetIssueStatus, mockInstallationToken, mockListComments } from "../app/helpers/github-nock.js";
import { INSTALLATION, ISSUE_NUMBER, OWNER, REPO, createTinyVisionRepo, issueJson, testDeps, triageJob } from "./worker-helpers.js";

const REDIS_URL = "redis://127.0.0.1:6379";
let repo: GitRepo;
let temp: { dir: string; cleanup(): void };
const cleanups: Array<() => Promise<void>> = [];

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1:6379");
  repo = createTinyVisionRepo();
  temp = makeTempDir();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  assertNoPendingMocks();
});
afterAll(() => {
  repo.cleanup();
  temp.cleanup();
});

async function startPair(metrics = new Metrics()) {
  const queueName = `test-worker-${randomUUID()}`;
  const producerConnection = createProducerConnection(REDIS_URL);
  const workerConnection = createWorkerConnection(REDIS_URL);
  const queue = new RedisJobQueue(queueName, producerConnection);
  await queue.queue.waitUntilReady();
  const events = new QueueEvents(queueName, { connection: { host: "127.0.0.1", port: 6379 } });
  await events.waitUntilReady();
  const deps = testDeps(join(temp.dir, queueName), { metrics });
  const worker: Worker = startQueueWorker({ queueName, connection: workerConnection, processor: createJobProcessor(deps), concurrency: 2, log: pino({ level: "silent" }) });
  cleanups.push(async () => {
    await worker.close();
    await events.close();
    await queue.queue.obliterate({ force: true });
    await queue.close();
    producerConnection.disconnect();
    workerConnection.disconnect();
  });
  return { queue, events, metrics };
}

describe("queue worker", () => {
  it("processes a job added by the producer and publishes one comment", async () => {
    const bodies: string[] = [];
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    mockGetIssue(OWNER, REPO, { number: 3, title: "head overfits", body: "dropout", state: "closed" });
    mockListComments(OWNER, REPO, ISSUE_NUMBER, []);
    mockCreateComment(OWNER, REPO, ISSUE_NUMBER, bodies);
    const { queue, events, metrics } = await startPair();
    const { jobId } = await queue.enqueue(triageJob(`file://${repo.dir}`));
    const job = await queue.queue.getJob(jobId);
    expect(await job!.waitUntilFinished(events, 30_000)).toMatchObject({ kind: "triage", status: "created" });
    expect(bodies).toHaveLength(1);
    expect(await metrics.render()).toContain('mltriage_jobs_total{kind="triage",outcome="created"} 1');
  });

  it("does not retry a permanent failure", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssueStatus(OWNER, REPO, ISSUE_NUMBER, 404);
    const { queue, events } = await startPair();
    const { jobId } = await queue.enqueue(triageJob(`file://${repo.dir}`));
    const job = await queue.queue.getJob(jobId);
    await expect(job!.waitUntilFinished(events, 30_000)).rejects.toThrow(/404/);
    const failed = await queue.queue.getJob(jobId);
    expect(failed!.attemptsMade).toBe(1);
    expect(await failed!.getState()).toBe("failed");
  });

  it("fails a job whose data does not validate without retrying", async () => {
    const { queue, events } = await startPair();
    const job = await queue.queue.add("triage", { kind: "triage", token: "x" }, { jobId: "bad/data#1-triage-0", attempts: 5 });
    await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow(/invalid triage job/);
    expect((await queue.queue.getJob(job.id!))!.attemptsMade).toBe(1);
  });
});

describe("analysis thread", () => {
  it("ranks in a worker thread exactly as inline", async () => {
    const request = {
      gitDir: repo.gitDir,
      commit: repo.commits.at(-1)!,
      source: `${OWNER}/${REPO}`,
      scope: {},
      maxRepoFiles: 1000,
      issue: { title: issueJson().title, body: issueJson().body },
      history: { pastFixes: [], commits: [] },
      top: 5,
    };
    const thread = createThreadRunner();
    const inline = createInlineRunner();
    try {
      const [threaded, local] = await Promise.all([thread.analyse(request), inline.analyse(request)]);
      expect(threaded.localization.ranked.map((f) => f.path)).toEqual(local.localization.ranked.map((f) => f.path));
      expect(threaded.localization.ranked.length).toBeGreaterThan(0);
    } finally {
      await thread.close();
    }
  });

  it("replaces the thread after recycleAfter analyses", async () => {
    const thread = createThreadRunner({ recycleAfter: 1 });
    const request = { gitDir: repo.gitDir, commit: repo.commits[0]!, source: "o/r", scope: {}, maxRepoFiles: 100, issue: { title: "head", body: "" }, history: { pastFixes: [], commits: [] }, top: 3 };
    try {
      const first = await thread.analyse(request);
      const second = await thread.analyse(request);
      expect(second.localization.ranked).toEqual(first.localization.ranked);
      expect(thread.threadsStarted).toBe(2);
    } finally {
      await thread.close();
    }
  });

  it("fails an analysis that outlives its deadline and starts a fresh thread for the next one", async () => {
    // 1 ms is shorter than any real analysis (the thread has to load tsx and the grammar first).
    const thread = createThreadRunner({ timeoutMs: 1 });
    const request = { gitDir: repo.gitDir, commit: repo.commits[0]!, source: "o/r", scope: {}, maxRepoFiles: 100, issue: { title: "head", body: "" }, history: { pastFixes: [], commits: [] }, top: 3 };
    try {
      await expect(thread.analyse(request)).rejects.toThrow(/took longer than/);
      await expect(thread.analyse(request)).rejects.toThrow(/took longer than/);
      expect(thread.threadsStarted).toBe(2);
    } finally {
      await thread.close();
    }
  });

  it("starts each request's deadline when the thread starts on it, and fails a stuck one alone", async () => {
    // Fake threads: the first never answers the request titled "stuck"; every other request is answered at once.
    const started: string[] = [];
    const answer = { localization: { ranked: [] } } as unknown as TriageResult;
    const spawn = (): AnalysisThread => {
      let broken = false;
      return {
        get broken() {
          return broken;
        },
        post: (request) => {
          started.push(request.issue.title);
          return request.issue.title === "stuck" ? new Promise<TriageResult>(() => undefined) : Promise.resolve(answer);
        },
        terminate: async () => {
          broken = true;
        },
      };
    };
    const runner = createThreadRunner({ timeoutMs: 50, spawn });
    const request = (title: string) => ({ gitDir: "", commit: "", source: "o/r", scope: {}, maxRepoFiles: 1, issue: { title, body: "" }, history: { pastFixes: [], commits: [] }, top: 3 });
    try {
      const stuck = runner.analyse(request("stuck"));
      const behind = runner.analyse(request("tiny"));
      await expect(stuck).rejects.toThrow(/took longer than/);
      // Queued behind the stuck one, it is not failed with it: it runs on a fresh thread once the stuck one is dropped.
      await expect(behind).resolves.toBe(answer);
      expect(started).toEqual(["stuck", "tiny"]);
      expect(runner.threadsStarted).toBe(2);
    } finally {
      await runner.close();
    }
  });

  it("reports the size cap from the thread as the same permanent error", async () => {
    const thread = createThreadRunner();
    try {
      await expect(
        thread.analyse({ gitDir: repo.gitDir, commit: repo.commits[0]!, source: "o/r", scope: {}, maxRepoFiles: 1, issue: { title: "t", body: "" }, history: { pastFixes: [], commits: [] }, top: 5 }),
      ).rejects.toMatchObject({ name: "RepositoryTooLargeError" });
    } finally {
      await thread.close();
    }
  });
});
