import { describe, expect, it } from "@jest/globals";
import {
  LOCALIZABILITY_THRESHOLDS,
  defaultLocalizabilityModel,
  estimateLocalizability,
  localizabilityFeatures,
  type LocalizabilityInput,
} from "../../src/classify/localizability.js";
import type { Classification, RankedFile } from "../../src/types.js";

function classification(opts: { extrinsic: number; gpu: number; kind?: "bug" | "question" }): Classification {
  return {
    modelVersion: "test",
    reportKind: { label: opts.kind ?? "bug", confidence: 0.8, evidence: [] },
    bugType: { label: opts.gpu > 0.5 ? "GPU" : "Training", confidence: Math.max(opts.gpu, 1 - opts.gpu), evidence: [], probabilities: { GPU: opts.gpu, Training: 1 - opts.gpu } },
    extrinsic: {
      label: opts.extrinsic >= 0.5 ? "extrinsic" : "intrinsic",
      confidence: opts.extrinsic >= 0.5 ? opts.extrinsic : 1 - opts.extrinsic,
      evidence: [],
      causes: [],
    },
    environment: { frameworks: {} },
    missingFacts: [],
  };
}

function ranked(scores: number[]): RankedFile[] {
  return scores.map((score, i) => ({ path: `f${i}.py`, score, evidence: [] }));
}

const peaked = ranked([1, 0.3, 0.2, 0.1, 0.05, 0.04, 0.03, 0.02, 0.01, 0.01]);
const flat = ranked([1, 0.99, 0.98, 0.98, 0.97, 0.97, 0.96, 0.96, 0.95, 0.95]);

function input(overrides: Partial<LocalizabilityInput>): LocalizabilityInput {
  return { classification: classification({ extrinsic: 0.2, gpu: 0.05 }), ranked: peaked, tracebackFramesInRepo: 0, identifierCount: 0, mentionedPaths: 0, ...overrides };
}

describe("localizabilityFeatures", () => {
  it("measures the score margin between rank 1 and ranks 5 and 10, relative to rank 1", () => {
    const f = localizabilityFeatures(input({}));
    expect(f.margin5).toBeCloseTo(0.95, 10);
    expect(f.margin10).toBeCloseTo(0.99, 10);
  });

  it("gives flat scores an entropy near 1 and peaked scores a lower one", () => {
    expect(localizabilityFeatures(input({ ranked: flat })).entropy).toBeGreaterThan(0.99);
    expect(localizabilityFeatures(input({})).entropy).toBeLessThan(0.8);
  });

  it("measures the first file's share of the top ten's scores, which the margins cannot see", () => {
    // Peaked: 1 of 1.76 in all. Many files at about 0.02, the first a little ahead: the first has 14% of the ten.
    expect(localizabilityFeatures(input({})).topShare).toBeCloseTo(1 / 1.76, 10);
    const manyAlike = ranked([0.03, ...Array.from({ length: 9 }, () => 0.0198)]);
    expect(localizabilityFeatures(input({ ranked: manyAlike })).topShare).toBeCloseTo(0.03 / (0.03 + 9 * 0.0198), 10);
    expect(localizabilityFeatures(input({ ranked: ranked([0, 0]) })).topShare).toBe(0);
  });

  it("reads the share over the top ten only, as the evaluation that fits the model keeps them, however many are ranked", () => {
    // The app ranks max(topFiles, 10) files: with topFiles 20, ten more must not change the feature.
    const ten = [0.5, 0.1, 0.05, 0.05, 0.04, 0.03, 0.03, 0.02, 0.02, 0.01];
    const share = localizabilityFeatures(input({ ranked: ranked(ten) })).topShare!;
    expect(localizabilityFeatures(input({ ranked: ranked([...ten, ...Array.from({ length: 10 }, () => 0.01)]) })).topShare).toBeCloseTo(share, 10);
  });

  it("reads p(extrinsic) back from an intrinsic label", () => {
    expect(localizabilityFeatures(input({})).pExtrinsic).toBeCloseTo(0.2, 10);
  });

  it("flags an empty ranking", () => {
    expect(localizabilityFeatures(input({ ranked: [] })).noRanking).toBe(1);
  });
});

