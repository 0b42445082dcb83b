import { describe, expect, it } from "@jest/globals";
import { commitScores } from "../../../src/ir/signals/commit-score.js";
import { DocumentCache, SourceIndex } from "../../../src/ir/source-index.js";
import type { CommitInfo } from "../../../src/types.js";
import { sourceFile as file } from "../../helpers/source-file.js";

const DAY = 86_400_000;
const REPORT = Date.parse("2020-03-01T00:00:00Z");
const commit = (daysBefore: number, message: string, files: string[]): CommitInfo => ({
  sha: `c${daysBefore}`,
  date: new Date(REPORT - daysBefore * DAY).toISOString(),
  message,
  files,
});

describe("commitScores (BLIA's CommScore, k = 15 days)", () => {
  const index = SourceIndex.build([file("a.py"), file("b.py"), file("c.py"), file("d.py")], new DocumentCache());
  const doc = (p: string) => index.pathToDoc.get(p)!;

  it("scores a fix commit d days old 1/(1+e^(12·(1 − (k−d)/k)))", () => {
    // d = 1: 1/(1 + e^(12·(1 − 14/15))) = 1/(1 + e^0.8) = 1/(1 + 2.225541) ≈ 0.310026
    // d = 15: 1/(1 + e^12) ≈ 6.144e-6 (still inside the window)
    const { scores, counts } = commitScores(index, [commit(1, "Fix NaN loss", ["a.py"]), commit(15, "bug: wrong shape", ["b.py"])], REPORT, 15);
    expect(scores[doc("a.py")]).toBeCloseTo(0.310026, 6);
    expect(scores[doc("a.py")]).toBeCloseTo(1 / (1 + Math.exp(0.8)), 12);
    expect(scores[doc("b.py")]).toBeCloseTo(1 / (1 + Math.exp(12)), 12);
    expect(counts[doc("a.py")]).toBe(1);
  });

  it("ignores commits older than k days, commits after the report and commits that are not fixes", () => {
    const { scores, counts } = commitScores(
      index,
      [commit(20, "Fix old thing", ["a.py"]), commit(-1, "Fix from the future", ["b.py"]), commit(1, "Add a feature", ["c.py"])],
      REPORT,
      15,
    );
    expect(Array.from(scores)).toEqual([0, 0, 0, 0]);
    expect(Array.from(counts)).toEqual([0, 0, 0, 0]);
  });

  it("sums the fix commits that touched a file", () => {
    // d = 1 and d = 3: 0.310026 + 1/(1 + e^(12·(1 − 12/15))) = 0.310026 + 1/(1 + e^2.4) ≈ 0.310026 + 0.083173 = 0.393199
    const { scores, counts } = commitScores(index, [commit(1, "fix a", ["d.py"]), commit(3, "fix b", ["d.py", "gone.py"])], REPORT, 15);
    expect(scores[doc("d.py")]).toBeCloseTo(0.393199, 5);
    expect(counts[doc("d.py")]).toBe(2);
  });
});
