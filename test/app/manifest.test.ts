/** app.yml asks for exactly the events the app handles and the least permissions. */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { HANDLED_EVENTS } from "../../src/app.js";

const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as {
  default_events: string[];
  default_permissions: Record<string, string>;
};

describe("app.yml", () => {
  it("subscribes to exactly the events src/app.ts routes", () => {
    const routed = [...new Set(HANDLED_EVENTS.map((name) => name.split(".")[0]))].sort();
    expect([...manifest.default_events].sort()).toEqual(routed);
  });

  it("asks for issues write, contents read and metadata read, nothing else", () => {
    expect(manifest.default_permissions).toEqual({ issues: "write", contents: "read", metadata: "read" });
  });
});

describe("docker-compose.yml", () => {
  const compose = parse(readFileSync(new URL("../../docker-compose.yml", import.meta.url), "utf8")) as {
    services: Record<string, { command?: string[]; environment?: Record<string, string>; ports?: string[]; container_name?: string; healthcheck?: unknown }>;
  };

  it("runs Redis without eviction and with an append-only file", () => {
    expect(compose.services["redis"]!.command).toEqual(expect.arrayContaining(["--maxmemory-policy", "noeviction", "--appendonly", "yes"]));
  });

  it("keeps the worker scalable: no fixed name or published port, a health check", () => {
    const worker = compose.services["worker"]!;
    expect(worker.container_name).toBeUndefined();
    expect(worker.ports).toBeUndefined();
    expect(worker.healthcheck).toBeDefined();
    expect(worker.environment?.["MLTRIAGE_REDIS_URL"]).toMatch(/^redis:\/\//);
  });
});
