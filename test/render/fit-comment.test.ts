import { describe, it, expect } from "@jest/globals";
import { fitComment } from "../../src/render/fit-comment.js";

describe("fitComment", () => {
  it("joins parts with blank lines and skips empty ones", () => {
    expect(fitComment([{ text: "a" }, { text: "" }, { text: "b", keep: true }])).toBe("a\n\nb");
  });

  it("leaves out optional parts, highest drop first, and says so", () => {
    const parts = [{ text: "head" }, { text: "x".repeat(200), drop: 1 }, { text: "y".repeat(200), drop: 2 }, { text: "tail", keep: true }];
    const out = fitComment(parts, 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out).toContain("x".repeat(200));
    expect(out).not.toContain("yyy");
    expect(out).toContain("left out");
    expect(out.endsWith("tail")).toBe(true);
  });

  it("cuts the body at a line, closes open details and keeps the tail", () => {
    const body = ["<details><summary>s</summary>", "", ...Array.from({ length: 100 }, (_, i) => `line ${i}`)].join("\n");
    const out = fitComment([{ text: body }, { text: "TAIL", keep: true }], 400);
    expect(out.length).toBeLessThanOrEqual(400);
    expect(out).toMatch(/line \d+\n\n<\/details>/);
    expect(out.endsWith("TAIL")).toBe(true);
    expect(out.split("\n").every((line) => line === "" || /^(<details>|<\/details>|line \d+$|_Part|TAIL)/.test(line))).toBe(true);
  });
});
