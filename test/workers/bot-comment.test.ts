/**
 * STACK trap 12: with Octokit's retry plugin on (as in production), a failed "create comment" must not be
 * retried (GitHub may have stored it), while reads still are.
 */
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { findCommentWithMarker, upsertComment } from "../../src/github/bot-comment.js";
import type { GitHubClient } from "../../src/github/octokit.js";
import { API, assertNoPendingMocks, mockInstallationToken } from "../app/helpers/github-nock.js";
import { silentLogger, testPrivateKey } from "../app/helpers/test-probot.js";

/** Retries on (with a 1 ms base delay), throttling off. */
const RetryingOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: true, retryAfterBaseValue: 1 },
  throttle: { enabled: false },
}));

async function client(): Promise<GitHubClient> {
  const probot = new Probot({ appId: 1, privateKey: testPrivateKey(), log: silentLogger(), Octokit: RetryingOctokit as typeof ProbotOctokit });
  return (await probot.auth(5)) as unknown as GitHubClient;
}

const issue = { owner: "o", repo: "r", issue_number: 1 };

beforeAll(() => nock.disableNetConnect());
afterEach(() => assertNoPendingMocks());

describe("upsertComment", () => {
  it("posts a new comment exactly once, even when GitHub answers 502", async () => {
    mockInstallationToken(5);
    let posts = 0;
    nock(API)
      .post("/repos/o/r/issues/1/comments")
      .times(2)
      .reply(() => {
        posts += 1;
        return [502, { message: "Bad Gateway" }];
      });
    await expect(upsertComment(await client(), issue, "hello", undefined)).rejects.toMatchObject({ status: 502 });
    expect(posts).toBe(1);
    nock.cleanAll(); // the second, unused reply is the point of the test
  });

  it("still retries reads: a 502 while listing comments is retried", async () => {
    mockInstallationToken(5);
    nock(API).get("/repos/o/r/issues/1/comments").query(true).reply(502, {}).get("/repos/o/r/issues/1/comments").query(true).reply(200, [
      { id: 9, body: "x <!-- m -->", user: { login: "mltriage[bot]", type: "Bot" } },
    ]);
    expect(await findCommentWithMarker(await client(), issue, "<!-- m -->")).toEqual({ id: 9, body: "x <!-- m -->" });
  });

  it("reads every page of comments to find the marker", async () => {
    mockInstallationToken(5);
    const page1 = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, body: "chatter", user: { login: "u", type: "User" } }));
    nock(API)
      .get("/repos/o/r/issues/1/comments")
      .query({ per_page: "100" })
      .reply(200, page1, { link: `<${API}/repos/o/r/issues/1/comments?per_page=100&page=2>; rel="next"` })
      .get("/repos/o/r/issues/1/comments")
      .query({ per_page: "100", page: "2" })
      .reply(200, [{ id: 500, body: "ranking <!-- m -->", user: { login: "mltriage[bot]", type: "Bot" } }]);
    expect((await findCommentWithMarker(await client(), issue, "<!-- m -->"))?.id).toBe(500);
  });

  it("ignores a human's comment that quotes the marker", async () => {
    mockInstallationToken(5);
    nock(API).get("/repos/o/r/issues/1/comments").query(true).reply(200, [{ id: 3, body: "> <!-- m -->", user: { login: "u", type: "User" } }]);
    expect(await findCommentWithMarker(await client(), issue, "<!-- m -->")).toBeUndefined();
  });
});
