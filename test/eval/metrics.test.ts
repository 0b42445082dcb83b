import { describe, expect, it } from "@jest/globals";
import { macroMetrics, meanMetrics, ranksOf, scoreBug } from "../../src/eval/metrics.js";
import { summarize, type BugOutcome } from "../../src/eval/run-eval.js";

describe("ranksOf", () => {
  it("gives the 1-based rank of each ground-truth file, null when it is not ranked", () => {
    expect(ranksOf(["a.py", "b.py", "c.py"], ["c.py", "x.py", "a.py"])).toEqual([3, null, 1]);
    expect(ranksOf([], ["a.py"])).toEqual([null]);
  });

  it("takes the first position of a path listed twice", () => {
    expect(ranksOf(["a.py", "b.py", "a.py"], ["a.py"])).toEqual([1]);
  });
});

describe("scoreBug", () => {
  it("scores a bug whose ground-truth file is ranked first", () => {
    expect(scoreBug([1])).toEqual({ firstRank: 1, top1: true, top5: true, top10: true, rr: 1, ap: 1 });
  });

  it("scores several ground-truth files: AP averages the precision at each one", () => {
    // Ranks 1 and 3: P@1 = 1/1, P@3 = 2/3; AP = (1 + 2/3) / 2 = 5/6.
    const s = scoreBug([3, 1]);
    expect(s.firstRank).toBe(1);
    expect(s.rr).toBe(1);
    expect(s.ap).toBeCloseTo(5 / 6, 12);
  });

  it("divides AP by all ground-truth files, so one never ranked pulls it down", () => {
    // 2 of 3 found, at ranks 2 and 4: P@2 = 1/2, P@4 = 2/4; AP = (1/2 + 1/2) / 3 = 1/3.
    const s = scoreBug([2, null, 4]);
    expect(s).toMatchObject({ firstRank: 2, top1: false, top5: true, top10: true, rr: 0.5 });
    expect(s.ap).toBeCloseTo(1 / 3, 12);
  });

  it("counts the Top@K thresholds inclusively", () => {
    expect(scoreBug([5])).toMatchObject({ top1: false, top5: true, top10: true });
    expect(scoreBug([6])).toMatchObject({ top5: false, top10: true });
    expect(scoreBug([10])).toMatchObject({ top10: true });
    expect(scoreBug([11])).toMatchObject({ top10: false, rr: 1 / 11 });
  });

  it("scores 0 everywhere when no ground-truth file is ranked", () => {
    expect(scoreBug([null, null])).toEqual({ firstRank: null, top1: false, top5: false, top10: false, rr: 0, ap: 0 });
    expect(scoreBug([])).toEqual({ firstRank: null, top1: false, top5: false, top10: false, rr: 0, ap: 0 });
  });
});

// Four bugs: A ranks at 1 and 3; B never; C 2 of 3 at 2 and 4; D at 7.
const A = scoreBug([1, 3]); // rr 1,   AP 5/6
const B = scoreBug([null]); // rr 0,   AP 0
const C = scoreBug([2, null, 4]); // rr 1/2, AP 1/3
const D = scoreBug([7]); // rr 1/7, AP 1/7

describe("meanMetrics", () => {
  it("averages over bugs (micro)", () => {
    const m = meanMetrics([A, B, C, D]);
    expect(m.n).toBe(4);
    expect(m.top1).toBe(0.25); // A
    expect(m.top5).toBe(0.5); // A, C
    expect(m.top10).toBe(0.75); // A, C, D
    expect(m.mrr).toBeCloseTo((1 + 0 + 0.5 + 1 / 7) / 4, 12); // 0.410714
    expect(m.map).toBeCloseTo((5 / 6 + 0 + 1 / 3 + 1 / 7) / 4, 12); // 0.327381
  });

  it("is all zeros for no bug", () => {
    expect(meanMetrics([])).toEqual({ n: 0, top1: 0, top5: 0, top10: 0, mrr: 0, map: 0 });
  });
});

describe("macroMetrics", () => {
  it("weighs every repository the same, unlike the micro average", () => {
    const repo1 = meanMetrics([A, B, C]); // mrr (1 + 0 + 1/2)/3 = 1/2, top1 1/3
    const repo2 = meanMetrics([D]); // mrr 1/7, top1 0
    const macro = macroMetrics([repo1, repo2]);
    expect(macro.n).toBe(4);
    expect(macro.mrr).toBeCloseTo((0.5 + 1 / 7) / 2, 12); // 0.321429, against 0.410714 micro
    expect(macro.top1).toBeCloseTo(1 / 6, 12); // (1/3 + 0)/2, against 1/4 micro
    expect(macro.map).toBeCloseTo(((5 / 6 + 1 / 3) / 3 + 1 / 7) / 2, 12);
    expect(macro.mrr).not.toBeCloseTo(meanMetrics([A, B, C, D]).mrr, 3);
  });

  it("ignores empty groups and is zero for none", () => {
    const one = meanMetrics([A]);
    expect(macroMetrics([one, meanMetrics([])])).toEqual(one);
    expect(macroMetrics([])).toEqual({ n: 0, top1: 0, top5: 0, top10: 0, mrr: 0, map: 0 });
  });
});

describe("summarize", () => {
  const outcome = (id: string, repo: string, bugType: string | null, extrinsic: boolean | null, ranks: (number | null)[]): BugOutcome => ({
    id,
    repo,
    bugType,
    extrinsic,
    filesIndexed: 10,
    gtFiles: ranks.map((_, i) => `f${i}.py`),
    ranks: { bm25: ranks },
    topScores: {},
  });
  const outcomes = [
    outcome("o/a#1", "o/a", "GPU", true, [1, 3]),
    outcome("o/a#2", "o/a", null, null, [null]),
    outcome("o/a#3", "o/a", "GPU", false, [2, null, 4]),
    outcome("o/b#1", "o/b", "API", false, [7]),
  ];
  const s = summarize(outcomes, "bm25");

  it("slices by repository, bug type and extrinsic label, leaving unlabelled bugs out of the labelled slices", () => {
    expect(s.all).toEqual(meanMetrics([A, B, C, D]));
    expect(s.byRepo).toEqual({ "o/a": meanMetrics([A, B, C]), "o/b": meanMetrics([D]) });
    expect(s.macro).toEqual(macroMetrics([meanMetrics([A, B, C]), meanMetrics([D])]));
    expect(s.byBugType).toEqual({ GPU: meanMetrics([A, C]), API: meanMetrics([D]) });
    expect(s.byExtrinsic).toEqual({ true: meanMetrics([A]), false: meanMetrics([C, D]) });
    expect(s.bugs).toEqual({ "o/a#1": [1, 3], "o/a#2": [null], "o/a#3": [2, null, 4], "o/b#1": [7] });
  });

  it("scores a localizer with no ranks for a bug as finding nothing", () => {
    expect(summarize(outcomes, "other").all).toMatchObject({ n: 4, top10: 0, mrr: 0, map: 0 });
  });
});
