/** The root logger censors anything that could carry a credential. */
import { describe, expect, it } from "@jest/globals";
import { Writable } from "node:stream";
import { createRootLogger } from "../../src/observability/logger.js";

describe("createRootLogger", () => {
  it("redacts tokens and authorization headers", () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const log = createRootLogger({ level: "info", destination });
    log.info({ token: "ghs_a", request: { headers: { authorization: "token ghs_b" } }, jobId: "o/r#1-triage-abc" }, "x");
    expect(lines.join("")).not.toMatch(/ghs_/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ jobId: "o/r#1-triage-abc", token: "[redacted]" });
  });
});
