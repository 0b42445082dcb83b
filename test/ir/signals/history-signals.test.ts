import { describe, expect, it } from "@jest/globals";
import { cochangeSignal } from "../../../src/ir/signals/cochange.js";
import { fixHistory } from "../../../src/ir/signals/fix-history.js";
import { similarCommitScores } from "../../../src/ir/signals/similar-commits.js";
import { DocumentCache, SourceIndex } from "../../../src/ir/source-index.js";
import type { CommitInfo } from "../../../src/types.js";
import { sourceFile as file } from "../../helpers/source-file.js";

const REPORT = Date.parse("2020-06-01T00:00:00Z");
const MONTH = 30.44 * 86_400_000;
let n = 0;
const commit = (msAgo: number, message: string, files: string[]): CommitInfo => ({ sha: `c${n++}`, date: new Date(REPORT - msAgo).toISOString(), message, files });

describe("fixHistory (fix count and recency, Ye et al.)", () => {
  const index = SourceIndex.build([file("a.py"), file("b.py"), file("c.py")], new DocumentCache());
  const doc = (p: string) => index.pathToDoc.get(p)!;

  it("counts earlier fix commits per file and scores the last one 1/(months since + 1)", () => {
    // a.py: fixed 1 month and 2 months before -> count 2, recency 1/(1 + 1) = 0.5.
    // b.py: only a refactor (not a fix) -> 0. c.py: a fix after the report -> 0.
    const h = fixHistory(
      index,
      [
        commit(MONTH, "Fix crash in a", ["a.py"]),
        commit(2 * MONTH, "resolves #12", ["a.py", "gone.py"]),
        commit(MONTH, "Refactor b", ["b.py"]),
        commit(-MONTH, "Fix c later", ["c.py"]),
      ],
      REPORT,
    );
    expect(h.counts[doc("a.py")]).toBe(2);
    expect(h.counts[doc("b.py")]).toBe(0);
    expect(h.counts[doc("c.py")]).toBe(0);
    expect(h.recency[doc("a.py")]).toBeCloseTo(0.5, 12);
    expect(h.recency[doc("b.py")]).toBe(0);
    expect(h.recency[doc("c.py")]).toBe(0);
  });
});

describe("similarCommitScores", () => {
  it("splits each similar commit's cosine among the files it changed, and ignores sweeping commits", () => {
    const index = SourceIndex.build([file("a.py", "alpha"), file("b.py", "beta"), file("c.py", "gamma")], new DocumentCache());
    const doc = (p: string) => index.pathToDoc.get(p)!;
    const sweeping = Array.from({ length: 21 }, (_, i) => `f${i}.py`).concat("c.py");
    // Messages: M1 "alpha beta crash" (a.py, b.py), M2 "delta" (c.py); the 22-file commit is dropped before scoring.
    // Over the 2 kept messages every term has idf ln 2: cos(M1, "alpha beta") = 2/(√2·√3) = √(2/3) ≈ 0.816497.
    // a.py = b.py = √(2/3)/2 ≈ 0.408248; c.py = 0.
    const { scores, sources } = similarCommitScores(index, "alpha beta", [
      commit(MONTH, "alpha beta crash", ["a.py", "b.py"]),
      commit(MONTH, "delta", ["c.py"]),
      commit(MONTH, "alpha beta everywhere", sweeping),
    ]);
    expect(scores[doc("a.py")]).toBeCloseTo(Math.sqrt(2 / 3) / 2, 12);
    expect(scores[doc("b.py")]).toBeCloseTo(Math.sqrt(2 / 3) / 2, 12);
    expect(scores[doc("c.py")]).toBe(0);
    expect(sources.get(doc("a.py"))!.map((s) => s.commit.message)).toEqual(["alpha beta crash"]);
  });
});

describe("cochangeSignal", () => {
  it("lends a seed's score to files in proportion to how often they changed with it", () => {
    const index = SourceIndex.build([file("a.py"), file("b.py"), file("c.py"), file("d.py")], new DocumentCache());
    const doc = (p: string) => index.pathToDoc.get(p)!;
    const seed = new Float64Array(index.size);
    seed[doc("a.py")] = 0.9;
    // a.py changed with others in 3 commits (the one-file commit does not count): with b.py in 2, with c.py in 1.
    // b.py = 0.9·2/3 = 0.6, c.py = 0.9·1/3 = 0.3; the b+c commit has no seed; d.py never changed with a.py.
    const s = cochangeSignal(index, seed, [
      commit(MONTH, "x", ["a.py", "b.py"]),
      commit(MONTH, "x", ["a.py", "b.py"]),
      commit(MONTH, "x", ["a.py", "c.py"]),
      commit(MONTH, "x", ["b.py", "c.py"]),
      commit(MONTH, "x", ["a.py"]),
    ]);
    expect(s.scores[doc("b.py")]).toBeCloseTo(0.6, 12);
    expect(s.scores[doc("c.py")]).toBeCloseTo(0.3, 12);
    expect(s.scores[doc("d.py")]).toBe(0);
    expect(s.scores[doc("a.py")]).toBe(0);
    expect(s.via.get(doc("b.py"))).toBe(doc("a.py"));
  });
});
