import { describe, expect, it } from "@jest/globals";
import { fineTuneLambdaRank, lambdaGradient, listLambdas, positions } from "../../../src/ir/learn/lambdarank.js";
import { linearScores, type RankingList } from "../../../src/ir/learn/listwise.js";

/** NDCG of one list under θ (binary relevance, ties by row number). */
function ndcg(list: RankingList, theta: number[], dims: number): number {
  const s = linearScores(theta, 0, list.x, list.rows, dims);
  const order = [...s.keys()].sort((a, b) => s[b]! - s[a]! || a - b);
  let dcg = 0;
  order.forEach((r, p) => {
    if (list.relevant.includes(r)) dcg += 1 / Math.log2(p + 2);
  });
  let ideal = 0;
  for (let p = 0; p < list.relevant.length; p++) ideal += 1 / Math.log2(p + 2);
  return dcg / ideal;
}

describe("listLambdas", () => {
  it("pulls a relevant file ranked second up by ρ·|ΔNDCG| and its rival down by as much", () => {
    // Row 0 relevant, score 0; row 1 irrelevant, score ln 3 (ranked first).
    // ρ = 1/(1 + e^(0 − ln 3)) = 1/(1 + 1/3) = 0.75. Swapping positions 0 and 1 changes DCG by
    // 1 − 1/log2(3) = 1 − 0.6309298 = 0.3690702; the ideal DCG is 1. λ = 0.75 · 0.3690702 = 0.2768027.
    const list: RankingList = { x: new Float64Array(2), rows: 2, relevant: [0] };
    const lambdas = listLambdas(list, new Float64Array([0, Math.log(3)]));
    expect(lambdas[0]).toBeCloseTo(0.2768027, 6);
    expect(lambdas[1]).toBeCloseTo(-0.2768027, 6);
  });

  it("separates tied files: ties are ranked by row number, so swapping them changes the NDCG", () => {
    // Both scores 0: row 1 (relevant) is second. ρ = 1/2, |ΔNDCG| = 0.369070 -> λ = 0.184535.
    const lambdas = listLambdas({ x: new Float64Array(2), rows: 2, relevant: [1] }, new Float64Array([0, 0]));
    expect(lambdas[1]).toBeCloseTo(0.184535, 6);
    expect(lambdas[0]).toBeCloseTo(-0.184535, 6);
  });

  it("weighs a swap at the top more than the same swap further down", () => {
    // Three irrelevant files and one relevant one, all tied (ρ = 1/2 for every pair), the relevant file last:
    // each rival loses in proportion to how much NDCG swapping it with the relevant file would win.
    const lambdas = listLambdas({ x: new Float64Array(4), rows: 4, relevant: [3] }, new Float64Array(4));
    // Rival at position 0 swaps 1/log2(5) ↔ 1: |Δ| = 1 − 0.430677 = 0.569323; at position 2: 1/log2(4) − 1/log2(5) = 0.069323.
    expect(lambdas[0]).toBeCloseTo(-0.5 * 0.569323, 6);
    expect(lambdas[2]).toBeCloseTo(-0.5 * 0.069323, 6);
    expect(lambdas[3]).toBeCloseTo(-(lambdas[0]! + lambdas[1]! + lambdas[2]!), 12);
  });
});

describe("fineTuneLambdaRank", () => {
  // Two features: feature 0 marks the relevant row; feature 1 marks a distractor that the start prefers.
  const lists: RankingList[] = [0, 1, 2].map((g) => {
    const x = new Float64Array(3 * 2);
    x[g * 2] = 1;
    x[((g + 1) % 3) * 2 + 1] = 1;
    return { x, rows: 3, relevant: [g] };
  });
  const start = { weights: [0.1, 1], bias: 0 };

  it("starts where it is told: no iterations, no change", () => {
    expect(fineTuneLambdaRank(lists, 2, start, { iterations: 0, learningRate: 0.05, l2: 0 }).weights).toEqual([0.1, 1]);
  });

  it("moves from a start that ranks the distractor first to weights that rank the relevant row first", () => {
    for (const list of lists) expect(ndcg(list, start.weights, 2)).toBeLessThan(1);
    const tuned = fineTuneLambdaRank(lists, 2, start, { iterations: 100, learningRate: 0.05, l2: 0 });
    expect(tuned.weights[0]!).toBeGreaterThan(tuned.weights[1]!);
    for (const list of lists) expect(ndcg(list, tuned.weights, 2)).toBe(1);
  });

  it("follows the lambda gradient: more weight on the relevant feature, less on the distractor", () => {
    const g = lambdaGradient(lists, 2, start.weights);
    expect(g[0]!).toBeGreaterThan(0);
    expect(g[1]!).toBeLessThan(0);
  });

  it("is deterministic", () => {
    expect(fineTuneLambdaRank(lists, 2, start)).toEqual(fineTuneLambdaRank(lists, 2, start));
  });
});

describe("positions", () => {
  it("ranks by score descending and breaks ties by row number, as the evaluation does", () => {
    // Scores 0.5, 2, 0.5, -1, 2 -> order: row 1, row 4 (tie at 2), row 0, row 2 (tie at 0.5), row 3.
    expect(Array.from(positions(new Float64Array([0.5, 2, 0.5, -1, 2])))).toEqual([2, 0, 3, 4, 1]);
    expect(Array.from(positions(new Float64Array([])))).toEqual([]);
    expect(Array.from(positions(new Float64Array([0, 0, 0])))).toEqual([0, 1, 2]);
  });
});
