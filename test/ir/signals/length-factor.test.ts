import { describe, expect, it } from "@jest/globals";
import { FieldIndex } from "../../../src/ir/field-index.js";
import { lengthFactors } from "../../../src/ir/signals/length-factor.js";
import { bagOf, Vocabulary } from "../../../src/ir/vocabulary.js";

/** A content field whose documents have the given token counts (the words themselves do not matter to g). */
function fieldOfLengths(lengths: number[]): FieldIndex {
  const vocabulary = new Vocabulary();
  return new FieldIndex(lengths.map((n) => bagOf(Array.from({ length: n }, (_, i) => `w${i}`), vocabulary)));
}

describe("lengthFactors (BugLocator's g(#terms) = 1 / (1 + e^(−N(#terms))))", () => {
  it("gives the shortest file 0.5, the longest 1/(1+e^−1) ≈ 0.731, and a middle length the sigmoid of its share", () => {
    // Lengths 2, 6, 10: N = (len − 2) / (10 − 2) = 0, 0.5, 1.
    // g = 1/(1+e^0) = 0.5; 1/(1+e^−0.5) = 1/(1+0.60653) = 0.62246; 1/(1+e^−1) = 1/(1+0.36788) = 0.73106.
    const g = lengthFactors(fieldOfLengths([2, 6, 10]));
    expect(g[0]).toBeCloseTo(0.5, 10);
    expect(g[1]).toBeCloseTo(0.62246, 5);
    expect(g[2]).toBeCloseTo(0.73106, 5);
  });

  it("gives every file 0.5 when all lengths are equal (N = 0 when max = min)", () => {
    expect(Array.from(lengthFactors(fieldOfLengths([4, 4, 4])))).toEqual([0.5, 0.5, 0.5]);
  });
});
