import { describe, expect, it } from "@jest/globals";
import { DocumentCache, SourceIndex } from "../../../src/ir/source-index.js";
import { findSimilarReports, similarReportScores } from "../../../src/ir/signals/similar-reports.js";
import type { PastFix } from "../../../src/types.js";
import { sourceFile as file } from "../../helpers/source-file.js";

const fix = (id: string, title: string, files: string[]): PastFix => ({ id, title, body: "", files, fixedAt: "2020-01-01T00:00:00Z" });

describe("similar past reports (BugLocator's SimiScore)", () => {
  const index = SourceIndex.build([file("a.py", "alpha"), file("b.py", "beta"), file("c.py", "gamma")], new DocumentCache());

  it("scores past reports by log-tf·idf cosine over the past reports and keeps only those above 0", () => {
    // Past reports: P1 = {alpha, beta, crash}, P2 = {delta, epsilon}. N = 2, every term in one report: idf = ln 2.
    // Query {alpha, beta}: P1·q = 2·ln²2, |P1| = √3·ln2, |q| = √2·ln2 -> cos = 2/√6 = √(2/3) ≈ 0.8165. P2 shares nothing: 0, dropped.
    const similar = findSimilarReports(index, "alpha beta", [fix("P1", "alpha beta crash", ["a.py"]), fix("P2", "delta epsilon", ["c.py"])]);
    expect(similar.map((s) => s.fix.id)).toEqual(["P1"]);
    expect(similar[0]!.similarity).toBeCloseTo(Math.sqrt(2 / 3), 10);
  });

  it("divides each report's similarity among the n_i files its fix touched, and sums over reports", () => {
    // S1 (0.6) fixed a.py and b.py: 0.3 each. S2 (0.2) fixed b.py alone: +0.2. So a = 0.3, b = 0.5, c = 0.
    // A file the fix named that is not in the snapshot (gone.py) still counts in n_i but credits nobody.
    const { scores, sources } = similarReportScores(index, [
      { fix: fix("S1", "x", ["a.py", "b.py"]), similarity: 0.6 },
      { fix: fix("S2", "y", ["b.py"]), similarity: 0.2 },
      { fix: fix("S3", "z", ["gone.py", "c.py"]), similarity: 0.4 },
    ]);
    expect(scores[index.pathToDoc.get("a.py")!]).toBeCloseTo(0.3, 12);
    expect(scores[index.pathToDoc.get("b.py")!]).toBeCloseTo(0.5, 12);
    // S3: 0.4 / 2 files = 0.2 to c.py.
    expect(scores[index.pathToDoc.get("c.py")!]).toBeCloseTo(0.2, 12);
    expect(sources.get(index.pathToDoc.get("b.py")!)!.map((s) => s.fix.id)).toEqual(["S1", "S2"]);
  });

  it("finds nothing without past fixes", () => {
    expect(findSimilarReports(index, "alpha", [])).toEqual([]);
  });
});
