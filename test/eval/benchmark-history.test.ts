import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { benchmarkHistoryProvider, historyAt } from "../../src/eval/benchmark-history.js";
import type { BenchmarkBug } from "../../src/eval/dataset.js";
import { CommitGraph } from "../../src/history/commit-graph.js";
import { createGitRepo, type GitRepo } from "../helpers/git-fixture.js";

/**
 * No future leak. The repository:
 *   main:  c1 (01-01) -- c2 (01-02) -- c3 (01-03) -- c4 (01-04) -- c5 (01-05)
 *   side:                 \-- s1 (01-02 12:00)       never merged
 * Bugs: "early" fixed by c2; "self", the bug under analysis (base c3, fixed by c5); "later" fixed by c4;
 * "side" fixed by s1, dated before the issue but not an ancestor of c3.
 */
describe("historyAt", () => {
  let repo: GitRepo;
  let graph: CommitGraph;
  let c: string[];
  let s1: string;
  const bug = (id: string, fields: Partial<BenchmarkBug>): BenchmarkBug => ({ id, repo: "o/r", title: `${id} title`, body: `${id} body`, base_commit: "", gt_files: [], ...fields });
  let all: BenchmarkBug[];

  beforeAll(async () => {
    repo = createGitRepo(
      { "pkg/a.py": "a = 0\n", "pkg/b.py": "b = 0\n" },
      {
        commits: [
          { files: { "pkg/a.py": "a = 1\n" }, message: "Fix early bug" },
          { files: { "pkg/b.py": "b = 1\n" }, message: "Refactor b" },
          { files: { "pkg/a.py": "a = 2\n", "pkg/b.py": "b = 2\n" }, message: "Fix later bug" },
          { files: { "pkg/b.py": "b = 3\n" }, message: "Fix self" },
        ],
      },
    );
    c = repo.commits.slice(0, 5);
    repo.git(["checkout", "--quiet", "-b", "side", c[1]!]);
    s1 = repo.addCommit({ files: { "pkg/side.py": "s = 1\n" }, message: "Fix side bug", date: "2020-01-02T12:00:00Z" });
    repo.git(["checkout", "--quiet", "main"]);
    graph = await CommitGraph.load(repo.gitDir);
    all = [
      bug("early", { base_commit: c[0]!, fix_commit: c[1]!, created_at: "2020-01-01T12:00:00Z" }),
      bug("self", { base_commit: c[2]!, fix_commit: c[4]!, created_at: "2020-01-02T18:00:00Z" }),
      bug("later", { base_commit: c[2]!, fix_commit: c[3]!, created_at: "2020-01-03T12:00:00Z" }),
      bug("side", { base_commit: c[1]!, fix_commit: s1, created_at: "2020-01-02T06:00:00Z" }),
      bug("unfixed", { base_commit: c[0]! }),
    ];
  });
  afterAll(() => repo.cleanup());
  const self = () => all[1]!;

  it("commits: ancestors of the base commit dated no later than the issue (c3, dated after it, is left out)", () => {
    // created_at 01-02 18:00: c1 (01-01) and c2 (01-02 00:00) qualify; c3 (01-03) is the base but later than the issue;
    // s1 (01-02 12:00) is earlier than the issue but not an ancestor of c3; c4, c5 are descendants.
    const h = historyAt(graph, self(), all);
    expect(h.commits.map((x) => x.sha)).toEqual([c[1], c[0]]);
  });

  it("includes the base commit when it is dated before the issue", () => {
    const h = historyAt(graph, { ...self(), created_at: "2020-01-03T06:00:00Z" }, all);
    expect(h.commits.map((x) => x.sha)).toEqual([c[2], c[1], c[0]]);
  });

  it("pastFixes: only the bug fixed by a visible commit, with the files its fix changed, never itself, a later fix or a side-branch fix", () => {
    const h = historyAt(graph, self(), all);
    expect(h.pastFixes).toEqual([{ id: "early", title: "early title", body: "early body", files: ["pkg/a.py"], fixedAt: "2020-01-02T00:00:00+00:00" }]);
  });

  it("never lists the bug itself, even when its recorded fix is among the visible commits", () => {
    // A data row whose own fix commit is an ancestor of its base: its fix must still not be its own history.
    const odd = bug("early", { base_commit: c[2]!, fix_commit: c[1]!, created_at: "2020-01-03T06:00:00Z" });
    expect(historyAt(graph, odd, all).pastFixes.map((f) => f.id)).toEqual([]);
  });

  it("sees a later fix once the issue is later than it and the fix is an ancestor of the base", () => {
    // Same rule, other side: a bug based on c5 opened after c5 sees early, later and self, not side.
    const last = bug("last", { base_commit: c[4]!, created_at: "2020-01-06T00:00:00Z" });
    expect(historyAt(graph, last, all).pastFixes.map((f) => f.id).sort()).toEqual(["early", "later", "self"]);
  });

  it("without created_at, keeps every ancestor of the base commit", () => {
    const h = historyAt(graph, { ...self(), created_at: undefined }, all);
    expect(h.commits.map((x) => x.sha)).toEqual([c[2], c[1], c[0]]);
    expect(h.pastFixes.map((f) => f.id)).toEqual(["early"]);
  });

  it("benchmarkHistoryProvider answers the same as historyAt, and only from the bug's own repository", async () => {
    // A bug of another repository whose fix commit is c2 must not become a past fix of o/r's bugs.
    const other = bug("elsewhere", { repo: "x/y", base_commit: c[0]!, fix_commit: c[1]! });
    const provider = benchmarkHistoryProvider([...all, other]);
    const h = await provider(self(), repo.gitDir);
    expect(h).toEqual(historyAt(graph, self(), all));
    expect(h!.pastFixes.map((f) => f.id)).toEqual(["early"]);
  });
});
