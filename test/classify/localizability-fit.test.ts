import { describe, expect, it } from "@jest/globals";
import { calibrationTable, fitLocalizabilityWeights, outOfFoldConfidences, type LocalizabilityExample } from "../../src/classify/localizability-fit.js";
import { seededRandom } from "../../src/classify/train.js";

// Synthetic run: a traceback into the repository makes a top-5 hit likely, an extrinsic look makes it unlikely.
function synthetic(n: number): LocalizabilityExample[] {
  const rand = seededRandom(1);
  return Array.from({ length: n }, () => {
    const tracebackFrames = rand() < 0.5 ? 1 : 0;
    const pExtrinsic = rand();
    const p = 1 / (1 + Math.exp(-(2.5 * tracebackFrames - 3 * pExtrinsic + 0.5)));
    return { features: { tracebackFrames, pExtrinsic, margin5: rand() }, top5Hit: rand() < p };
  });
}

describe("fitLocalizabilityWeights", () => {
  it("recovers the signs of the signals that drive top-5 hits", () => {
    const { weights } = fitLocalizabilityWeights(synthetic(400));
    expect(weights.tracebackFrames!).toBeGreaterThan(1);
    expect(weights.pExtrinsic!).toBeLessThan(-1);
    expect(Math.abs(weights.margin5!)).toBeLessThan(Math.abs(weights.tracebackFrames!));
  });
});

describe("calibrationTable", () => {
  it("puts each bug in its verdict band and computes Top@5 per bucket", () => {
    const rows = calibrationTable([0.1, 0.3, 0.6, 0.9], [false, true, true, true]);
    const band = (name: string) => rows.find((r) => r.bucket.startsWith(name))!;
    expect(band("withhold")).toMatchObject({ n: 1, top5: 0 });
    expect(band("soften")).toMatchObject({ n: 1, top5: 1 });
    expect(band("show")).toMatchObject({ n: 2, top5: 1 });
    expect(band("show").meanConfidence).toBeCloseTo(0.75, 10);
  });

  it("shows higher Top@5 in higher buckets for out-of-fold confidences of a fitted model", () => {
    const data = synthetic(400);
    const conf = outOfFoldConfidences(data);
    const rows = calibrationTable(conf, data.map((d) => d.top5Hit));
    const low = rows.find((r) => r.bucket === "[0, 0.25)")!;
    const high = rows.find((r) => r.bucket === "[0.75, 1]")!;
    expect(high.top5).toBeGreaterThan(low.top5);
  });
});
