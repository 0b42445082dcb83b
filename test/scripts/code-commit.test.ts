import { afterAll, describe, expect, it } from "@jest/globals";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { codeCommit } from "../../scripts/code-commit.js";
import { createGitRepo, makeTempDir } from "../helpers/git-fixture.js";

describe("codeCommit (what a trained model file records as its code)", () => {
  const repo = createGitRepo({ "src/rank.ts": "export const w = 1;\n", "README.md": "# x\n" });
  const outside = makeTempDir();
  afterAll(() => {
    repo.cleanup();
    outside.cleanup();
  });

  it("is the commit when the code is as committed, whatever else changed", () => {
    writeFileSync(join(repo.dir, "README.md"), "# edited\n");
    writeFileSync(join(repo.dir, "notes.txt"), "untracked\n");
    expect(codeCommit(repo.dir)).toBe(repo.commits[0]);
  });

  it("is marked dirty when the source differs from the commit", () => {
    writeFileSync(join(repo.dir, "src/rank.ts"), "export const w = 2;\n");
    expect(codeCommit(repo.dir)).toBe(`${repo.commits[0]}-dirty`);
  });

  it("is unknown outside a git checkout", () => {
    expect(codeCommit(outside.dir)).toBe("unknown");
  });
});
