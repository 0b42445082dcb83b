/**
 * STACK trap 11: on GitHub Enterprise the worker must get its installation token from the Enterprise host. The
 * worker makes a REST call first; the token is then cached, so asking for it sends no second request.
 */
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { installationToken, type GitHubClient } from "../../src/github/octokit.js";
import { assertNoPendingMocks } from "../app/helpers/github-nock.js";
import { TestOctokit, silentLogger, testPrivateKey } from "../app/helpers/test-probot.js";

const GHE = "https://ghe.example.com/api/v3";

beforeAll(() => nock.disableNetConnect());
afterEach(() => assertNoPendingMocks());

describe("installationToken", () => {
  it("comes from the Enterprise host and is reused after the first REST call", async () => {
    nock(GHE).post("/app/installations/9/access_tokens").reply(201, { token: "ghs_enterprise", expires_at: "2099-01-01T00:00:00Z" });
    nock(GHE).get("/repos/o/r/issues/1").reply(200, { number: 1 });
    const probot = new Probot({ appId: 1, privateKey: testPrivateKey(), log: silentLogger(), baseUrl: GHE, Octokit: TestOctokit as typeof ProbotOctokit });
    const octokit = (await probot.auth(9)) as unknown as GitHubClient;
    await octokit.rest.issues.get({ owner: "o", repo: "r", issue_number: 1 });
    expect(await installationToken(octokit)).toBe("ghs_enterprise");
  });
});
