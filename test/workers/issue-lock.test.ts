/**
 * The publish lock across worker processes (workers/jobs/issue-lock.ts), against the real Redis with keys of
 * its own (a random prefix per test, deleted afterwards): two RedisIssueLock objects on two connections stand
 * for two worker processes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Redis } from "ioredis";
import nock from "nock";
import { createWorkerConnection } from "../../src/queue/redis-connection.js";
import { COMMENT_MARKER } from "../../src/render/render-comment.js";
import { IssueLockTimeoutError, RedisIssueLock } from "../../workers/jobs/issue-lock.js";
import { createJobProcessor } from "../../workers/jobs/process-job.js";
import { makeTempDir, type GitRepo } from "../helpers/git-fixture.js";
import { API, assertNoPendingMocks, mockGetIssue, mockInstallationToken } from "../app/helpers/github-nock.js";
import { INSTALLATION, ISSUE_NUMBER, OWNER, REPO, createTinyVisionRepo, fixedAnalysis, issueJson, jobContext, testDeps, triageJob } from "./worker-helpers.js";

const REDIS_URL = "redis://127.0.0.1:6379";
const connections: Redis[] = [];
let prefix: string;
let repo: GitRepo;
let temp: { dir: string; cleanup(): void };

function connect(): Redis {
  const connection = createWorkerConnection(REDIS_URL);
  connections.push(connection);
  return connection;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1:6379");
  repo = createTinyVisionRepo();
  temp = makeTempDir();
});
afterEach(async () => {
  const keys = await connections[0]?.keys(`${prefix}:*`);
  if (keys?.length) await connections[0]!.del(...keys);
  for (const connection of connections.splice(0)) connection.disconnect();
  assertNoPendingMocks();
});
afterAll(() => {
  repo.cleanup();
  temp.cleanup();
});

describe("RedisIssueLock", () => {
  it("never runs two tasks for the same issue at once across processes, and runs other issues freely", async () => {
    prefix = `test-lock-${randomUUID()}`;
    const a = new RedisIssueLock(connect(), { prefix, retryMs: 10 });
    const b = new RedisIssueLock(connect(), { prefix, retryMs: 10 });
    let inside = 0;
    let most = 0;
    const task = async () => {
      inside += 1;
      most = Math.max(most, inside);
      await sleep(50);
      inside -= 1;
    };
    await Promise.all([a.run("o/r#1", task), b.run("o/r#1", task), a.run("o/r#1", task), b.run("o/r#1", task)]);
    expect(most).toBe(1);
    most = 0;
    await Promise.all([a.run("o/r#1", task), b.run("o/r#2", task)]);
    expect(most).toBe(2);
    expect(await connections[0]!.keys(`${prefix}:*`)).toEqual([]);
  });

  it("releases only its own lock: a holder whose lock expired does not delete the next holder's", async () => {
    prefix = `test-lock-${randomUUID()}`;
    const redis = connect();
    const slow = new RedisIssueLock(redis, { prefix, ttlMs: 100, retryMs: 10 });
    const next = new RedisIssueLock(connect(), { prefix, retryMs: 10 });
    let nextHeld = false;
    const slowRun = slow.run("o/r#1", () => sleep(300));
    await sleep(20);
    const nextRun = next.run("o/r#1", async () => {
      nextHeld = true;
      await sleep(400); // the slow holder finishes (and releases) meanwhile
      expect(await redis.exists(`${prefix}:o/r#1`)).toBe(1);
    });
    await slowRun;
    expect(nextHeld).toBe(true);
    await nextRun;
    expect(await redis.exists(`${prefix}:o/r#1`)).toBe(0);
  });

  it("gives up after maxWaitMs with an error the job retries", async () => {
    prefix = `test-lock-${randomUUID()}`;
    const holder = new RedisIssueLock(connect(), { prefix });
    const waiter = new RedisIssueLock(connect(), { prefix, maxWaitMs: 50, retryMs: 10 });
    const held = holder.run("o/r#1", () => sleep(200));
    await sleep(10);
    await expect(waiter.run("o/r#1", async () => "never")).rejects.toBeInstanceOf(IssueLockTimeoutError);
    await held;
  });
});

describe("two worker processes triaging the same issue at once", () => {
  it("post one comment: the second finds the first one's comment instead of creating another", async () => {
    prefix = `test-lock-${randomUUID()}`;
    const comments: Array<{ id: number; body: string; user: { login: string; type: string } }> = [];
    // Each list of comments waits (up to 1.5 s) for the other worker's, so both look before either publishes
    // unless something makes the second wait for the first.
    let arrived = 0;
    const waiting: Array<() => void> = [];
    const bothArrived = () => {
      arrived += 1;
      if (arrived >= 2) waiting.splice(0).forEach((release) => release());
      return arrived >= 2 ? Promise.resolve() : new Promise<void>((resolve) => (waiting.push(resolve), setTimeout(resolve, 1_500)));
    };
    const listed = nock(API)
      .get(`/repos/${OWNER}/${REPO}/issues/${ISSUE_NUMBER}/comments`)
      .query(true)
      .times(2)
      .reply((_uri, _body, callback) => void bothArrived().then(() => callback(null, [200, [...comments]])));
    const post = (id: number) => (_uri: string, body: unknown) => {
      const comment = { id, body: (body as { body: string }).body, user: { login: "mltriage[bot]", type: "Bot" } };
      comments.push(comment);
      return comment;
    };
    nock(API).post(`/repos/${OWNER}/${REPO}/issues/${ISSUE_NUMBER}/comments`).reply(201, post(1));
    nock(API).post(`/repos/${OWNER}/${REPO}/issues/${ISSUE_NUMBER}/comments`).optionally().reply(201, post(2));
    for (let worker = 0; worker < 2; worker++) {
      mockInstallationToken(INSTALLATION);
      mockGetIssue(OWNER, REPO, issueJson());
      mockGetIssue(OWNER, REPO, { number: 3, title: "Classifier head overfits", body: "add dropout to the head", state: "closed" });
    }
    // Two processes: each its own deps (own KeyedMutex, own cache), sharing only Redis.
    const processor = (n: number) =>
      createJobProcessor(testDeps(join(temp.dir, `${prefix}-${n}`), { analysis: fixedAnalysis(), publishLock: new RedisIssueLock(connect(), { prefix, retryMs: 20 }) }));
    const opened = triageJob(`file://${repo.dir}`);
    const edited = { ...triageJob(`file://${repo.dir}`, { at: "2026-11-20T10:00:01Z" }), trigger: { ...opened.trigger, event: "issues.edited", at: "2026-11-20T10:00:01Z" } };
    const outcomes = await Promise.all([processor(1)(opened, jobContext()), processor(2)(edited, jobContext({ jobId: "other" }))]);
    expect(listed.isDone()).toBe(true);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(COMMENT_MARKER);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["created", "unchanged"]);
  });
});
