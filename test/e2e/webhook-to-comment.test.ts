/**
 * End to end: a signed webhook delivered over HTTP to the Probot app, the job through the real Redis, the
 * BullMQ worker cloning a local file:// repository and ranking it, and the comment and labels arriving at the
 * mocked GitHub API. The same delivery twice still gives one comment; an edit updates that same comment.
 *
 * The classification is fixed here (its model has its own tests) so the label path is deterministic; the
 * ranking is the real pipeline's.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Worker } from "bullmq";
import nock from "nock";
import { pino } from "pino";
import { createApp } from "../../src/app.js";
import { createProducerConnection, createWorkerConnection } from "../../src/queue/redis-connection.js";
import { RedisJobQueue } from "../../src/queue/redis-queue.js";
import { COMMENT_MARKER } from "../../src/render/render-comment.js";
import { createInlineRunner, type AnalysisRunner } from "../../workers/analyse/analysis-runner.js";
import { createJobProcessor } from "../../workers/jobs/process-job.js";
import { startQueueWorker } from "../../workers/queue-worker.js";
import { createTestProbot } from "../app/helpers/test-probot.js";
import { loadWebhookFixture } from "../app/helpers/fixtures.js";
import {
  assertNoPendingMocks,
  mockAddLabels,
  mockConfigFile,
  mockCreateComment,
  mockCreateLabel,
  mockGetIssue,
  mockInstallationToken,
  mockIssueEvents,
  mockListComments,
  mockListRepoLabels,
  mockUpdateComment,
} from "../app/helpers/github-nock.js";
import { makeTempDir, type GitRepo } from "../helpers/git-fixture.js";
import { fixedAnalysis, createTinyVisionRepo, testDeps } from "../workers/worker-helpers.js";
import { postWebhook, startWebhookServer } from "./deliver-webhook.js";

const OWNER = "octo-ml";
const REPO = "tiny-vision";
const SECRET = "test-secret";
const CONFIG = "autoApplyLabels: true\n";

/** The real ranking, with a fixed confident GPU classification on top. */
function realRankingFixedClassification(): AnalysisRunner {
  const real = createInlineRunner();
  const fixed = fixedAnalysis();
  return {
    analyse: async (request) => ({ ...(await real.analyse(request)), classification: (await fixed.analyse(request)).classification! }),
    close: () => real.close(),
  };
}

let repo: GitRepo;
let temp: { dir: string; cleanup(): void };
let webhookUrl: string;
let worker: Worker;
let queue: RedisJobQueue;
const closers: Array<() => Promise<void>> = [];
let completions: Array<{ status: string }> = [];
let waiters: Array<() => void> = [];

function nextCompletion(): Promise<void> {
  return new Promise((resolve) => waiters.push(resolve));
}

function payloadFor(scenario: string) {
  const payload = loadWebhookFixture(scenario);
  payload.repository.clone_url = `file://${repo.dir}`;
  return payload;
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  repo = createTinyVisionRepo();
  temp = makeTempDir();
  const queueName = `test-e2e-${randomUUID()}`;

  // The web side: Probot app -> producer.
  const producer = createProducerConnection("redis://127.0.0.1:6379");
  queue = new RedisJobQueue(queueName, producer);
  await queue.queue.waitUntilReady();
  const webProbot = createTestProbot();
  await webProbot.load(createApp({ queue }));
  const server = await startWebhookServer(webProbot);
  webhookUrl = server.url;

  // The worker side: its own Probot for auth, its own Redis connection.
  const consumer = createWorkerConnection("redis://127.0.0.1:6379");
  const deps = testDeps(join(temp.dir, "cache"), { analysis: realRankingFixedClassification() });
  worker = startQueueWorker({ queueName, connection: consumer, processor: createJobProcessor(deps), concurrency: 1, log: pino({ level: "silent" }) });
  const settle = (status: string) => {
    completions.push({ status });
    waiters.shift()?.();
  };
  worker.on("completed", (_job, result: { status: string }) => settle(result.status));
  worker.on("failed", (_job, error) => settle(`failed: ${error.message}`));

  closers.push(async () => {
    await server.close();
    await worker.close();
    await queue.queue.obliterate({ force: true });
    await queue.close();
    producer.disconnect();
    consumer.disconnect();
  });
});

