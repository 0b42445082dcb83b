import { afterEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { ProbotOctokit } from "probot";
import { limitWebhookRequests } from "../../src/webhooks/request-budget.js";
import type { HandlerContext } from "../../src/webhooks/handler-deps.js";

afterEach(() => nock.cleanAll());

describe("limitWebhookRequests", () => {
  it("fails a request that a primary rate limit would hold past the budget, though the client's throttling waits", async () => {
    // Probot's client, throttling on, as in production: a 403 with an exhausted quota is retried at its reset.
    // A reset a few seconds away (GitHub's are up to an hour): far beyond the 300 ms budget, short enough that the
    // client's abandoned wait ends soon after the test.
    const reset = Math.floor(Date.now() / 1000) + 4;
    nock("https://api.github.com")
      .get("/repos/o/r/contents/.github%2Fmltriage.yml")
      .reply(403, { message: "API rate limit exceeded for installation ID 1." }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) })
      .persist();
    const waited: number[] = [];
    const octokit = new ProbotOctokit({
      auth: { token: "t" },
      throttle: {
        enabled: true,
        onRateLimit: (retryAfter: number) => (waited.push(retryAfter), waited.length === 1),
        onSecondaryRateLimit: () => false,
      },
    });
    limitWebhookRequests({ octokit } as unknown as Pick<HandlerContext, "octokit">, 300);
    await expect(octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "o", repo: "r", path: ".github/mltriage.yml" })).rejects.toMatchObject({ name: "TimeoutError" });
    // The client did decide to wait for the reset: the budget, not the client, ended the wait.
    expect(waited.length).toBe(1);
    expect(waited[0]).toBeGreaterThanOrEqual(2);
    // Let the abandoned wait end (its retry is aborted by the spent budget), so nothing outlives the test.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, reset * 1000 + 1_500 - Date.now())));
  });

  it("lets a request answered within the budget through", async () => {
    nock("https://api.github.com").get("/repos/o/r").reply(200, { name: "r" });
    const octokit = new ProbotOctokit({ auth: { token: "t" }, throttle: { enabled: false } });
    limitWebhookRequests({ octokit } as unknown as Pick<HandlerContext, "octokit">, 5_000);
    await expect(octokit.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" })).resolves.toMatchObject({ data: { name: "r" } });
  });
});
