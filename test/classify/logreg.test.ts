import { describe, expect, it } from "@jest/globals";
import { fitTemperature, logits, softmax, trainComplementNB, trainSoftmax, type SparseRow } from "../../src/classify/logreg.js";

// Two features, three classes: each class is marked by one feature (class 2 by neither).
const rows: SparseRow[] = [
  { idx: [0], val: [1] },
  { idx: [0], val: [0.8] },
  { idx: [1], val: [1] },
  { idx: [1], val: [0.9] },
  { idx: [], val: [] },
  { idx: [], val: [] },
];
const labels = [0, 0, 1, 1, 2, 2];

describe("trainSoftmax", () => {
  it("separates classes marked by distinct features", () => {
    const fit = trainSoftmax(rows, labels, { nFeatures: 2, nClasses: 3, l2: 0.001, iterations: 300 });
    const predicted = rows.map((r) => {
      const z = logits(fit, r);
      return z.indexOf(Math.max(...z));
    });
    expect(predicted).toEqual(labels);
  });

  it("is deterministic: the same rows give the same weights", () => {
    const a = trainSoftmax(rows, labels, { nFeatures: 2, nClasses: 3, l2: 0.01, iterations: 50 });
    const b = trainSoftmax(rows, labels, { nFeatures: 2, nClasses: 3, l2: 0.01, iterations: 50 });
    expect(Array.from(a.weights[0]!)).toEqual(Array.from(b.weights[0]!));
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
  });

  it("shrinks weights as the L2 strength grows", () => {
    const weak = trainSoftmax(rows, labels, { nFeatures: 2, nClasses: 3, l2: 0.001, iterations: 200 });
    const strong = trainSoftmax(rows, labels, { nFeatures: 2, nClasses: 3, l2: 1, iterations: 200 });
    expect(Math.abs(strong.weights[0]![0]!)).toBeLessThan(Math.abs(weak.weights[0]![0]!));
  });
});

describe("softmax and temperature", () => {
  it("returns probabilities that sum to 1 and flatten with a higher temperature", () => {
    const p1 = softmax([2, 0, -1]);
    const p5 = softmax([2, 0, -1], 5);
    expect(p1.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p5[0]!).toBeLessThan(p1[0]!);
  });

  it("fits a temperature above 1 for over-confident logits that are often wrong", () => {
    const z = [
      [10, 0],
      [10, 0],
      [10, 0],
      [0, 10],
    ];
    const y = [0, 1, 0, 0]; // half right at "certainty"
    expect(fitTemperature(z, y)).toBeGreaterThan(1);
  });

  it("fits a temperature below 1 for timid logits that are always right", () => {
    const z = [
      [0.2, 0],
      [0, 0.2],
      [0.2, 0],
    ];
    expect(fitTemperature(z, [0, 1, 0])).toBeLessThan(1);
  });
});

describe("trainComplementNB", () => {
  it("scores each class highest on rows carrying its marker feature", () => {
    const cnbRows: SparseRow[] = [
      { idx: [0], val: [1] },
      { idx: [0, 2], val: [1, 0.2] },
      { idx: [1], val: [1] },
      { idx: [1, 2], val: [1, 0.2] },
    ];
    const fit = trainComplementNB(cnbRows, [0, 0, 1, 1], { nFeatures: 3, nClasses: 2, alpha: 1 });
    const predicted = cnbRows.map((r) => {
      const z = logits(fit, r);
      return z.indexOf(Math.max(...z));
    });
    expect(predicted).toEqual([0, 0, 1, 1]);
  });
});
