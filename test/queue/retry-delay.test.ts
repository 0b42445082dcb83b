import { describe, expect, it } from "@jest/globals";
import { askedWaitMs, MAX_ASKED_WAIT_MS, retryDelayMs } from "../../src/queue/retry-delay.js";

const rateLimited = (headers: Record<string, string>) => Object.assign(new Error("You have exceeded a secondary rate limit"), { status: 403, response: { headers } });
const NOW = Date.parse("2026-11-27T04:00:00Z");

describe("retryDelayMs", () => {
  it("is exponential from 5 s when nothing asks for a wait", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, new Error("ECONNRESET"), NOW))).toEqual([5_000, 10_000, 20_000, 40_000]);
  });

  it("waits at least as long as a secondary rate limit's retry-after, in seconds or as a date, plus a second", () => {
    expect(retryDelayMs(1, rateLimited({ "retry-after": "120" }), NOW)).toBe(121_000);
    expect(retryDelayMs(1, rateLimited({ "retry-after": "Fri, 27 Nov 2026 04:01:00 GMT" }), NOW)).toBe(61_000);
    // A short retry-after does not shorten the exponential wait.
    expect(retryDelayMs(4, rateLimited({ "retry-after": "2" }), NOW)).toBe(40_000);
  });

  it("waits for an exhausted quota's reset, and never more than an hour", () => {
    const reset = String(NOW / 1000 + 300);
    expect(askedWaitMs(rateLimited({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }), NOW)).toBe(301_000);
    expect(askedWaitMs(rateLimited({ "x-ratelimit-remaining": "5", "x-ratelimit-reset": reset }), NOW)).toBeUndefined();
    expect(askedWaitMs(rateLimited({ "retry-after": "86400" }), NOW)).toBe(MAX_ASKED_WAIT_MS);
    expect(askedWaitMs(rateLimited({ "retry-after": "soon" }), NOW)).toBeUndefined();
  });
});
