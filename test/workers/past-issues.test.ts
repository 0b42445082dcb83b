import { describe, expect, it } from "@jest/globals";
import { closingReferences, collectReferences } from "../../src/github/past-issues.js";

describe("closingReferences", () => {
  it("finds fixes, closes and resolves in their usual forms", () => {
    expect(closingReferences("Fix shape check (fixes #12)\n\nAlso closes #7, resolved #9. Refs #4.")).toEqual([12, 7, 9]);
    expect(closingReferences("fix: #15 handle empty batch")).toEqual([15]);
  });

  it("ignores a bare mention and a number glued to a word", () => {
    expect(closingReferences("See #12; prefixes#3 is not a reference")).toEqual([]);
  });
});

describe("collectReferences", () => {
  const commits = [
    { sha: "c3", date: "2021-03-01T00:00:00Z", message: "tidy (fixes #2)", files: ["b.py"] },
    { sha: "c2", date: "2021-02-01T00:00:00Z", message: "fixes #1", files: ["a.py"] },
    { sha: "c1", date: "2021-01-01T00:00:00Z", message: "first try, fixes #2", files: ["c.py"] },
  ];

  it("gathers every file of every commit that closes the same issue, dated by the newest", () => {
    expect(collectReferences(commits, { max: 10 })).toEqual([
      { number: 2, files: new Set(["b.py", "c.py"]), fixedAt: "2021-03-01T00:00:00Z" },
      { number: 1, files: new Set(["a.py"]), fixedAt: "2021-02-01T00:00:00Z" },
    ]);
  });

  it("keeps at most max issues, the most recently fixed, and leaves out the issue being triaged", () => {
    expect(collectReferences(commits, { max: 1 }).map((r) => r.number)).toEqual([2]);
    expect(collectReferences(commits, { max: 10, exclude: 2 }).map((r) => r.number)).toEqual([1]);
  });
});
