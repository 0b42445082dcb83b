/** The root logger censors anything that could carry a credential, and leaves webhook payloads out of error lines. */
import { describe, expect, it } from "@jest/globals";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import nock from "nock";
import { Probot } from "probot";
import { createRootLogger } from "../../src/observability/logger.js";

describe("createRootLogger", () => {
  it("redacts tokens and authorization headers", () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const log = createRootLogger({ level: "info", destination });
    log.info({ token: "ghs_a", request: { headers: { authorization: "token ghs_b" } }, jobId: "o/r#1-triage-abc" }, "x");
    expect(lines.join("")).not.toMatch(/ghs_/);
    // A failed Redis command's arguments (a job, issue text included) are left out too.
    const redisError = Object.assign(new Error("OOM command not allowed"), { command: { name: "evalsha", args: ["job", "ISSUE_TEXT"] } });
    log.error({ err: redisError }, "enqueue failed");
    expect(lines.join("")).not.toContain("ISSUE_TEXT");
    expect(lines.join("")).toContain("OOM command not allowed");
    expect(JSON.parse(lines[0]!)).toMatchObject({ jobId: "o/r#1-triage-abc", token: "[redacted]" });
  });
});

describe("a webhook with a bad signature", () => {
  it("is logged without its payload", async () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const log = createRootLogger({ level: "info", destination });
    const probot = new Probot({ appId: 1, privateKey: "unused", secret: "webhook-secret", log });
    const middleware = await probot.getNodeMiddleware();
    const server = createServer((req, res) => void middleware(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    nock.enableNetConnect("127.0.0.1");
    try {
      const body = JSON.stringify({ action: "opened", issue: { body: "UNVERIFIED_TEXT ".repeat(500) } });
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "issues",
          "x-github-delivery": "delivery-1",
          "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
        },
        body,
      });
      expect(response.status).toBe(400);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const errors = lines.map((line) => JSON.parse(line) as { level: number; err?: { message?: string } }).filter((l) => l.level >= 50);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((line) => /signature does not match/.test(line.err?.message ?? ""))).toBe(true);
    expect(lines.join("")).not.toContain("UNVERIFIED_TEXT");
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(4000);
  });
});
