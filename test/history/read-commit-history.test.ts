import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readCommitHistory } from "../../src/history/git-history.js";
import { createGitRepo, type GitRepo } from "../helpers/git-fixture.js";

describe("readCommitHistory", () => {
  // main:  c0 -- c1 -- c2 -- c3
  // side:          \-- s1          (branched from c1, dated between c2 and c3)
  let repo: GitRepo;
  let side: string;
  beforeAll(() => {
    repo = createGitRepo(
      { "pkg/a.py": "a = 0\n", "README.md": "readme\n" },
      {
        commits: [
          { files: { "pkg/a.py": "a = 1\n", "pkg/b.py": "b = 1\n" }, message: "Fix shape bug\n\nLonger explanation." },
          { files: { "pkg/b.py": "b = 2\n" }, message: "Tune b" },
          { files: { "pkg/c.py": "c = 3\n" }, message: "Add c", date: "2020-02-01T00:00:00Z" },
        ],
      },
    );
    repo.git(["checkout", "--quiet", "-b", "side", repo.commits[1]!]);
    side = repo.addCommit({ files: { "pkg/side.py": "s = 1\n" }, message: "Side work", date: "2020-01-15T00:00:00Z" });
    repo.git(["checkout", "--quiet", "main"]);
  });
  afterAll(() => repo.cleanup());

  it("returns only the ancestors of the commit, itself included, newest first, with the files each changed", async () => {
    const [c0, c1, c2] = repo.commits;
    const history = await readCommitHistory(repo.gitDir, c2!);
    expect(history.map((c) => c.sha)).toEqual([c2, c1, c0]);
    // Neither the later commit on main nor the side branch (dated before c3, but not an ancestor) leaks in.
    expect(history.map((c) => c.sha)).not.toContain(side);
    expect(history.map((c) => c.sha)).not.toContain(repo.commits[3]);
    expect(history[1]).toEqual({ sha: c1, date: "2020-01-02T00:00:00Z".replace("Z", "+00:00"), message: "Fix shape bug\n\nLonger explanation.", files: ["pkg/a.py", "pkg/b.py"] });
    expect(history[2]!.files).toEqual(["README.md", "pkg/a.py"]);
  });

  it("follows the side branch from its own tip", async () => {
    const history = await readCommitHistory(repo.gitDir, side);
    expect(history.map((c) => c.message)).toEqual(["Side work", "Fix shape bug\n\nLonger explanation.", "initial commit"]);
    expect(history[0]!.files).toEqual(["pkg/side.py"]);
  });

  it("limits by count and by date", async () => {
    const tip = repo.commits[3]!;
    expect((await readCommitHistory(repo.gitDir, tip, { maxCommits: 2 })).map((c) => c.sha)).toEqual([tip, repo.commits[2]]);
    expect((await readCommitHistory(repo.gitDir, tip, { until: "2020-01-02T12:00:00Z" })).map((c) => c.sha)).toEqual([repo.commits[1], repo.commits[0]]);
    expect((await readCommitHistory(repo.gitDir, tip, { since: "2020-01-03T00:00:00Z" })).map((c) => c.sha)).toEqual([tip, repo.commits[2]]);
  });
});
