/**
 * The job processor with a real git repository (cloned over file://) and nock for GitHub: what it reads, what it
 * writes, and how it fails. BullMQ is exercised in queue-worker.test.ts; here the processor is called directly.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { COMMENT_MARKER } from "../../src/render/render-comment.js";
import { createJobProcessor } from "../../workers/jobs/process-job.js";
import { makeTempDir, type GitRepo } from "../helpers/git-fixture.js";
import {
  API,
  assertNoPendingMocks,
  mockAddLabels,
  mockConfigFile,
  mockCreateComment,
  mockCreateLabel,
  mockGetIssue,
  mockGetIssueStatus,
  mockInstallationToken,
  mockIssueEvents,
  mockListComments,
  mockListRepoLabels,
  mockRemoveLabel,
  mockUpdateComment,
} from "../app/helpers/github-nock.js";
import { INSTALLATION, ISSUE_NUMBER, OWNER, REPO, createTinyVisionRepo, fixedAnalysis, issueJson, jobContext, testDeps, triageJob } from "./worker-helpers.js";

let repo: GitRepo;
let temp: { dir: string; cleanup(): void };
let cacheCount = 0;
/** A fresh cache folder per test, unless a test wants to share one. */
const freshCache = () => join(temp.dir, `cache-${++cacheCount}`);
const cloneUrl = () => `file://${repo.dir}`;

beforeAll(() => {
  nock.disableNetConnect();
  repo = createTinyVisionRepo();
  temp = makeTempDir();
});
afterAll(() => {
  repo.cleanup();
  temp.cleanup();
});
afterEach(() => assertNoPendingMocks());

function mockPastIssue3() {
  return mockGetIssue(OWNER, REPO, { number: 3, title: "Classifier head overfits", body: "add dropout to the head", state: "closed" });
}

