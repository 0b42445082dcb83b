/** /healthz and /metrics, and the Prometheus text format of the metrics registry. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { Metrics } from "../../src/observability/metrics.js";
import { combineHandlers, healthHandler, metricsHandler } from "../../src/server/http-handlers.js";

let healthy = true;
const metrics = new Metrics();
let server: Server;
let base: string;

beforeAll(async () => {
  nock.enableNetConnect("127.0.0.1");
  metrics.watchQueue(async () => ({ waiting: 3, active: 1 }));
  server = createServer(combineHandlers([healthHandler(async () => ({ queue: healthy })), metricsHandler(metrics)]));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("health endpoint", () => {
  it("answers 200 while the queue is usable and 503 when it is not", async () => {
    healthy = true;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    healthy = false;
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", checks: { queue: false } });
  });

  it("answers exactly what docs/app.md shows", async () => {
    const docs = readFileSync(new URL("../../docs/app.md", import.meta.url), "utf8");
    healthy = true;
    const body = await (await fetch(`${base}/healthz`)).text();
    expect(docs).toContain(`\`${body}\``);
    const worker = healthHandler(async () => ({ redis: true, worker: true }));
    let workerBody = "";
    const res = { writeHead: () => ({ end: (text: string) => void (workerBody = text) }) };
    await worker({ method: "GET", url: "/healthz" } as never, res as never);
    expect(docs).toContain(`\`${workerBody}\``);
  });

  it("answers 404 for other paths", async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});

describe("metrics endpoint", () => {
  it("exposes jobs by outcome, step durations and the queue depth in the Prometheus text format", async () => {
    metrics.jobFinished("triage", "created");
    metrics.jobFinished("triage", "created");
    metrics.stepTimed("analyse", 1500);
    metrics.stepTimed("analyse", 500);
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    const text = await response.text();
    expect(text).toContain("# TYPE mltriage_jobs_total counter");
    expect(text).toContain('mltriage_jobs_total{kind="triage",outcome="created"} 2');
    expect(text).toContain('mltriage_step_duration_seconds_sum{step="analyse"} 2');
    expect(text).toContain('mltriage_step_duration_seconds_count{step="analyse"} 2');
    expect(text).toContain('mltriage_queue_jobs{state="waiting"} 3');
  });

  it("writes sums of seconds without float noise", async () => {
    const m = new Metrics();
    for (const ms of [12, 9, 8]) m.stepTimed("history", ms);
    // 0.012 + 0.009 + 0.008 is 0.028999999999999998 in floating point.
    expect(await m.render()).toContain('mltriage_step_duration_seconds_sum{step="history"} 0.029\n');
  });

  it("escapes label values", async () => {
    const m = new Metrics();
    m.webhookHandled('issues"\\\n', "skipped");
    expect(await m.render()).toContain('mltriage_webhooks_total{decision="skipped",event="issues\\"\\\\\\n"} 1');
  });
});

describe("metrics while Redis does not answer", () => {
  it("render without the queue's depth instead of waiting for it (a worker's connection waits for Redis forever)", async () => {
    const stalled = new Metrics();
    stalled.watchQueue(() => new Promise(() => undefined));
    const text = await stalled.render();
    expect(text).toContain("# TYPE mltriage_queue_jobs gauge");
    expect(text).not.toMatch(/mltriage_queue_jobs\{/);
  });
});
