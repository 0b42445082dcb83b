import { describe, expect, it } from "@jest/globals";
import { PermanentJobError, describeError, isPermanent } from "../../src/github/classify-error.js";

const http = (status: number, message = "x", headers: Record<string, string> = {}) => Object.assign(new Error(message), { status, response: { headers } });

describe("isPermanent", () => {
  it("gives up on a gone issue or repository, an invalid request and a missing permission", () => {
    expect(isPermanent(http(404))).toBe(true);
    expect(isPermanent(http(410))).toBe(true);
    expect(isPermanent(http(422))).toBe(true);
    expect(isPermanent(http(403, "Resource not accessible by integration"))).toBe(true);
    expect(isPermanent(new PermanentJobError("too big", "too-large"))).toBe(true);
  });

  it("retries server errors, rate limits and expired tokens", () => {
    expect(isPermanent(http(502))).toBe(false);
    expect(isPermanent(http(429))).toBe(false);
    expect(isPermanent(http(401))).toBe(false);
    expect(isPermanent(http(403, "You have exceeded a secondary rate limit"))).toBe(false);
    expect(isPermanent(http(403, "Forbidden", { "retry-after": "60" }))).toBe(false);
    expect(isPermanent(new Error("socket hang up"))).toBe(false);
  });

  it("tells a missing repository from a git timeout", () => {
    expect(isPermanent(Object.assign(new Error("remote: Repository not found."), { name: "GitError" }))).toBe(true);
    expect(isPermanent(Object.assign(new Error("git fetch timed out after 300000 ms"), { name: "GitError" }))).toBe(false);
  });

  it("gives up on a branch or repository name refused before git runs: it is refused on every attempt", () => {
    expect(isPermanent(Object.assign(new Error("invalid branch name: --upload-pack=touch x"), { name: "GitError" }))).toBe(true);
    expect(isPermanent(Object.assign(new Error("unsafe repository name segment: .."), { name: "GitError" }))).toBe(true);
  });
});

describe("describeError", () => {
  it("keeps the status and the first line only", () => {
    expect(describeError(http(502, "Bad Gateway\nrequest headers: authorization ..."))).toBe("502 Error: Bad Gateway");
  });
});