describe("triage job", () => {
  it("clones the repository, ranks its files and creates one comment with the marker", async () => {
    const bodies: string[] = [];
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    mockPastIssue3();
    mockListComments(OWNER, REPO, ISSUE_NUMBER, []);
    mockCreateComment(OWNER, REPO, ISSUE_NUMBER, bodies);
    const outcome = await createJobProcessor(testDeps(freshCache()))(triageJob(cloneUrl()), jobContext());
    expect(outcome.status).toBe("created");
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain(COMMENT_MARKER);
    // The traceback names model.py; its link points at the analysed commit.
    expect(bodies[0]).toContain(`blob/${repo.commits.at(-1)}/tiny_vision/model.py`);
  });

  it("updates the bot's existing comment instead of creating a second one", async () => {
    const bodies: string[] = [];
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    mockPastIssue3();
    mockListComments(OWNER, REPO, ISSUE_NUMBER, [
      { id: 1, body: "me too", user: { login: "bob", type: "User" } },
      { id: 555, body: `old ranking\n${COMMENT_MARKER}`, user: { login: "mltriage[bot]", type: "Bot" } },
    ]);
    mockUpdateComment(OWNER, REPO, 555, bodies);
    const outcome = await createJobProcessor(testDeps(freshCache()))(triageJob(cloneUrl()), jobContext());
    expect(outcome.status).toBe("updated");
    expect(bodies[0]).toContain(COMMENT_MARKER);
  });

  it("fetches the text of a past fixed issue once and then reads it from the cache", async () => {
    const cacheDir = freshCache();
    const deps = testDeps(cacheDir);
    for (const round of [1, 2]) {
      mockInstallationToken(INSTALLATION);
      mockGetIssue(OWNER, REPO, issueJson());
      if (round === 1) mockPastIssue3();
      mockListComments(OWNER, REPO, ISSUE_NUMBER, []);
      mockCreateComment(OWNER, REPO, ISSUE_NUMBER);
      await createJobProcessor(deps)(triageJob(cloneUrl()), jobContext());
      assertNoPendingMocks();
      deps.getOctokit = testDeps(cacheDir).getOctokit; // a new installation token per round, as across jobs
    }
    const cached = JSON.parse(readFileSync(join(cacheDir, "issues", OWNER, REPO, "3.json"), "utf8"));
    expect(cached).toEqual({ kind: "issue", title: "Classifier head overfits", body: "add dropout to the head" });
  });

  it("fails permanently when the issue is gone", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssueStatus(OWNER, REPO, ISSUE_NUMBER, 404);
    await expect(createJobProcessor(testDeps(freshCache()))(triageJob(cloneUrl()), jobContext())).rejects.toMatchObject({ name: "UnrecoverableError" });
  });

  it("fails transiently (to be retried) on a GitHub 502", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssueStatus(OWNER, REPO, ISSUE_NUMBER, 502);
    const error = await createJobProcessor(testDeps(freshCache()))(triageJob(cloneUrl()), jobContext()).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).not.toBe("UnrecoverableError");
  });

  it("fails permanently, without cloning, when the repository is over the size cap", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    const job = triageJob(cloneUrl());
    job.repository.sizeKb = 5 * 1024 * 1024;
    await expect(createJobProcessor(testDeps(freshCache(), { maxRepoSizeMb: 100 }))(job, jobContext())).rejects.toThrow(/over the 100 MiB cap/);
  });

  it("fails permanently, before cloning, when the clone URL is not on the app's GitHub host", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    const job = triageJob("https://evil.example/octo/repo.git");
    await expect(createJobProcessor(testDeps(freshCache()))(job, jobContext())).rejects.toMatchObject({
      name: "UnrecoverableError",
      message: expect.stringMatching(/evil\.example is not github\.com/),
    });
  });

  it("fails permanently, without cloning, on a file:// clone URL unless local clones are allowed (tests only)", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    const cache = freshCache();
    await expect(createJobProcessor(testDeps(cache, { allowLocalClones: false }))(triageJob(cloneUrl()), jobContext())).rejects.toMatchObject({
      name: "UnrecoverableError",
      message: expect.stringMatching(/file:\/\/ clone URL is not cloned by the app/),
    });
    expect(existsSync(join(cache, "repos"))).toBe(false);
  });

  it("fails permanently, without running git, when the default branch is not a valid branch name", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    const job = triageJob(cloneUrl());
    job.repository.defaultBranch = "--upload-pack=touch pwned";
    await expect(createJobProcessor(testDeps(freshCache()))(job, jobContext())).rejects.toMatchObject({ name: "UnrecoverableError", message: expect.stringMatching(/invalid branch name/) });
  });

  it("fails permanently when more files are in scope than maxRepoFiles", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    mockPastIssue3();
    const job = triageJob(cloneUrl(), { config: { maxRepoFiles: 2 } });
    await expect(createJobProcessor(testDeps(freshCache()))(job, jobContext())).rejects.toMatchObject({ name: "UnrecoverableError", message: expect.stringMatching(/maxRepoFiles/) });
  });

  it("skips an issue that was closed after the webhook", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson({ state: "closed" }));
    expect((await createJobProcessor(testDeps(freshCache()))(triageJob(cloneUrl()), jobContext())).status).toBe("skipped");
  });

  it("writes nothing in dry run", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    mockPastIssue3();
    mockListComments(OWNER, REPO, ISSUE_NUMBER, []);
    const outcome = await createJobProcessor(testDeps(freshCache()))(triageJob(cloneUrl(), { config: { dryRun: true } }), jobContext());
    expect(outcome.status).toBe("dry-run");
  });

  it("creates the missing label and applies it when auto-apply is on", async () => {
    const created: string[] = [];
    const added: string[][] = [];
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    mockPastIssue3();
    mockIssueEvents(OWNER, REPO, ISSUE_NUMBER, []);
    mockListComments(OWNER, REPO, ISSUE_NUMBER, []);
    mockListRepoLabels(OWNER, REPO, [{ name: "bug" }]);
    mockCreateLabel(OWNER, REPO, created);
    mockAddLabels(OWNER, REPO, ISSUE_NUMBER, added);
    mockCreateComment(OWNER, REPO, ISSUE_NUMBER);
    const deps = testDeps(freshCache(), { analysis: fixedAnalysis() });
    await createJobProcessor(deps)(triageJob(cloneUrl(), { config: { autoApplyLabels: true } }), jobContext());
    expect(created).toEqual(["bug: GPU"]);
    expect(added).toEqual([["bug: GPU"]]);
  });

  it("never re-adds a label a human removed, even with auto-apply on", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    mockPastIssue3();
    mockIssueEvents(OWNER, REPO, ISSUE_NUMBER, [{ event: "unlabeled", actor: { login: "maria", type: "User" }, label: { name: "bug: GPU" } }]);
    mockListComments(OWNER, REPO, ISSUE_NUMBER, []);
    mockCreateComment(OWNER, REPO, ISSUE_NUMBER);
    const deps = testDeps(freshCache(), { analysis: fixedAnalysis() });
    const outcome = await createJobProcessor(deps)(triageJob(cloneUrl(), { config: { autoApplyLabels: true } }), jobContext());
    expect(outcome.status).toBe("created");
  });

  it("only suggests labels (no label call) when auto-apply is off", async () => {
    const bodies: string[] = [];
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    mockPastIssue3();
    mockListComments(OWNER, REPO, ISSUE_NUMBER, []);
    mockCreateComment(OWNER, REPO, ISSUE_NUMBER, bodies);
    await createJobProcessor(testDeps(freshCache(), { analysis: fixedAnalysis() }))(triageJob(cloneUrl()), jobContext());
    expect(bodies[0]).toMatch(/- \[ \] `bug: GPU`/);
  });
});

