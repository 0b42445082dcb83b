/**
 * Two small HTTP endpoints, for the web process (as Probot server handlers) and the worker (its own server):
 * GET /healthz answers 200 when the queue is usable, else 503; GET /metrics is Prometheus text.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Metrics } from "../observability/metrics.js";

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export function healthHandler(check: () => Promise<Record<string, boolean>>): HttpHandler {
  return async (req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/healthz") return false;
    let checks: Record<string, boolean>;
    try {
      checks = await check();
    } catch {
      checks = { check: false };
    }
    const ok = Object.values(checks).every(Boolean);
    res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ status: ok ? "ok" : "unavailable", checks }));
    return true;
  };
}

export function metricsHandler(metrics: Metrics): HttpHandler {
  return async (req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") return false;
    const text = await metrics.render();
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" }).end(text);
    return true;
  };
}

/** Runs handlers in order; 404 when none answered. */
export function combineHandlers(handlers: HttpHandler[]): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    for (const handler of handlers) if (await handler(req, res)) return;
    res.writeHead(404).end();
  };
}
