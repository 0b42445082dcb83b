import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createGitRepo, makeTempDir, runGit, type GitRepo } from "./git-fixture.js";

describe("createGitRepo", () => {
  const made: GitRepo[] = [];
  const temp = makeTempDir();
  afterAll(() => {
    for (const r of made) r.cleanup();
    temp.cleanup();
  });
  const make = (...args: Parameters<typeof createGitRepo>) => {
    const r = createGitRepo(...args);
    made.push(r);
    return r;
  };

  it("gives the same commit SHAs on every run (fixed identity and dates)", () => {
    const spec = { "a.py": "x = 1\n" };
    const a = make(spec, { commits: [{ files: { "b.py": "y = 2\n" } }] });
    const b = make(spec, { commits: [{ files: { "b.py": "y = 2\n" } }] });
    expect(a.commits).toHaveLength(2);
    expect(a.commits).toEqual(b.commits);
    expect(a.dir).not.toBe(b.dir);
  });

  it("dates commits one day apart unless told, and applies deletions and symlinks", () => {
    const r = make(
      { "keep.py": "k = 1\n", "gone.py": "g = 1\n" },
      { commits: [{ files: { "gone.py": null, "link.py": { symlink: "keep.py" } } }, { files: { "z.txt": "z" }, date: "2021-06-01T12:00:00Z" }] },
    );
    const dates = runGit(r.dir, ["log", "--format=%cI", "main"]).trim().split("\n");
    expect(dates).toEqual(["2021-06-01T12:00:00+00:00", "2020-01-02T00:00:00+00:00", "2020-01-01T00:00:00+00:00"]);
    const tree = runGit(r.dir, ["ls-tree", r.commits[1]!]);
    expect(tree).toMatch(/^120000 blob [0-9a-f]+\tlink\.py$/m);
    expect(tree).not.toContain("gone.py");
  });

  it("adds commits later and makes bare clones that hold every branch", () => {
    const r = make({ "a.py": "a\n" });
    r.git(["checkout", "--quiet", "-b", "side"]);
    const side = r.addCommit({ files: { "s.py": "s\n" }, message: "side work" });
    expect(r.commits).toEqual([expect.any(String), side]);
    const bare = r.cloneBare(join(temp.dir, "owner", "name.git"));
    expect(existsSync(join(bare, "HEAD"))).toBe(true);
    expect(readFileSync(join(bare, "config"), "utf8")).toMatch(/bare = true/);
    expect(runGit(bare, ["cat-file", "-t", side]).trim()).toBe("commit");
  });
});