describe("feedback job", () => {
  it("records the maintainer's files and pins them in the ranking", async () => {
    const bodies: string[] = [];
    const cacheDir = freshCache();
    const deps = testDeps(cacheDir);
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    mockPastIssue3();
    mockListComments(OWNER, REPO, ISSUE_NUMBER, []);
    mockCreateComment(OWNER, REPO, ISSUE_NUMBER, bodies);
    const job = { ...triageJob(cloneUrl()), kind: "feedback" as const, add: ["tiny_vision/data.py"], remove: ["tiny_vision/model.py"] };
    job.trigger = { ...job.trigger, event: "issue_comment.created", commentId: 42, actor: "maria" };
    await createJobProcessor(deps)(job, jobContext());
    expect(await deps.feedback.list(`${OWNER}/${REPO}`)).toEqual([expect.objectContaining({ issueNumber: 12, add: ["tiny_vision/data.py"], actor: "maria" })]);
    const dataAt = bodies[0]!.indexOf("tiny_vision/data.py");
    expect(dataAt).toBeGreaterThan(-1);
    expect(bodies[0]!.indexOf("tiny_vision/heads.py") === -1 || bodies[0]!.indexOf("tiny_vision/heads.py") > dataAt).toBe(true);
    expect(bodies[0]).not.toContain("blob/" + repo.commits.at(-1) + "/tiny_vision/model.py");
  });
});

describe("labels job", () => {
  const labelsJob = (checkbox: Array<{ label: string; checked: boolean }>, previousCheckbox: Array<{ label: string; checked: boolean }>) => ({
    ...triageJob(cloneUrl()),
    kind: "labels" as const,
    checkbox,
    previousCheckbox,
  });

  it("creates and adds a label a maintainer ticked", async () => {
    const added: string[][] = [];
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    mockListRepoLabels(OWNER, REPO, []);
    mockCreateLabel(OWNER, REPO);
    mockAddLabels(OWNER, REPO, ISSUE_NUMBER, added);
    const outcome = await createJobProcessor(testDeps(freshCache()))(labelsJob([{ label: "bug: GPU", checked: true }], [{ label: "bug: GPU", checked: false }]), jobContext());
    expect(outcome.status).toBe("labels-applied");
    expect(added).toEqual([["bug: GPU"]]);
  });

  it("removes a label a maintainer unticked", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson({ labels: [{ name: "bug: GPU" }] }));
    mockRemoveLabel(OWNER, REPO, ISSUE_NUMBER, "bug: GPU");
    const outcome = await createJobProcessor(testDeps(freshCache()))(labelsJob([{ label: "bug: GPU", checked: false }], [{ label: "bug: GPU", checked: true }]), jobContext());
    expect(outcome.status).toBe("labels-applied");
  });

  it("ignores a box for a label the bot does not manage", async () => {
    mockInstallationToken(INSTALLATION);
    mockGetIssue(OWNER, REPO, issueJson());
    const outcome = await createJobProcessor(testDeps(freshCache()))(labelsJob([{ label: "wontfix", checked: true }], [{ label: "wontfix", checked: false }]), jobContext());
    expect(outcome.status).toBe("unchanged");
  });
});

