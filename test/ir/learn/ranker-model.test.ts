import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_RANKER_MODEL_URL, loadRankerModel, scoreWithModel, trainRanker, type RankingExample } from "../../../src/ir/learn/ranker-model.js";
import { FEATURE_COUNT, FEATURE_NAMES } from "../../../src/ir/localizers/features.js";
import { makeTempDir } from "../../helpers/git-fixture.js";

const col = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);

/** A matrix of `rows` documents with the given (row, feature, value) cells set, all else 0. */
function matrixOf(rows: number, cells: [number, (typeof FEATURE_NAMES)[number], number][]): Float32Array {
  const m = new Float32Array(rows * FEATURE_COUNT);
  for (const [r, f, v] of cells) m[r * FEATURE_COUNT + col(f)] = v;
  return m;
}

describe("scoreWithModel", () => {
  // Every row carries some issue evidence (`path` = 0.5, weight 0), so every file is a candidate and θ·x alone
  // decides the scores.
  it("returns the softmax of θ·x over the bug's files: sums to 1, all above 0, ordered by θ·x", () => {
    // θ: bm25 = 1, trace = 2, others 0. Rows: (bm25 1), (trace 1), (only path) -> z = 1, 2, 0.
    // softmax = (e, e², 1) / (e + e² + 1) = (2.718282, 7.389056, 1) / 11.107338 ≈ (0.244728, 0.665241, 0.090031).
    const weights = new Array<number>(FEATURE_COUNT).fill(0);
    weights[col("bm25")] = 1;
    weights[col("trace")] = 2;
    const p = scoreWithModel({ weights, bias: 0 }, matrixOf(3, [[0, "bm25", 1], [1, "trace", 1], [0, "path", 0.5], [1, "path", 0.5], [2, "path", 0.5]]), 3);
    expect(p[0]).toBeCloseTo(0.244728, 6);
    expect(p[1]).toBeCloseTo(0.665241, 6);
    expect(p[2]).toBeCloseTo(0.090031, 6);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Array.from(p).every((x) => x > 0)).toBe(true);
  });

  it("keeps every file above 0 even when θ·x differs by thousands", () => {
    const weights = new Array<number>(FEATURE_COUNT).fill(0);
    weights[col("trace")] = 5000;
    const p = scoreWithModel({ weights, bias: 0 }, matrixOf(2, [[0, "trace", 1], [0, "path", 0.5], [1, "path", 0.5]]), 2);
    expect(p[0]).toBeCloseTo(1, 12);
    expect(p[1]!).toBeGreaterThan(0);
  });
});

describe("trainRanker", () => {
  it("learns a positive weight for the feature that marks the fixed file", () => {
    // Four bugs of four files; the fixed file is the one with `mentioned` = 1; bm25 is set on another file.
    const examples: RankingExample[] = [0, 1, 2, 3].map((g) => ({
      matrix: matrixOf(4, [[g, "mentioned", 1], [(g + 1) % 4, "bm25", 1]]),
      docCount: 4,
      relevant: [g],
    }));
    const model = trainRanker(examples);
    expect(model.weights).toHaveLength(FEATURE_COUNT);
    expect(model.weights[col("mentioned")]!).toBeGreaterThan(0);
    expect(model.weights[col("bm25")]!).toBeLessThan(model.weights[col("mentioned")]!);
    // Features that are 0 everywhere get no weight (the L2 prior keeps them at 0).
    expect(model.weights[col("cochange")]).toBe(0);
  });
});

describe("trainRanker on candidates only", () => {
  it("learns nothing from a bug whose fixed file has no issue evidence: that file is never ranked anyway", () => {
    // The fixed file (row 0) is large and often fixed, but nothing in the issue points at it; row 1 matches words.
    const example: RankingExample = { matrix: matrixOf(2, [[0, "length", 1], [0, "fixCount", 1], [1, "bm25", 1]]), docCount: 2, relevant: [0] };
    expect(trainRanker([example]).weights.every((w) => w === 0)).toBe(true);
  });
});

describe("loadRankerModel", () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());
  const shipped = JSON.parse(readFileSync(DEFAULT_RANKER_MODEL_URL, "utf8")) as { features: string[]; weights: number[]; code: { commit: string } };

  it("was trained on committed code: the shipped file names a commit, not one with uncommitted changes", () => {
    expect(shipped.code.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it("loads the shipped model, which has one weight per feature, named as the code names them", () => {
    const model = loadRankerModel();
    expect(model.features).toEqual([...FEATURE_NAMES]);
    expect(model.weights).toHaveLength(FEATURE_COUNT);
    expect(model.weights.every(Number.isFinite)).toBe(true);
  });

  it("rejects a model trained on other features (reordered, or one missing)", () => {
    const reordered = join(temp.dir, "reordered.json");
    const [first, second, ...rest] = shipped.features;
    writeFileSync(reordered, JSON.stringify({ ...shipped, features: [second, first, ...rest] }));
    expect(() => loadRankerModel(reordered)).toThrow(/trained on other features/);
    const shorter = join(temp.dir, "shorter.json");
    writeFileSync(shorter, JSON.stringify({ ...shipped, features: shipped.features.slice(0, -1), weights: shipped.weights.slice(0, -1) }));
    expect(() => loadRankerModel(shorter)).toThrow(/trained on other features/);
  });

  it("rejects a file that is not a ranker model", () => {
    const bad = join(temp.dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ format: 2, weights: [] }));
    expect(() => loadRankerModel(bad)).toThrow();
  });
});
