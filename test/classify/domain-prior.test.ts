import { describe, expect, it } from "@jest/globals";
import { logits, trainSoftmax, type SparseRow } from "../../src/classify/logreg.js";
import { DEFAULT_HYPERPARAMETERS, analyseAll, lexiconPriorMean, trainClassifier } from "../../src/classify/train.js";
import { domainClassOf, extrinsicOfCauseFeature, isDomainFeature, typeOfTermFeature } from "../../src/classify/domain-prior.js";
import { BUG_TYPES } from "../../src/types.js";
import { inventedIssues } from "./fixtures.js";

describe("typeOfTermFeature", () => {
  it("maps lexicon terms and type shares to their bug type, and nothing else", () => {
    expect(typeOfTermFeature("lx:gpu.cuda")).toBe(BUG_TYPES.indexOf("GPU"));
    expect(typeOfTermFeature("lt:training.loss")).toBe(BUG_TYPES.indexOf("Training"));
    expect(typeOfTermFeature("lx:nondl.docs")).toBe(BUG_TYPES.indexOf("non-DL"));
    expect(typeOfTermFeature("lc:Tensor & Input")).toBe(BUG_TYPES.indexOf("Tensor & Input"));
    expect(typeOfTermFeature("lct:API")).toBe(BUG_TYPES.indexOf("API"));
    expect(typeOfTermFeature("w:loss")).toBeUndefined();
    expect(typeOfTermFeature("cz:gpu-driver-cuda")).toBeUndefined();
    expect(typeOfTermFeature("m:traceback")).toBeUndefined();
    expect(typeOfTermFeature("lx:unknown.term")).toBeUndefined();
  });
});

describe("extrinsicOfCauseFeature", () => {
  it("points cause rules and hints at the extrinsic class (index 1) only", () => {
    expect(extrinsicOfCauseFeature("cz:os-platform")).toBe(1);
    expect(extrinsicOfCauseFeature("cz:hint.pin")).toBe(1);
    expect(extrinsicOfCauseFeature("lx:gpu.cuda")).toBeUndefined();
  });
});

describe("domainClassOf", () => {
  it("names the class a domain feature points at, and none for words, report shape or an unknown term", () => {
    expect(domainClassOf("lx:gpu.cuda")).toBe("GPU");
    expect(domainClassOf("lct:API")).toBe("API");
    expect(domainClassOf("cz:gpu-driver-cuda")).toBe("extrinsic");
    expect(domainClassOf("w:loss")).toBeUndefined();
    expect(domainClassOf("m:traceback")).toBeUndefined();
    expect(domainClassOf("lx:unknown.term")).toBeUndefined();
    // Still a domain feature: the evidence never quotes it, for no class is its own.
    expect(isDomainFeature("lx:unknown.term")).toBe(true);
    expect(isDomainFeature("w:cuda")).toBe(false);
  });
});

describe("lexiconPriorMean", () => {
  it("gives +μ to the feature's class and −μ/(K−1) to the others, zero elsewhere", () => {
    const prior = lexiconPriorMean(["lx:gpu.cuda", "w:foo", "lct:Model"], 6, typeOfTermFeature, 1.5);
    const gpu = BUG_TYPES.indexOf("GPU");
    const model = BUG_TYPES.indexOf("Model");
    expect(prior[gpu]![0]).toBe(1.5);
    expect(prior[model]![0]).toBeCloseTo(-0.3, 12);
    expect(prior[model]![2]).toBe(1.5);
    for (let k = 0; k < 6; k++) expect(prior[k]![1]).toBe(0);
    // Zero-sum over classes for every feature.
    for (let j = 0; j < 3; j++) expect(prior.reduce((s, w) => s + w[j]!, 0)).toBeCloseTo(0, 12);
  });
});

describe("trainSoftmax with a prior mean", () => {
  // Feature 0 marks class 0 in the prior, but the (few) rows say it marks class 1.
  const rows: SparseRow[] = [
    { idx: [0], val: [1] },
    { idx: [], val: [] },
  ];
  const labels = [1, 0];
  const prior = [Float64Array.from([2]), Float64Array.from([-2])];

  it("stays near the prior when the L2 strength is large", () => {
    const fit = trainSoftmax(rows, labels, { nFeatures: 1, nClasses: 2, l2: 100, iterations: 300, priorMean: prior });
    expect(fit.weights[0]![0]!).toBeCloseTo(2, 1);
    expect(fit.weights[1]![0]!).toBeCloseTo(-2, 1);
  });

  it("lets the data overrule the prior when the L2 strength is small", () => {
    const fit = trainSoftmax(rows, labels, { nFeatures: 1, nClasses: 2, l2: 0.001, iterations: 2000, priorMean: prior });
    const z = logits(fit, rows[0]!);
    expect(z[1]!).toBeGreaterThan(z[0]!);
  });

  it("is the plain L2 fit when the prior is zero", () => {
    const zero = [new Float64Array(1), new Float64Array(1)];
    const a = trainSoftmax(rows, labels, { nFeatures: 1, nClasses: 2, l2: 0.1, iterations: 100, priorMean: zero });
    const b = trainSoftmax(rows, labels, { nFeatures: 1, nClasses: 2, l2: 0.1, iterations: 100 });
    expect(Array.from(a.weights[0]!)).toEqual(Array.from(b.weights[0]!));
  });
});

describe("a trained model with the domain prior", () => {
  it("records the prior strength and keeps lexicon terms leaning to their own type under strong L2", () => {
    const hp = { ...DEFAULT_HYPERPARAMETERS, l2Grid: [100], lexiconPrior: 1 };
    const model = trainClassifier(analyseAll(inventedIssues()), hp);
    expect(model.hyperparameters.lexiconPrior).toBe(1);
    const j = model.type.features.indexOf("lx:gpu.cuda");
    expect(j).toBeGreaterThanOrEqual(0);
    const column = model.type.weights.map((w) => w[j]!);
    expect(column.indexOf(Math.max(...column))).toBe(BUG_TYPES.indexOf("GPU"));
    const k = model.extrinsic.features.findIndex((f) => f.startsWith("cz:"));
    const ext = model.extrinsic.classes.indexOf("extrinsic");
    expect(model.extrinsic.weights[ext]![k]!).toBeGreaterThan(model.extrinsic.weights[1 - ext]![k]!);
    // The size is the prior's doing: under L2 100 the labels barely move a weight, so with the prior the GPU weight of
    // `lx:gpu.cuda` stays near +1, and without it (weights pulled to 0) near 0.
    expect(column[BUG_TYPES.indexOf("GPU")]!).toBeGreaterThan(0.5);
    const flat = trainClassifier(analyseAll(inventedIssues()), { ...hp, lexiconPrior: 0 });
    const flatColumn = flat.type.weights.map((w) => w[flat.type.features.indexOf("lx:gpu.cuda")]!);
    expect(Math.abs(flatColumn[BUG_TYPES.indexOf("GPU")]!)).toBeLessThan(0.1);
    const flatK = flat.extrinsic.features.indexOf(model.extrinsic.features[k]!);
    expect(model.extrinsic.weights[ext]![k]! - flat.extrinsic.weights[ext]![flatK]!).toBeGreaterThan(0.3);
  });
});
