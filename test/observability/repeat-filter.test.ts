import { describe, expect, it } from "@jest/globals";
import { repeatFilter } from "../../src/observability/repeat-filter.js";

describe("repeatFilter", () => {
  it("passes each distinct message once per interval, with the count of repeats held back", () => {
    let now = 0;
    const lines: [string, number][] = [];
    const log = repeatFilter(30_000, (message, heldBack) => lines.push([message, heldBack]), () => now);
    log("connect ECONNREFUSED");
    now = 1_000;
    log("connect ECONNREFUSED");
    log("connect ECONNREFUSED");
    log("Connection is closed.");
    now = 31_000;
    log("connect ECONNREFUSED");
    expect(lines).toEqual([
      ["connect ECONNREFUSED", 0],
      ["Connection is closed.", 0],
      ["connect ECONNREFUSED", 2],
    ]);
  });

  it("drops the stalest message, not the one emitted last, when over a hundred distinct ones pass", () => {
    let now = 0;
    const lines: string[] = [];
    const log = repeatFilter(30_000, (message) => lines.push(message), () => now);
    log("redis down");
    for (let i = 0; i < 99; i++) log(`other ${i}`);
    now = 40_000;
    log("redis down"); // emitted again: now the newest entry
    log("one more"); // the 101st: the stalest ("other 0") goes
    now = 41_000;
    log("redis down"); // still remembered, so held back
    expect(lines.filter((m) => m === "redis down")).toHaveLength(2);
  });
});
