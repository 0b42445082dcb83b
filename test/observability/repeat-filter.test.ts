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
});
