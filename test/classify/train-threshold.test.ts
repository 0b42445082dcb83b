import { beforeAll, describe, expect, it } from "@jest/globals";
import { classifyIssue } from "../../src/classify/index.js";
import type { ClassifierModel } from "../../src/classify/model.js";
import { analyseAll, bestF1Threshold, rankAuc, trainClassifier } from "../../src/classify/train.js";
import { inventedIssues } from "./fixtures.js";

describe("bestF1Threshold", () => {
  it("cuts between the margins where the positive class's F1 peaks", () => {
    // Margins z1 − z0: 3, 2 and 0.5 are positives, 1 and −1 negatives. Cutting after the top two gives F1 0.8,
    // after the top four (one false positive, no miss) 6/7, the best.
    const logits = [[0, 3], [0, 2], [0, 1], [0, 0.5], [0, -1]];
    const labels = [1, 1, 0, 1, 0];
    const best = bestF1Threshold(logits, labels);
    expect(best.f1).toBeCloseTo(6 / 7, 9);
    expect(best.threshold).toBeCloseTo(-0.25, 9); // midway between 0.5 and −1
  });

  it("keeps the argmax cut when it is already the best", () => {
    const best = bestF1Threshold([[0, 2], [0, 1], [0, -1], [0, -2]], [1, 1, 0, 0]);
    expect(best.f1).toBe(1);
    expect(best.threshold).toBe(0);
  });
});

describe("bestF1Threshold at a given share of positives", () => {
  // Margins 4..−3; the rows at 4 and 2 are positives (2 of 8). Unweighted, the best cut keeps the top three (F1 0.8).
  const logits = [4, 3, 2, 1, 0, -1, -2, -3].map((m) => [0, m]);
  const labels = [1, 0, 1, 0, 0, 0, 0, 0];

  it("is the plain cut when the share is the rows' own", () => {
    expect(bestF1Threshold(logits, labels, 0.25)).toEqual(bestF1Threshold(logits, labels));
    expect(bestF1Threshold(logits, labels).threshold).toBeCloseTo(1.5, 9);
  });

  it("cuts higher where positives are rarer: a false positive then costs more", () => {
    // At 5% positives, keeping the top three (one false positive) weighs F1 0.39, the top one alone 0.67.
    expect(bestF1Threshold(logits, labels, 0.05).threshold).toBeCloseTo(3.5, 9);
  });

  it("refuses a share that is no fraction (0, 1, or a percentage)", () => {
    for (const bad of [0, 1, 40, -0.1, Number.NaN]) expect(() => bestF1Threshold(logits, labels, bad)).toThrow(RangeError);
  });

  it("cuts lower where positives are commoner: a miss then costs more", () => {
    // Positives at 4, 3, 2 and −2 (half the rows): the plain cut keeps the top three (F1 0.86, the top seven 0.73).
    // At 90% positives the top seven weigh F1 0.96: the positive at −2 is worth its three false positives.
    const commonLabels = [1, 1, 1, 0, 0, 0, 1, 0];
    expect(bestF1Threshold(logits, commonLabels).threshold).toBeCloseTo(1.5, 9);
    expect(bestF1Threshold(logits, commonLabels, 0.9).threshold).toBeCloseTo(-2.5, 9);
  });
});

describe("rankAuc", () => {
  it("is 1 for a perfect ranking, 0 for a reversed one, and counts ties half", () => {
    expect(rankAuc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(rankAuc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
    expect(rankAuc([0.5, 0.5], [1, 0])).toBe(0.5);
    expect(rankAuc([0.9, 0.4, 0.6, 0.1], [1, 1, 0, 0])).toBe(0.75);
  });

  it("is 0.5 when a class is absent", () => {
    expect(rankAuc([0.3, 0.7], [1, 1])).toBe(0.5);
  });
});

describe("extrinsic task of a trained model", () => {
  let model: ClassifierModel;
  beforeAll(() => {
    model = trainClassifier(analyseAll(inventedIssues()));
  });

  it("reads no open-vocabulary words, only the closed lexicon, cause and meta features", () => {
    expect(model.extrinsic.features.length).toBeGreaterThan(0);
    expect(model.extrinsic.features.filter((f) => /^(?:t|w|b):/.test(f))).toEqual([]);
    expect(model.extrinsic.features.some((f) => f.startsWith("cz:"))).toBe(true);
    // The bug-type task still reads words.
    expect(model.type.features.some((f) => f.startsWith("w:"))).toBe(true);
  });

  it("stores the decision threshold chosen on out-of-fold F1, and classification applies it", () => {
    const t = model.extrinsic.threshold;
    expect(t).toEqual(expect.any(Number));
    expect(t!).toBeGreaterThan(0);
    expect(t!).toBeLessThan(1);
    const issue = { title: "Segfault with CUDA 12.1 on RTX 4090", body: "Works with CUDA 11.8; nvidia driver 535." };
    const pExtrinsic = (c: ReturnType<typeof classifyIssue>): number =>
      c.extrinsic.label === "extrinsic" ? c.extrinsic.confidence : 1 - c.extrinsic.confidence;
    const p = pExtrinsic(classifyIssue(issue, model));
    // Moving the threshold just above or below this issue's probability flips its label.
    const above: ClassifierModel = { ...model, extrinsic: { ...model.extrinsic, threshold: Math.min(p + 0.01, 1) } };
    const below: ClassifierModel = { ...model, extrinsic: { ...model.extrinsic, threshold: Math.max(p - 0.01, 0) } };
    expect(classifyIssue(issue, above).extrinsic.label).toBe("intrinsic");
    expect(classifyIssue(issue, below).extrinsic.label).toBe("extrinsic");
  });
});