describe("help job", () => {
  it("replies once with the commands, marked with the asking comment", async () => {
    const bodies: string[] = [];
    mockInstallationToken(INSTALLATION);
    mockListComments(OWNER, REPO, ISSUE_NUMBER, []);
    mockCreateComment(OWNER, REPO, ISSUE_NUMBER, bodies);
    const job = { ...triageJob(cloneUrl()), kind: "help" as const };
    job.trigger = { ...job.trigger, commentId: 3003 };
    expect((await createJobProcessor(testDeps(freshCache()))(job, jobContext())).status).toBe("created");
    expect(bodies[0]).toContain("/mltriage rerun");
    expect(bodies[0]).toContain("reply-to=3003");
  });

  it("says which command was not understood, without letting it mention anyone", async () => {
    const bodies: string[] = [];
    mockInstallationToken(INSTALLATION);
    mockListComments(OWNER, REPO, ISSUE_NUMBER, []);
    mockCreateComment(OWNER, REPO, ISSUE_NUMBER, bodies);
    const job = { ...triageJob(cloneUrl()), kind: "help" as const, reason: 'unknown command "@octocat"' };
    job.trigger = { ...job.trigger, commentId: 3010 };
    await createJobProcessor(testDeps(freshCache()))(job, jobContext());
    expect(bodies[0]).toContain("I did not understand that command");
    expect(bodies[0]).not.toContain("@octocat");
  });

  it("updates its earlier reply instead of posting a second one when the job is retried", async () => {
    const bodies: string[] = [];
    mockInstallationToken(INSTALLATION);
    mockListComments(OWNER, REPO, ISSUE_NUMBER, [{ id: 71, body: "stale <!-- mltriage:help reply-to=3003 -->", user: { login: "mltriage[bot]", type: "Bot" } }]);
    mockUpdateComment(OWNER, REPO, 71, bodies);
    const job = { ...triageJob(cloneUrl()), kind: "help" as const };
    job.trigger = { ...job.trigger, commentId: 3003 };
    expect((await createJobProcessor(testDeps(freshCache()))(job, jobContext())).status).toBe("updated");
  });
});

describe("a job whose webhook could not read the config (configUnread)", () => {
  const unread = (config: Parameters<typeof triageJob>[1] = {}) => ({ ...triageJob(cloneUrl(), config), configUnread: true as const });

  it("reads .github/mltriage.yml itself and runs with it (here: dry run, which the job's defaults were not)", async () => {
    mockInstallationToken(INSTALLATION);
    mockConfigFile(OWNER, REPO, "dryRun: true\n");
    mockGetIssue(OWNER, REPO, issueJson());
    mockGetIssue(OWNER, REPO, issueJson());
    mockPastIssue3();
    mockListComments(OWNER, REPO, ISSUE_NUMBER, []);
    const outcome = await createJobProcessor(testDeps(freshCache()))(unread(), jobContext());
    expect(outcome.status).toBe("dry-run");
  });

  it("applies the skips the webhook left out: a repository that turned the bot off", async () => {
    mockInstallationToken(INSTALLATION);
    mockConfigFile(OWNER, REPO, "enabled: false\n");
    mockGetIssue(OWNER, REPO, issueJson());
    expect(await createJobProcessor(testDeps(freshCache()))(unread(), jobContext())).toMatchObject({ status: "skipped", detail: "disabled-by-config" });
  });

  it("applies the skips the webhook left out: the event's trigger is off", async () => {
    mockInstallationToken(INSTALLATION);
    mockConfigFile(OWNER, REPO, "triggers:\n  opened: false\n");
    mockGetIssue(OWNER, REPO, issueJson());
    expect(await createJobProcessor(testDeps(freshCache()))(unread(), jobContext())).toMatchObject({ status: "skipped", detail: "trigger-off" });
  });

  it("merges an _extends config as Probot does: the organisation's triggers.opened survives the repository's triggers.edited", async () => {
    mockInstallationToken(INSTALLATION);
    mockConfigFile(OWNER, REPO, "_extends: .github\ntriggers:\n  edited: true\n");
    mockConfigFile(OWNER, ".github", "triggers:\n  opened: false\n");
    mockGetIssue(OWNER, REPO, issueJson());
    expect(await createJobProcessor(testDeps(freshCache()))(unread(), jobContext())).toMatchObject({ status: "skipped", detail: "trigger-off" });
  });

  it("fails transiently (to be retried with backoff) when GitHub still fails to serve the config", async () => {
    mockInstallationToken(INSTALLATION);
    nock(API).get(`/repos/${OWNER}/${REPO}/contents/.github%2Fmltriage.yml`).reply(503, { message: "unavailable" });
    const error = await createJobProcessor(testDeps(freshCache()))(unread(), jobContext()).catch((e: Error) => e);
    expect(error).toMatchObject({ status: 503 });
    expect((error as Error).name).not.toBe("UnrecoverableError");
  });
});
