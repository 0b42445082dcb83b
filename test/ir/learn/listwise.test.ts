import { describe, expect, it } from "@jest/globals";
import { listwiseLoss, trainListwise, type RankingList } from "../../../src/ir/learn/listwise.js";

/**
 * Toy problem, 2 features per row: feature 0 marks the relevant row; feature 1 is set on one irrelevant row
 * of each list (a distractor). Three lists of three rows, one relevant row each.
 */
function toyLists(): RankingList[] {
  const list = (relevantRow: number, distractorRow: number): RankingList => {
    const x = new Float64Array(3 * 2);
    x[relevantRow * 2] = 1;
    x[distractorRow * 2 + 1] = 1;
    return { x, rows: 3, relevant: [relevantRow] };
  };
  return [list(0, 1), list(2, 0), list(1, 2)];
}

describe("listwiseLoss", () => {
  it("at θ = 0 is Σ_lists log(rows): a uniform softmax gives the relevant row 1/3", () => {
    // 3 lists · −log(1/3) = 3·ln 3 ≈ 3.295837; the L2 term is 0.
    expect(listwiseLoss(toyLists(), 2, [0, 0], 1)).toBeCloseTo(3 * Math.log(3), 12);
  });

  it("at θ = (1, 0) is Σ −log(e/(e + 2)) + λ/2·1", () => {
    // Each list: z = (1, 0, 0) on (relevant, distractor, other) -> −(1 − ln(e + 2)) = ln(4.718282) − 1 ≈ 0.551445.
    // 3·0.551445 + (1/2)·1 ≈ 2.154335.
    expect(listwiseLoss(toyLists(), 2, [1, 0], 1)).toBeCloseTo(3 * (Math.log(Math.E + 2) - 1) + 0.5, 12);
    expect(listwiseLoss(toyLists(), 2, [1, 0], 1)).toBeCloseTo(2.154335, 5);
  });

  it("skips lists without a relevant row or with a single row", () => {
    const x = new Float64Array([1, 0]);
    expect(listwiseLoss([{ x, rows: 1, relevant: [0] }, { x: new Float64Array(4), rows: 2, relevant: [] }], 2, [3, 0], 0)).toBe(0);
  });
});

describe("trainListwise", () => {
  it("learns a positive weight for the feature that marks the relevant row, a negative one for the distractor", () => {
    const lists = toyLists();
    const model = trainListwise(lists, 2, 1);
    expect(model.weights[0]!).toBeGreaterThan(0);
    expect(model.weights[1]!).toBeLessThan(0);
    expect(model.bias).toBe(0);
    expect(listwiseLoss(lists, 2, model.weights, 1)).toBeLessThan(listwiseLoss(lists, 2, [0, 0], 1));
  });

  it("stops at the optimum: the gradient there is (about) zero", () => {
    // Any small move from the trained θ does not lower the loss.
    const lists = toyLists();
    const { weights } = trainListwise(lists, 2, 1);
    const at = listwiseLoss(lists, 2, weights, 1);
    for (const [dx, dy] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3]] as const) {
      expect(listwiseLoss(lists, 2, [weights[0]! + dx, weights[1]! + dy], 1)).toBeGreaterThanOrEqual(at - 1e-12);
    }
  });

  it("with a stronger L2 prior learns smaller weights", () => {
    const lists = toyLists();
    const mild = trainListwise(lists, 2, 0.1);
    const strong = trainListwise(lists, 2, 10);
    expect(Math.abs(strong.weights[0]!)).toBeLessThan(Math.abs(mild.weights[0]!));
  });
});
