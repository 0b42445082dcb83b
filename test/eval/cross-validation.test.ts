import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import type { BenchmarkBug } from "../../src/eval/dataset.js";
import { runEval } from "../../src/eval/run-eval.js";
import { DocumentCache } from "../../src/ir/source-index.js";
import { FEATURE_COUNT, FEATURE_NAMES } from "../../src/ir/localizers/features.js";
import { createGitRepo, makeTempDir, type GitRepo } from "../helpers/git-fixture.js";

/**
 * Learned localizers are scored by leave-one-repository-out cross-validation: a bug of repository A is ranked by
 * a model trained on the bugs of the other repositories only.
 */
describe("runEval: repository-grouped cross-validation of the learned ranker", () => {
  const temp = makeTempDir();
  const gitRoot = join(temp.dir, "root");
  let repoA: GitRepo;
  let repoB: GitRepo;
  beforeAll(() => {
    repoA = createGitRepo({
      "a/train.py": "def train(loss):\n    return loss\n",
      "a/data.py": "def load(batch):\n    return batch\n",
      "a/model.py": "class Net:\n    layer = 1\n",
    });
    repoB = createGitRepo({
      "b/optim.py": "def step(grad):\n    return grad\n",
      "b/sched.py": "def decay(rate):\n    return rate\n",
      // Shares "step" with o/b#1's title: a candidate for it, so relabelling o/b#1 to it changes what is learned
      // (training reads only the files the issue gives evidence for).
      "b/store.py": "def save(path, step):\n    return path\n",
    });
    repoA.cloneBare(join(gitRoot, "o+a"));
    repoB.cloneBare(join(gitRoot, "o+b"));
  });
  afterAll(() => {
    repoA.cleanup();
    repoB.cleanup();
    temp.cleanup();
  });

  const bugA = (id: string, title: string, gt: string): BenchmarkBug => ({ id, repo: "o/a", title, body: "", base_commit: repoA.commits[0]!, gt_files: [gt] });
  const bugB = (id: string, title: string, gt: string): BenchmarkBug => ({ id, repo: "o/b", title, body: "", base_commit: repoB.commits[0]!, gt_files: [gt] });
  const bugs = (labels: { a2?: string; b1?: string } = {}): BenchmarkBug[] => [
    bugA("o/a#1", "loss wrong in train", "a/train.py"),
    bugA("o/a#2", "batch load fails", labels.a2 ?? "a/data.py"),
    bugB("o/b#1", "grad step broken", labels.b1 ?? "b/optim.py"),
    bugB("o/b#2", "rate decay off", "b/sched.py"),
  ];
  const run = (list: BenchmarkBug[]) => runEval({ bugs: list, gitRoot, localizers: ["bm25", "learned"], cache: new DocumentCache() });

  it("ranks every bug of both repositories with the learned model and says how", async () => {
    const result = await run(bugs());
    expect(result.skipped).toEqual([]);
    expect(result.outcomes).toHaveLength(4);
    for (const o of result.outcomes) {
      expect(o.ranks.learned).toHaveLength(o.gtFiles.length);
      for (const r of o.ranks.learned!) {
        expect(r).not.toBeNull();
        expect(r!).toBeGreaterThanOrEqual(1);
        expect(r!).toBeLessThanOrEqual(3);
      }
      expect(o.topScores.learned!.length).toBeGreaterThan(0);
    }
    expect(result.notes).toEqual([expect.stringContaining("leave-one-repository-out cross-validation over 2 repositories")]);
    expect([...result.examples.get("learned")!.keys()].sort()).toEqual(["o/a#1", "o/a#2", "o/b#1", "o/b#2"]);
  });

  it("with a single repository leaves the learned column empty and says it was not scored", async () => {
    const result = await run(bugs().filter((b) => b.repo === "o/a"));
    expect(result.outcomes).toHaveLength(2);
    for (const o of result.outcomes) {
      expect(o.ranks.learned).toBeUndefined();
      expect(o.ranks.bm25).toHaveLength(1);
    }
    expect(result.notes).toEqual([expect.stringMatching(/^learned: not scored; .*at least two repositories/)]);
  });

  it("a bug's learned scores do not depend on the labels of its own repository's bugs, only on the others'", async () => {
    const scoresOfA1 = (r: Awaited<ReturnType<typeof run>>) => r.outcomes.find((o) => o.id === "o/a#1")!.topScores.learned;
    const base = scoresOfA1(await run(bugs()));
    // Relabel another bug of o/a: the model that ranks o/a#1 was trained on o/b only, so nothing moves.
    expect(scoresOfA1(await run(bugs({ a2: "a/model.py" })))).toEqual(base);
    // Relabel a bug of o/b to another of its candidates: that model changes, and so do o/a#1's scores (the
    // check above could fail).
    expect(scoresOfA1(await run(bugs({ b1: "b/store.py" })))).not.toEqual(base);
  });
});

describe("runEval: held-out scoring by one given model", () => {
  const temp = makeTempDir();
  const gitRoot = join(temp.dir, "root");
  let repo: GitRepo;
  beforeAll(() => {
    repo = createGitRepo({
      // The title's words are in both files; only decay.py has one in its path, and notes.py has more of them.
      "lr/decay.py": "def decay(rate):\n    return rate\n",
      "lr/notes.py": "# decay decay decay decay of the rate, rate\ndef other(rate):\n    return rate\n",
    });
    repo.cloneBare(join(gitRoot, "o+lr"));
  });
  afterAll(() => {
    repo.cleanup();
    temp.cleanup();
  });
  const bug: BenchmarkBug = { id: "o/lr#1", repo: "o/lr", title: "rate decay broken", body: "", base_commit: "", gt_files: ["lr/decay.py"] };
  /** A model that weighs one feature only. */
  const only = (feature: string, weight: number) => {
    const weights = new Array<number>(FEATURE_COUNT).fill(0);
    weights[FEATURE_NAMES.indexOf(feature as (typeof FEATURE_NAMES)[number])] = weight;
    return { model: { weights, bias: 0 }, name: `a ${feature} model` };
  };
  const run = (heldOutModel: ReturnType<typeof only>) =>
    runEval({ bugs: [{ ...bug, base_commit: repo.commits[0]! }], gitRoot, localizers: ["learned"], cache: new DocumentCache(), heldOutModel });

  it("ranks a single repository's bugs (cross-validation could not) by the given model, and says so", async () => {
    const result = await run(only("path", 1));
    expect(result.outcomes).toHaveLength(1);
    expect(result.outcomes[0]!.ranks.learned).toEqual([1]);
    expect(result.notes).toEqual(["learned: scored by a path model, held out (no repository of this run was in its training data)"]);
  });

  it("the ranking is the given model's: the opposite weight puts the fixed file last", async () => {
    const result = await run(only("path", -1));
    expect(result.outcomes[0]!.ranks.learned).toEqual([2]);
  });
});