afterAll(async () => {
  for (const close of closers) await close();
  repo.cleanup();
  temp.cleanup();
  nock.cleanAll();
});

describe("webhook to comment", () => {
  const created: string[] = [];
  const updated: string[] = [];
  const labelsAdded: string[][] = [];
  const labelsCreated: string[] = [];

  it("turns an opened issue into one comment and the auto-applied label", async () => {
    // Web: config for the handler.
    mockInstallationToken(77);
    mockConfigFile(OWNER, REPO, CONFIG);
    // Worker: fresh issue, one past fixed issue, no comment yet, labels created and applied, the comment.
    mockInstallationToken(77);
    mockGetIssue(OWNER, REPO, { ...loadWebhookFixture("issues.opened").issue });
    mockGetIssue(OWNER, REPO, { number: 3, title: "Classifier head overfits", body: "add dropout", state: "closed" });
    mockIssueEvents(OWNER, REPO, 12, []);
    mockListComments(OWNER, REPO, 12, []);
    mockListRepoLabels(OWNER, REPO, []);
    mockCreateLabel(OWNER, REPO, labelsCreated);
    mockAddLabels(OWNER, REPO, 12, labelsAdded);
    mockCreateComment(OWNER, REPO, 12, created, 9_000_001);

    const done = nextCompletion();
    expect(await postWebhook(webhookUrl, { event: "issues", deliveryId: "delivery-open", payload: payloadFor("issues.opened"), secret: SECRET })).toBe(200);
    await done;

    expect(completions.at(-1)).toEqual({ status: "created" });
    expect(created).toHaveLength(1);
    expect(created[0]).toContain(COMMENT_MARKER);
    expect(created[0]).toContain(`blob/${repo.commits.at(-1)}/tiny_vision/`);
    expect(labelsCreated).toEqual(["bug: GPU"]);
    expect(labelsAdded).toEqual([["bug: GPU"]]);
    assertNoPendingMocks();
  });

  it("keeps one comment when GitHub delivers the same webhook again", async () => {
    mockConfigFile(OWNER, REPO, CONFIG);
    expect(await postWebhook(webhookUrl, { event: "issues", deliveryId: "delivery-open", payload: payloadFor("issues.opened"), secret: SECRET })).toBe(200);
    // Same job id: BullMQ keeps the one finished job, the worker runs nothing.
    expect(await queue.queue.getJobCounts("waiting", "active", "completed")).toEqual({ waiting: 0, active: 0, completed: 1 });
    expect(created).toHaveLength(1);
    assertNoPendingMocks();
  });

  it("updates that same comment when the issue is edited", async () => {
    // The reporter replaces the traceback with one that ends in the data loader: the ranking must follow.
    const edited = payloadFor("issues.edited.body-changed");
    edited.issue.body =
      'Traceback (most recent call last):\n  File "tiny_vision/data.py", line 2, in load_images\n    return []\nValueError: image_size must be 224 for load_images';
    mockConfigFile(OWNER, REPO, CONFIG);
    mockGetIssue(OWNER, REPO, { ...edited.issue, labels: [{ name: "bug: GPU" }] });
    mockIssueEvents(OWNER, REPO, 12, []);
    mockListComments(OWNER, REPO, 12, [{ id: 9_000_001, body: created[0], user: { login: "mltriage[bot]", type: "Bot" } }]);
    mockUpdateComment(OWNER, REPO, 9_000_001, updated);

    const done = nextCompletion();
    expect(await postWebhook(webhookUrl, { event: "issues", deliveryId: "delivery-edit", payload: edited, secret: SECRET })).toBe(200);
    await done;

    expect(completions.at(-1)).toEqual({ status: "updated" });
    expect(created).toHaveLength(1);
    expect(updated).toHaveLength(1);
    expect(updated[0]).toContain(COMMENT_MARKER);
    expect(updated[0]).not.toEqual(created[0]);
    expect(updated[0]).toContain("tiny_vision/data.py");
    // The label is already on the issue: not added twice; its box shows ticked.
    expect(labelsAdded).toHaveLength(1);
    expect(updated[0]).toMatch(/- \[x\] `bug: GPU`/);
    assertNoPendingMocks();
  });
});
