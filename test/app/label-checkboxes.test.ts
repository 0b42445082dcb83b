/**
 * issue_comment.edited on the bot's own comment: ticking a label box asks for the label, unticking removes it,
 * only for maintainers. The comment bodies are made by the real checkbox renderer, then "clicked" the way
 * GitHub rewrites them (`- [ ]` to `- [x]`).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import type { Probot } from "probot";
import { createApp } from "../../src/app.js";
import { COMMENT_MARKER } from "../../src/render/render-comment.js";
import { renderLabelCheckboxes } from "../../src/render/label-checkboxes.js";
import { createTestProbot } from "./helpers/test-probot.js";
import { loadWebhookFixture } from "./helpers/fixtures.js";
import { assertNoPendingMocks, mockInstallationToken, mockNoConfigFile, mockPermission } from "./helpers/github-nock.js";
import { RecordingQueue } from "./helpers/recording-queue.js";

const OWNER = "octo-ml";
const REPO = "tiny-vision";

function botComment(boxes: Array<{ label: string; checked: boolean }>): string {
  return `### mltriage\n\nSome ranking.\n\n${renderLabelCheckboxes(boxes)}\n\n${COMMENT_MARKER}`;
}

function editedPayload(scenario: string, before: Array<{ label: string; checked: boolean }>, after: Array<{ label: string; checked: boolean }>) {
  const payload = loadWebhookFixture(scenario);
  payload.changes.body.from = botComment(before);
  payload.comment.body = botComment(after);
  return payload;
}

let probot: Probot;
let queue: RecordingQueue;

async function deliver(payload: Record<string, any>) {
  await probot.receive({ id: `d-${Math.random()}`, name: "issue_comment", payload } as Parameters<Probot["receive"]>[0]);
}

beforeAll(() => nock.disableNetConnect());
beforeEach(async () => {
  probot = createTestProbot();
  queue = new RecordingQueue();
  await probot.load(createApp({ queue }));
});
afterEach(() => assertNoPendingMocks());

describe("issue_comment.edited", () => {
  it("enqueues a labels job with both checkbox states when a maintainer ticks a box", async () => {
    mockInstallationToken(77);
    mockPermission(OWNER, REPO, "maria-maintainer", "maintain");
    mockNoConfigFile(OWNER, REPO);
    const before = [{ label: "bug: GPU", checked: false }, { label: "extrinsic", checked: false }];
    const after = [{ label: "bug: GPU", checked: true }, { label: "extrinsic", checked: false }];
    await deliver(editedPayload("issue_comment.edited.bot-comment-by-maintainer", before, after));
    expect(queue.jobs).toHaveLength(1);
    expect(queue.jobs[0]).toMatchObject({ kind: "labels", checkbox: after, previousCheckbox: before });
  });

  it("enqueues a labels job when a maintainer unticks a box", async () => {
    mockInstallationToken(77);
    mockPermission(OWNER, REPO, "maria-maintainer", "write");
    mockNoConfigFile(OWNER, REPO);
    await deliver(editedPayload("issue_comment.edited.bot-comment-by-maintainer", [{ label: "bug: GPU", checked: true }], [{ label: "bug: GPU", checked: false }]));
    expect(queue.jobs.map((j) => j.kind)).toEqual(["labels"]);
  });

  it("ignores a tick by a user without triage permission", async () => {
    mockInstallationToken(77);
    mockPermission(OWNER, REPO, "sam-stranger", "read");
    await deliver(editedPayload("issue_comment.edited.bot-comment-by-stranger", [{ label: "bug: GPU", checked: false }], [{ label: "bug: GPU", checked: true }]));
    expect(queue.jobs).toEqual([]);
  });

  it("ignores an edit of the bot comment that changed no box, without calling GitHub", async () => {
    const boxes = [{ label: "bug: GPU", checked: true }];
    await deliver(editedPayload("issue_comment.edited.bot-comment-by-maintainer", boxes, boxes));
    expect(queue.jobs).toEqual([]);
  });

  it("ignores the bot's own update of its comment", async () => {
    const payload = editedPayload("issue_comment.edited.bot-comment-by-maintainer", [{ label: "bug: GPU", checked: false }], [{ label: "bug: GPU", checked: true }]);
    payload.sender = { login: "mltriage[bot]", type: "Bot" };
    await deliver(payload);
    expect(queue.jobs).toEqual([]);
  });

  it("ignores edits of comments written by people", async () => {
    await deliver(loadWebhookFixture("issue_comment.edited.human-comment"));
    expect(queue.jobs).toEqual([]);
  });
});
