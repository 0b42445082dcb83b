/**
 * The webhook's own GitHub requests when GitHub fails. The Probot here keeps Octokit's retries on, as in
 * production (1 + 4 + 9 s for one failing request, past the 9 s after which Probot answers 202 and an error is
 * lost): the handlers must not wait for them.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../../src/app.js";
import { Metrics } from "../../src/observability/metrics.js";
import { eventNameOf, loadWebhookFixture } from "../app/helpers/fixtures.js";
import { API, assertNoPendingMocks, mockInstallationToken, mockPermission } from "../app/helpers/github-nock.js";
import { RecordingQueue } from "../app/helpers/recording-queue.js";
import { silentLogger, testPrivateKey } from "../app/helpers/test-probot.js";

const OWNER = "octo-ml";
const REPO = "tiny-vision";
const INSTALLATION = 77;

/** Retries on (Probot's default), throttling off (it only spaces writes). */
const RetryingOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, throttle: { enabled: false } }));

let probot: Probot;
let queue: RecordingQueue;
let deliveries = 0;

async function deliver(scenario: string, payload: Record<string, any> = loadWebhookFixture(scenario)) {
  await probot.receive({ id: `delivery-${++deliveries}`, name: eventNameOf(scenario), payload } as Parameters<Probot["receive"]>[0]);
}

beforeAll(() => nock.disableNetConnect());
beforeEach(async () => {
  probot = new Probot({ appId: 4242, privateKey: testPrivateKey(), log: silentLogger(), Octokit: RetryingOctokit as typeof ProbotOctokit, secret: "s" });
  queue = new RecordingQueue();
  await probot.load(createApp({ queue, metrics: new Metrics() }));
});
afterEach(() => assertNoPendingMocks());

describe("a GitHub failure while the webhook reads .github/mltriage.yml", () => {
  it("enqueues the job anyway, marked for the worker to read the config, after one request and no retry", async () => {
    mockInstallationToken(INSTALLATION);
    // Exactly one reply: a retry would find no mock and fail the delivery.
    nock(API).get(`/repos/${OWNER}/${REPO}/contents/.github%2Fmltriage.yml`).reply(502, { message: "Server Error" });
    const start = Date.now();
    await deliver("issues.opened");
    expect(Date.now() - start).toBeLessThan(900); // the first retry would wait 1 s
    expect(queue.jobs).toHaveLength(1);
    expect(queue.jobs[0]!.configUnread).toBe(true);
    expect(queue.jobs[0]!.configProblems).toEqual([]);
  });

  it("leaves the config's skips to the worker: an issue with the default opt-out label is still enqueued", async () => {
    mockInstallationToken(INSTALLATION);
    nock(API).get(`/repos/${OWNER}/${REPO}/contents/.github%2Fmltriage.yml`).reply(500, { message: "Server Error" });
    await deliver("issues.opened.opt-out-label");
    expect(queue.jobs).toHaveLength(1);
    expect(queue.jobs[0]!.configUnread).toBe(true);
  });

  it("still reports a config that is not YAML as a problem and uses the defaults (it was read)", async () => {
    mockInstallationToken(INSTALLATION);
    nock(API)
      .get(`/repos/${OWNER}/${REPO}/contents/.github%2Fmltriage.yml`)
      .reply(200, "topFiles: 3\n  bad: [", { "content-type": "application/vnd.github.raw; charset=utf-8" });
    await deliver("issues.opened");
    expect(queue.jobs[0]!.configUnread).toBeUndefined();
    expect(queue.jobs[0]!.configProblems).toEqual([expect.objectContaining({ path: "(file)", message: expect.stringMatching(/not valid YAML: .*line \d+, column \d+$/) })]);
  });
});

describe("a GitHub failure during the permission check", () => {
  it("fails the delivery at once (so it shows as failed and can be redelivered) instead of retrying past the timeout", async () => {
    mockInstallationToken(INSTALLATION);
    nock(API).get(`/repos/${OWNER}/${REPO}/contents/.github%2Fmltriage.yml`).reply(404, { message: "Not Found" });
    nock(API).get(`/repos/${OWNER}/.github/contents/.github%2Fmltriage.yml`).reply(404, { message: "Not Found" });
    nock(API).get(`/repos/${OWNER}/${REPO}/collaborators/sam-stranger/permission`).reply(502, { message: "Server Error" });
    const start = Date.now();
    await expect(deliver("issue_comment.created.rerun-by-stranger")).rejects.toThrow("Server Error");
    expect(Date.now() - start).toBeLessThan(900);
    expect(queue.jobs).toEqual([]);
  });
});

describe("a config read that runs out the webhook's time budget", () => {
  it("leaves time for a command's permission check: the command is enqueued for the worker to read the config, not failed", async () => {
    probot = new Probot({ appId: 4242, privateKey: testPrivateKey(), log: silentLogger(), Octokit: RetryingOctokit as typeof ProbotOctokit, secret: "s" });
    await probot.load(createApp({ queue, metrics: new Metrics(), requestBudgetMs: 300 }));
    mockInstallationToken(INSTALLATION);
    // GitHub is slow to serve the file: the budget aborts the read.
    nock(API).get(`/repos/${OWNER}/${REPO}/contents/.github%2Fmltriage.yml`).delay(1_000).reply(404, { message: "Not Found" });
    mockPermission(OWNER, REPO, "sam-stranger", "triage");
    await deliver("issue_comment.created.rerun-by-stranger");
    expect(queue.jobs).toHaveLength(1);
    expect(queue.jobs[0]!.configUnread).toBe(true);
  });
});
