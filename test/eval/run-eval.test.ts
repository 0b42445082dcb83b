import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { join } from "node:path";
import type { BenchmarkBug } from "../../src/eval/dataset.js";
import { EVAL_SCOPE, runEval } from "../../src/eval/run-eval.js";
import { DocumentCache } from "../../src/ir/source-index.js";
import { BlobReader } from "../../src/repo/git.js";
import { createGitRepo, makeTempDir, type GitRepo } from "../helpers/git-fixture.js";

describe("runEval", () => {
  // Three commits that share most blobs: c1 changes one file, c2 adds one and restores another to its c0 content.
  let repo: GitRepo;
  const temp = makeTempDir();
  const gitRoot = join(temp.dir, "root");
  beforeAll(() => {
    repo = createGitRepo(
      { "m/a.py": "alpha optimizer\n", "m/b.py": "beta scheduler\n", "m/c.py": "gamma loss\n", "m/notes.md": "optimizer\n", "m/data.bin.py": Buffer.from([0, 1, 2]) },
      {
        commits: [
          { files: { "m/a.py": "alpha optimizer changed\n" } },
          { files: { "m/a.py": "alpha optimizer\n", "m/d.py": "delta optimizer\n" } },
        ],
      },
    );
    repo.cloneBare(join(gitRoot, "o+r"));
  });
  afterAll(() => {
    repo.cleanup();
    temp.cleanup();
  });

  const bug = (id: string, commit: string, gt: string[]): BenchmarkBug => ({ id, repo: "o/r", title: "optimizer", body: "", base_commit: commit, gt_files: gt });

  it("indexes only .py files, nothing excluded, so the search space is the benchmark's", () => {
    expect(EVAL_SCOPE.include).toEqual(["**/*.py"]);
    expect(EVAL_SCOPE.exclude).toEqual([]);
  });

  it("parses each blob once across bugs and ranks each bug at its own commit", async () => {
    const cache = new DocumentCache();
    const done: string[] = [];
    const [c0, c1, c2] = repo.commits;
    const run = await runEval({
      bugs: [bug("o/r#1", c0!, ["m/a.py"]), bug("o/r#2", c1!, ["m/a.py"]), bug("o/r#3", c2!, ["m/d.py", "m/a.py"])],
      gitRoot,
      localizers: ["bm25"],
      cache,
      onProgress: (n, total, id) => done.push(`${n}/${total} ${id}`),
    });
    expect(run.skipped).toEqual([]);
    expect(done).toEqual(["1/3 o/r#1", "2/3 o/r#2", "3/3 o/r#3"]);
    // Distinct text blobs over the three commits: a, a-changed, b, c, d. The binary one is never cached.
    expect(cache.size).toBe(5);
    // The binary .py file is dropped from the search space: 3, 3 and 4 files.
    expect(run.outcomes.map((o) => o.filesIndexed)).toEqual([3, 3, 4]);
    expect(run.filesIndexed).toBe(10);
    // "optimizer" is only in a.py (and d.py at c2); at c2 d.py and a.py tie, broken by path: a before d.
    expect(run.outcomes.map((o) => o.ranks.bm25)).toEqual([[1], [1], [2, 1]]);
  });

  it("reads a binary blob once per repository, not again at each bug whose commit holds it", async () => {
    // A dropped blob leaves no document in the cache, so without a record of it every bug would read it again
    // (a blob over the size limit cost the most: it was read whole each time).
    const binary = repo.git(["rev-parse", "HEAD:m/data.bin.py"]).trim();
    const read = jest.spyOn(BlobReader.prototype, "read");
    try {
      const run = await runEval({ bugs: repo.commits.map((c, i) => bug(`o/r#${i + 1}`, c, ["m/a.py"])), gitRoot, localizers: ["bm25"], cache: new DocumentCache() });
      expect(run.outcomes.map((o) => o.filesIndexed)).toEqual([3, 3, 4]);
      expect(read.mock.calls.filter(([sha]) => sha === binary)).toHaveLength(1);
    } finally {
      read.mockRestore();
    }
  });

  it("skips a bug whose commit the clone lacks, naming it, and takes an abbreviated commit id as git does", async () => {
    const absent = "0".repeat(40);
    const run = await runEval({ bugs: [bug("o/r#1", absent, ["m/a.py"]), bug("o/r#2", repo.commits[0]!.slice(0, 12), ["m/a.py"])], gitRoot, localizers: ["bm25"], cache: new DocumentCache() });
    expect(run.skipped).toEqual([{ id: "o/r#1", reason: `commit ${absent} not found in o/r` }]);
    expect(run.outcomes.map((o) => [o.id, o.filesIndexed])).toEqual([["o/r#2", 3]]);
  });

  it("skips a bug whose ground truth is not in the search space, keeping only the files that are", async () => {
    const [c0] = repo.commits;
    const run = await runEval({ bugs: [bug("o/r#1", c0!, ["m/notes.md"]), bug("o/r#2", c0!, ["m/gone.py", "m/a.py"])], gitRoot, localizers: ["bm25"], cache: new DocumentCache() });
    expect(run.skipped).toEqual([{ id: "o/r#1", reason: "no ground-truth file in the search space" }]);
    expect(run.outcomes[0]!.gtFiles).toEqual(["m/a.py"]);
  });
});
