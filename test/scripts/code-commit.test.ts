import { afterEach, describe, expect, it } from "@jest/globals";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { codeCommit } from "../../scripts/code-commit.js";
import { createGitRepo, makeTempDir, type GitRepo } from "../helpers/git-fixture.js";

describe("codeCommit (what a trained model file records as its code)", () => {
  let repo: GitRepo | undefined;
  const fresh = (): GitRepo => (repo = createGitRepo({ "src/rank.ts": "export const w = 1;\n", "README.md": "# x\n" }));
  afterEach(() => repo?.cleanup());

  it("is the commit when the code is as committed, whatever else changed", () => {
    const r = fresh();
    writeFileSync(join(r.dir, "README.md"), "# edited\n");
    writeFileSync(join(r.dir, "notes.txt"), "untracked\n");
    expect(codeCommit(r.dir)).toBe(r.commits[0]);
  });

  it("is marked dirty when the source differs from the commit", () => {
    const r = fresh();
    writeFileSync(join(r.dir, "src/rank.ts"), "export const w = 2;\n");
    expect(codeCommit(r.dir)).toBe(`${r.commits[0]}-dirty`);
  });

  it("is marked dirty when a source file was added but not committed", () => {
    const r = fresh();
    writeFileSync(join(r.dir, "src/new.ts"), "export const x = 1;\n");
    expect(codeCommit(r.dir)).toBe(`${r.commits[0]}-dirty`);
  });

  it("checks the same paths when run from a subfolder", () => {
    const r = fresh();
    writeFileSync(join(r.dir, "src/rank.ts"), "export const w = 3;\n");
    expect(codeCommit(join(r.dir, "src"))).toBe(`${r.commits[0]}-dirty`);
  });

  it("is unknown outside a git checkout", () => {
    const outside = makeTempDir();
    try {
      expect(codeCommit(outside.dir)).toBe("unknown");
    } finally {
      outside.cleanup();
    }
  });
});
