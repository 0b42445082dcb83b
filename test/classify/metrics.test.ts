import { describe, expect, it } from "@jest/globals";
import { accuracy, classMetrics, cohensKappa, confusionMatrix, expectedCalibrationError, macroF1, majorityLabel, multiclassReport } from "../../src/classify/metrics.js";

// Hand-computed example: gold a a a b b c, predicted a a b b c c.
const gold = ["a", "a", "a", "b", "b", "c"];
const pred = ["a", "a", "b", "b", "c", "c"];
const labels = ["a", "b", "c"];

describe("metrics", () => {
  it("computes accuracy as the share of exact matches", () => {
    expect(accuracy(gold, pred)).toBeCloseTo(4 / 6, 10);
  });

  it("computes per-class precision, recall and F1 by hand", () => {
    // a: tp 2, fp 0, fn 1 → P 1, R 2/3, F1 0.8
    expect(classMetrics(gold, pred, "a")).toEqual({ precision: 1, recall: 2 / 3, f1: 0.8, support: 3 });
    // b: tp 1, fp 1, fn 1 → P 0.5, R 0.5, F1 0.5; c: tp 1, fp 1, fn 0 → P 0.5, R 1, F1 2/3
    expect(classMetrics(gold, pred, "b").f1).toBeCloseTo(0.5, 10);
    expect(classMetrics(gold, pred, "c").f1).toBeCloseTo(2 / 3, 10);
  });

  it("averages F1 over classes without weighting for macro-F1", () => {
    expect(macroF1(gold, pred, labels)).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 10);
  });

  it("counts a class that is never predicted as F1 0 in macro-F1", () => {
    expect(macroF1(["a", "b"], ["a", "a"], ["a", "b"])).toBeCloseTo((2 / 3 + 0) / 2, 10);
  });

  it("computes Cohen's kappa from observed and chance agreement", () => {
    // p_o = 4/6; p_e = (3·2 + 2·2 + 1·2) / 36 = 12/36 → κ = (2/3 − 1/3) / (2/3) = 0.5
    expect(cohensKappa(gold, pred, labels)).toBeCloseTo(0.5, 10);
    expect(cohensKappa(gold, gold, labels)).toBeCloseTo(1, 10);
  });

  it("gives kappa 0 for a constant rater that always agrees by chance only", () => {
    expect(cohensKappa(["a", "a", "b"], ["a", "a", "a"], ["a", "b"])).toBeCloseTo(0, 10);
  });

  it("builds the confusion matrix with gold rows and predicted columns", () => {
    expect(confusionMatrix(gold, pred, labels)).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });

  it("picks the most frequent label, ties going to the first listed", () => {
    expect(majorityLabel(gold, labels)).toBe("a");
    expect(majorityLabel(["b", "c"], labels)).toBe("b");
  });

  it("reports every class in the multiclass report, even without support", () => {
    const r = multiclassReport(["a"], ["a"], labels);
    expect(Object.keys(r.perClass)).toEqual(labels);
    expect(r.perClass.b!.support).toBe(0);
  });
});

describe("expectedCalibrationError", () => {
  it("is 0 when confidence equals accuracy in every bin", () => {
    // Two bugs at 0.5 confidence, one right: accuracy 0.5 = confidence.
    expect(expectedCalibrationError([0.5, 0.5], [true, false])).toBeCloseTo(0, 10);
  });

  it("weights each bin's gap by its share of predictions", () => {
    // Bin 0.9: 2 predictions, 1 right → gap 0.4; bin 0.3: 2 predictions, both right → gap 0.7. ECE = 0.5·0.4 + 0.5·0.7.
    expect(expectedCalibrationError([0.9, 0.9, 0.3, 0.3], [true, false, true, true])).toBeCloseTo(0.55, 10);
  });
});
