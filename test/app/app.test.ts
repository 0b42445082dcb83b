/**
 * Every event path of the Probot app, with nock standing in for GitHub. The handlers only validate and
 * enqueue, so each test checks what reached the queue (a recording queue with BullMQ's id deduplication)
 * and that every GitHub mock it set up was used.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import type { Probot } from "probot";
import { createApp } from "../../src/app.js";
import { Metrics } from "../../src/observability/metrics.js";
import { createTestProbot } from "./helpers/test-probot.js";
import { eventNameOf, loadWebhookFixture } from "./helpers/fixtures.js";
import { assertNoPendingMocks, mockConfigFile, mockInstallationToken, mockNoConfigFile, mockPermission } from "./helpers/github-nock.js";
import { RecordingQueue } from "./helpers/recording-queue.js";

const OWNER = "octo-ml";
const REPO = "tiny-vision";
const INSTALLATION = 77;

let probot: Probot;
let queue: RecordingQueue;
let metrics: Metrics;
let deliveries = 0;

async function deliver(scenario: string, payload: Record<string, any> = loadWebhookFixture(scenario), id = `delivery-${++deliveries}`) {
  await probot.receive({ id, name: eventNameOf(scenario), payload } as Parameters<Probot["receive"]>[0]);
}

beforeAll(() => {
  nock.disableNetConnect();
});

beforeEach(async () => {
  // A fresh Probot per test: installation tokens are cached per instance.
  probot = createTestProbot();
  queue = new RecordingQueue();
  metrics = new Metrics();
  await probot.load(createApp({ queue, metrics }));
});

afterEach(() => {
  assertNoPendingMocks();
});

describe("issues.opened", () => {
  it("enqueues one triage job with the issue text and the default config when the repository has no config", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    await deliver("issues.opened");
    expect(queue.jobs).toHaveLength(1);
    const job = queue.jobs[0]!;
    expect(job.kind).toBe("triage");
    expect(job.installationId).toBe(INSTALLATION);
    expect(job.repository).toEqual({ owner: OWNER, name: REPO, cloneUrl: "https://github.com/octo-ml/tiny-vision.git", defaultBranch: "main", htmlUrl: "https://github.com/octo-ml/tiny-vision", sizeKb: 420 });
    expect(job.issue.number).toBe(12);
    expect(job.issue.body).toContain("mat1 and mat2 shapes cannot be multiplied");
    expect(job.configProblems).toEqual([]);
    expect((job.config as { topFiles: number }).topFiles).toBeGreaterThan(0);
    expect(queue.ids[0]).toMatch(/^octo-ml\/tiny-vision#12-triage-[0-9a-f]{12}$/);
  });

  it("never puts a token into the job", async () => {
    mockInstallationToken(INSTALLATION, "ghs_secret_that_must_not_travel");
    mockNoConfigFile(OWNER, REPO);
    await deliver("issues.opened");
    expect(JSON.stringify(queue.jobs)).not.toContain("ghs_secret_that_must_not_travel");
  });

  it("keeps one job when GitHub delivers the same webhook twice", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    mockNoConfigFile(OWNER, REPO);
    await deliver("issues.opened", undefined, "same-delivery");
    await deliver("issues.opened", undefined, "same-delivery");
    expect(queue.jobs).toHaveLength(1);
    expect(await metrics.render()).toContain('mltriage_webhooks_total{decision="duplicate",event="issues.opened"} 1');
  });

  it("carries the config problems in the job and uses defaults for the bad fields", async () => {
    mockInstallationToken(INSTALLATION);
    mockConfigFile(OWNER, REPO, "topFiles: 99\nautoApplyLabels: true\n");
    await deliver("issues.opened");
    const job = queue.jobs[0]!;
    expect(job.configProblems.map((p) => p.path)).toEqual(["topFiles"]);
    expect((job.config as { autoApplyLabels: boolean }).autoApplyLabels).toBe(true);
  });

  it("reports a config file that is not YAML as one problem and still enqueues", async () => {
    mockInstallationToken(INSTALLATION);
    mockConfigFile(OWNER, REPO, "topFiles: [1, 2\n  : nope");
    await deliver("issues.opened");
    expect(queue.jobs).toHaveLength(1);
    expect(queue.jobs[0]!.configProblems).toEqual([expect.objectContaining({ path: "(file)", message: expect.stringMatching(/not valid YAML: .*line \d+/) })]);
    expect(queue.jobs[0]!.configProblems[0]!.message).not.toContain("api.github.com");
  });

  it("skips an issue opened by a bot", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    await deliver("issues.opened.by-bot");
    expect(queue.jobs).toEqual([]);
  });

  it("skips a locked issue without calling GitHub", async () => {
    await deliver("issues.opened.locked");
    expect(queue.jobs).toEqual([]);
  });

  it("skips an issue carrying the opt-out label", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    await deliver("issues.opened.opt-out-label");
    expect(queue.jobs).toEqual([]);
  });

  it("skips every issue of a repository that turned the bot off", async () => {
    mockInstallationToken(INSTALLATION);
    mockConfigFile(OWNER, REPO, "enabled: false\n");
    await deliver("issues.opened");
    expect(queue.jobs).toEqual([]);
  });

  it("skips new issues when the opened trigger is off", async () => {
    mockInstallationToken(INSTALLATION);
    mockConfigFile(OWNER, REPO, "triggers:\n  opened: false\n");
    await deliver("issues.opened");
    expect(queue.jobs).toEqual([]);
  });

  it("fails the delivery when the payload has no installation", async () => {
    await expect(deliver("issues.opened.no-installation")).rejects.toThrow(/installation/);
    expect(queue.jobs).toEqual([]);
  });
});

describe("issues.reopened and issues.edited", () => {
  it("enqueues a reopened issue under a new job id", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    mockNoConfigFile(OWNER, REPO);
    await deliver("issues.opened");
    await deliver("issues.reopened");
    expect(queue.jobs.map((j) => j.trigger.event)).toEqual(["issues.opened", "issues.reopened"]);
    expect(new Set(queue.ids).size).toBe(2);
  });

  it("enqueues again when the body changed, with the new text", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    await deliver("issues.edited.body-changed");
    expect(queue.jobs).toHaveLength(1);
    expect(queue.jobs[0]!.issue.body).toContain("Also happens with --image-size 256.");
  });

  it("enqueues again when only the title changed", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    await deliver("issues.edited.title-changed");
    expect(queue.jobs[0]!.issue.title).toBe("Conv2d size mismatch at 224px");
  });

  it("ignores an edit that changed neither title nor body, without calling GitHub", async () => {
    await deliver("issues.edited.no-text-change");
    expect(queue.jobs).toEqual([]);
  });

  it("ignores an edit of a closed issue", async () => {
    await deliver("issues.edited.closed");
    expect(queue.jobs).toEqual([]);
  });

  it("skips edits when the edited trigger is off", async () => {
    mockInstallationToken(INSTALLATION);
    mockConfigFile(OWNER, REPO, "triggers:\n  edited: false\n");
    await deliver("issues.edited.body-changed");
    expect(queue.jobs).toEqual([]);
  });
});

describe("issue_comment.created commands", () => {
  it("reruns for the issue's author without a permission check", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    await deliver("issue_comment.created.rerun-by-author");
    expect(queue.jobs.map((j) => j.kind)).toEqual(["triage"]);
    expect(queue.jobs[0]!.trigger).toMatchObject({ commentId: 3001, actor: "alice", event: "issue_comment.created" });
  });

  it("refuses a rerun from a user with read access only", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    mockPermission(OWNER, REPO, "sam-stranger", "read");
    await deliver("issue_comment.created.rerun-by-stranger");
    expect(queue.jobs).toEqual([]);
  });

  it("accepts a rerun from a user with the triage role", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    mockPermission(OWNER, REPO, "sam-stranger", "triage");
    await deliver("issue_comment.created.rerun-by-stranger");
    expect(queue.jobs.map((j) => j.kind)).toEqual(["triage"]);
  });

  it("answers help for anyone", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    await deliver("issue_comment.created.help");
    expect(queue.jobs.map((j) => j.kind)).toEqual(["help"]);
  });

  it("records a maintainer's file feedback", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    mockPermission(OWNER, REPO, "maria-maintainer", "write");
    await deliver("issue_comment.created.files-by-maintainer");
    expect(queue.jobs).toHaveLength(1);
    expect(queue.jobs[0]).toMatchObject({ kind: "feedback", add: ["tiny_vision/heads.py"], remove: ["tiny_vision/train.py"] });
  });

  it("ignores file feedback from a user without triage permission", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    mockPermission(OWNER, REPO, "sam-stranger", "read");
    await deliver("issue_comment.created.files-by-stranger");
    expect(queue.jobs).toEqual([]);
  });

  it("ignores conversation, including a quoted command, without calling GitHub", async () => {
    await deliver("issue_comment.created.conversation");
    expect(queue.jobs).toEqual([]);
  });

  it("ignores commands written by a bot", async () => {
    await deliver("issue_comment.created.by-bot");
    expect(queue.jobs).toEqual([]);
  });

  it("ignores comments on pull requests", async () => {
    await deliver("issue_comment.created.on-pull-request");
    expect(queue.jobs).toEqual([]);
  });

  it("ignores commands when the commands trigger is off", async () => {
    mockInstallationToken(INSTALLATION);
    mockConfigFile(OWNER, REPO, "triggers:\n  commands: false\n");
    await deliver("issue_comment.created.help");
    expect(queue.jobs).toEqual([]);
  });
});

describe("issue_comment.created with a command the bot does not know", () => {
  it("answers with help and says what was not understood", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    const payload = loadWebhookFixture("issue_comment.created.help");
    payload.comment.body = "/mltriage files src/model.py";
    await deliver("issue_comment.created.help", payload);
    expect(queue.jobs).toEqual([expect.objectContaining({ kind: "help", reason: expect.stringContaining("+path/to/file.py") })]);
  });
});

describe("malformed deliveries", () => {
  it("answers a payload whose clone URL carries credentials like any malformed one: a warning, nothing enqueued, no error", async () => {
    mockInstallationToken(INSTALLATION);
    mockNoConfigFile(OWNER, REPO);
    const payload = loadWebhookFixture("issues.opened");
    payload.repository.clone_url = "https://user:hunter2@github.com/octo-ml/tiny-vision.git";
    const warnings: string[] = [];
    probot.log.warn = ((...args: unknown[]) => void warnings.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "))) as never;
    await expect(deliver("issues.opened", payload)).resolves.toBeUndefined();
    expect(queue.jobs).toEqual([]);
    expect(warnings.join("\n")).toMatch(/malformed payload.*repository\.cloneUrl: must not contain credentials/);
    expect(warnings.join("\n")).not.toContain("hunter2");
    expect(await metrics.render()).toContain('mltriage_webhooks_total{decision="malformed",event="issues.opened"} 1');
  });

  // Signed and routed like real events, but without the fields the handlers read. No GitHub call is mocked: a
  // malformed payload must be dropped before any is made.
  it.each([
    ["issues.opened", (p: Record<string, any>) => delete p.repository, "repository"],
    ["issues.opened", (p: Record<string, any>) => (p.issue.number = "12"), "issue.number"],
    ["issue_comment.created.help", (p: Record<string, any>) => delete p.comment, "comment"],
    ["issue_comment.edited.bot-comment-by-maintainer", (p: Record<string, any>) => delete p.issue, "issue"],
    // Labels are read for the opt-out label: a null label, or a label without a name, threw a 500 (robustness review).
    ["issues.opened", (p: Record<string, any>) => (p.issue.labels = [null]), "issue.labels"],
    ["issues.opened", (p: Record<string, any>) => (p.issue.labels = [{ name: null }]), "issue.labels"],
    ["issues.opened", (p: Record<string, any>) => (p.issue.labels = "bug"), "issue.labels"],
  ])("%s without a valid %p is ignored with a warning naming what is missing, and nothing is enqueued", async (scenario, breakIt, field) => {
    const payload = loadWebhookFixture(scenario);
    breakIt(payload);
    const warnings: string[] = [];
    probot.log.warn = ((...args: unknown[]) => void warnings.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "))) as never;
    await expect(deliver(scenario, payload)).resolves.toBeUndefined();
    expect(queue.jobs).toEqual([]);
    expect(warnings.join("\n")).toContain("malformed payload");
    expect(warnings.join("\n")).toContain(field);
    expect(await metrics.render()).toMatch(/mltriage_webhooks_total\{decision="malformed",event="(issues|issue_comment)"\} 1/);
  });
});