describe("estimateLocalizability", () => {
  it("is more confident for an intrinsic bug with a traceback into the repository than for an extrinsic GPU bug with flat scores", () => {
    const good = estimateLocalizability(input({ tracebackFramesInRepo: 3, identifierCount: 12, mentionedPaths: 1 }));
    const bad = estimateLocalizability(input({ classification: classification({ extrinsic: 0.9, gpu: 0.9 }), ranked: flat }));
    expect(good.confidence).toBeGreaterThan(bad.confidence);
    expect(good.verdict).toBe("show");
    expect(bad.verdict).not.toBe("show");
    expect(good.reasons.length).toBeGreaterThan(0);
    expect(bad.reasons.join(" ")).toMatch(/extrinsic|GPU|flat/);
  });

  it("shows files from a bare report (a title, a few words, no error, code or file name) only with a caution", () => {
    const bare = estimateLocalizability(input({ proseWords: 0 }));
    const plain = estimateLocalizability(input({}));
    expect(plain.verdict).toBe("show"); // the same input without the prose count: the fitted model alone shows it
    expect(bare.verdict).toBe("soften");
    expect(bare.confidence).toBe(plain.confidence);
    expect(bare.reasons).toEqual(["the report says little (no error, code or file name)"]);
    // Enough words, or one anchor, and the fitted verdict stands.
    expect(estimateLocalizability(input({ proseWords: 40 })).verdict).toBe("show");
    expect(estimateLocalizability(input({ proseWords: 3, identifierCount: 2 })).verdict).toBe("show");
  });

  it("gives reasons that agree with its verdict: what speaks for the files when it shows them, against them otherwise", () => {
    // Two near-equal files stand out from an otherwise empty ranking (a large margin) while their own scores are
    // flat (high entropy): the features pull both ways, and a shown ranking must not be explained as "flat".
    const shown = estimateLocalizability(input({ ranked: ranked([1, 0.95]), mentionedPaths: 1 }));
    expect(shown.verdict).toBe("show");
    expect(shown.reasons.join(" ")).not.toMatch(/flat|hardest|outside|no file/);
    const doubted = estimateLocalizability(input({ ranked: flat, classification: classification({ extrinsic: 0.95, gpu: 0.95 }) }));
    expect(doubted.verdict).not.toBe("show");
    expect(doubted.reasons.join(" ")).not.toMatch(/stand out|names files/);
  });

  it("does not say the top files stand out of a flat list, however far the first is ahead of the fifth", () => {
    // Ten files from 0.03 down to 0.02: the fifth is a fifth below the first (margin5 0.2), yet the first holds only
    // an eighth of the top ten's scores.
    const flatish = ranked([0.03, 0.028, 0.026, 0.025, 0.024, 0.023, 0.022, 0.021, 0.021, 0.02]);
    const result = estimateLocalizability(input({ ranked: flatish, mentionedPaths: 1, tracebackFramesInRepo: 2 }));
    expect(localizabilityFeatures(input({ ranked: flatish })).topShare).toBeLessThan(0.2);
    expect(result.reasons.join(" ")).not.toMatch(/stand out/);
    // A clear first file keeps the reason when the margins moved the verdict.
    const clear = estimateLocalizability(input({ ranked: ranked([1, 0.1, 0.05, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01]), mentionedPaths: 1 }));
    expect(clear.reasons.join(" ")).toMatch(/stand out/);
  });

  it("withholds when nothing was ranked", () => {
    expect(estimateLocalizability(input({ ranked: [] })).verdict).toBe("withhold");
  });

  it("applies the thresholds it is given", () => {
    const x = input({});
    const { confidence } = estimateLocalizability(x);
    expect(estimateLocalizability(x, undefined, { show: confidence + 0.01, soften: confidence - 0.01 }).verdict).toBe("soften");
    expect(estimateLocalizability(x, undefined, { show: 1.01, soften: 1.0 }).verdict).toBe("withhold");
  });

  it("ships a model with the documented default thresholds", () => {
    expect(defaultLocalizabilityModel().thresholds).toEqual(LOCALIZABILITY_THRESHOLDS);
  });
});
