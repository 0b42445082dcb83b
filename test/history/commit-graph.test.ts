import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { CommitGraph } from "../../src/history/commit-graph.js";
import { createGitRepo, type GitRepo } from "../helpers/git-fixture.js";

describe("CommitGraph", () => {
  // main:  c1 -- c2 -- c3 -- c4 -- c5 -- m     (one day apart from 2020-01-01; m merges side on 2020-01-06)
  // side:          \-- s1 -------------/        (branched from c2, dated 2020-01-02T12:00, before c3)
  let repo: GitRepo;
  let s1: string;
  let merge: string;
  beforeAll(() => {
    repo = createGitRepo(
      { "pkg/a.py": "a = 0\n" },
      {
        commits: [
          { files: { "pkg/a.py": "a = 1\n" }, message: "Fix a" },
          { files: { "pkg/b.py": "b = 1\n" }, message: "Add b" },
          { files: { "pkg/a.py": "a = 2\n", "pkg/b.py": "b = 2\n" }, message: "Fix a and b" },
          { files: { "pkg/c.py": "c = 1\n" }, message: "Add c" },
        ],
      },
    );
    repo.git(["checkout", "--quiet", "-b", "side", repo.commits[1]!]);
    s1 = repo.addCommit({ files: { "pkg/side.py": "s = 1\n" }, message: "Side work", date: "2020-01-02T12:00:00Z" });
    repo.git(["checkout", "--quiet", "main"]);
    repo.git(["merge", "--quiet", "--no-ff", "-m", "Merge side", "side"], "2020-01-06T00:00:00Z");
    merge = repo.git(["rev-parse", "HEAD"]).trim();
  });
  afterAll(() => repo.cleanup());

  it("reads every commit of every ref with its date, message and changed files", async () => {
    const graph = await CommitGraph.load(repo.gitDir);
    const [c1, c2, , c4] = repo.commits;
    // repo.commits: c1..c5 on main, then s1 (addCommit appends it).
    for (const sha of [...repo.commits, merge]) expect(graph.has(sha)).toBe(true);
    expect(graph.get(c2!)).toEqual({ sha: c2, date: "2020-01-02T00:00:00+00:00", message: "Fix a", files: ["pkg/a.py"] });
    expect(graph.get(c4!)!.files).toEqual(["pkg/a.py", "pkg/b.py"]);
    expect(graph.get(c1!)!.message).toBe("initial commit");
    expect(graph.get(s1)!.files).toEqual(["pkg/side.py"]);
    expect(graph.has("0".repeat(40))).toBe(false);
  });

  it("ancestors: the commit and its parents' closure, never a side branch that is not merged into it", async () => {
    const graph = await CommitGraph.load(repo.gitDir);
    const [c1, c2, c3, c4, c5] = repo.commits;
    expect(graph.ancestors(c3!)).toEqual(new Set([c1, c2, c3]));
    // s1 is dated before c3 but is not its ancestor.
    expect(graph.ancestors(c5!).has(s1)).toBe(false);
    expect(graph.ancestors(s1)).toEqual(new Set([c1, c2, s1]));
    // Once merged, the side branch is history of the merge.
    expect(graph.ancestors(merge)).toEqual(new Set([c1, c2, c3, c4, c5, s1, merge]));
    expect(graph.ancestors("f".repeat(40)).size).toBe(0);
  });

  it("history(sha, until): ancestors dated at or before `until`, newest first", async () => {
    const graph = await CommitGraph.load(repo.gitDir);
    const [c1, c2, c3, c4, c5] = repo.commits;
    expect(graph.history(c5!).map((c) => c.sha)).toEqual([c5, c4, c3, c2, c1]);
    // until = c3's own date: c3 is included (≤), later commits are not.
    expect(graph.history(c5!, Date.parse("2020-01-03T00:00:00Z")).map((c) => c.sha)).toEqual([c3, c2, c1]);
    // until between c2 and c3 from the merge: s1 (2020-01-02T12:00) is an ancestor of the merge and dated before.
    expect(graph.history(merge, Date.parse("2020-01-02T18:00:00Z")).map((c) => c.sha)).toEqual([s1, c2, c1]);
  });
});
