import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { findGitDir } from "../../src/eval/git-root.js";
import { makeTempDir, runGit } from "../helpers/git-fixture.js";

describe("findGitDir", () => {
  const root = makeTempDir();
  const bare = (rel: string) => {
    const dir = join(root.dir, rel);
    mkdirSync(dir, { recursive: true });
    runGit(dir, ["init", "--quiet", "--bare"]);
    return dir;
  };
  beforeAll(() => {
    bare("alpha+one");
    bare("beta+two/repo");
    bare("gamma/three.git");
    bare("delta/four");
    mkdirSync(join(root.dir, "eps", "five"), { recursive: true });
    runGit(join(root.dir, "eps", "five"), ["init", "--quiet"]); // a work tree: its .git is used
    mkdirSync(join(root.dir, "zeta+six"), { recursive: true }); // a folder that is not a repository
  });
  afterAll(() => root.cleanup());

  it("accepts <owner>+<name>, <owner>+<name>/repo and <owner>/<name>.git", async () => {
    expect(await findGitDir(root.dir, "alpha/one")).toBe(join(root.dir, "alpha+one"));
    expect(await findGitDir(root.dir, "beta/two")).toBe(join(root.dir, "beta+two", "repo"));
    expect(await findGitDir(root.dir, "gamma/three")).toBe(join(root.dir, "gamma", "three.git"));
  });

  it("also accepts <owner>/<name> and a non-bare clone's .git", async () => {
    expect(await findGitDir(root.dir, "delta/four")).toBe(join(root.dir, "delta", "four"));
    expect(await findGitDir(root.dir, "eps/five")).toBe(join(root.dir, "eps", "five", ".git"));
  });

  it("answers null for a missing repository or a folder that is not one", async () => {
    expect(await findGitDir(root.dir, "nobody/nothing")).toBeNull();
    expect(await findGitDir(root.dir, "zeta/six")).toBeNull();
    expect(await findGitDir(join(root.dir, "absent-root"), "alpha/one")).toBeNull();
  });
});
