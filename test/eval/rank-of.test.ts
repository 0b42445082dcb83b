import { describe, expect, it } from "@jest/globals";
import { rankOfDoc } from "../../src/eval/rank-of.js";
import { orderByScore } from "../../src/ir/rank.js";

describe("rankOfDoc", () => {
  it("ranks tied documents by document number, as orderByScore does", () => {
    const scores = new Float64Array([0.5, 0.9, 0.5, 0, 0.5]);
    expect(rankOfDoc(scores, 1)).toBe(1);
    expect(rankOfDoc(scores, 0)).toBe(2); // ties with 2 and 4, lowest number first
    expect(rankOfDoc(scores, 2)).toBe(3);
    expect(rankOfDoc(scores, 4)).toBe(4);
  });

  it("is null for a document that scores 0 (not ranked)", () => {
    expect(rankOfDoc(new Float64Array([0, 1]), 0)).toBeNull();
    expect(rankOfDoc(new Float64Array([-1, 1]), 0)).toBeNull();
  });

  it("agrees with the position in orderByScore on arrays full of ties", () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 20; trial++) {
      // Scores drawn from 5 values, one of them 0: many ties and some unranked documents.
      const scores = Float64Array.from({ length: 40 }, () => Math.floor(next() * 5) / 4);
      const order = orderByScore(scores);
      for (let d = 0; d < scores.length; d++) {
        const pos = order.indexOf(d);
        expect(rankOfDoc(scores, d)).toBe(pos < 0 ? null : pos + 1);
      }
    }
  });
});
