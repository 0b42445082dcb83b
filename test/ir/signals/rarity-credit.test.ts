import { describe, expect, it } from "@jest/globals";
import { creditByRarity, recordMatch } from "../../../src/ir/signals/rarity-credit.js";

describe("creditByRarity", () => {
  it("adds log(1 + N/df) per matched name: a name found in one file outweighs one found in two", () => {
    // 4 files. `topk` matched in file 0 only: log(1 + 4/1) = ln 5 ≈ 1.609438.
    // `where` matched in files 0 and 2: log(1 + 4/2) = ln 3 ≈ 1.098612 each.
    const byName = new Map<string, Map<number, string>>();
    recordMatch(byName, "topk", 0, "a");
    recordMatch(byName, "where", 0, "b");
    recordMatch(byName, "where", 2, "c");
    const seen: string[] = [];
    const scores = creditByRarity(4, byName, (file, name, match, _idf, df) => seen.push(`${file}:${name}:${match}:${df}`));
    expect(scores[0]).toBeCloseTo(Math.log(5) + Math.log(3), 12);
    expect(scores[0]).toBeCloseTo(2.70805, 5);
    expect(scores[1]).toBe(0);
    expect(scores[2]).toBeCloseTo(1.098612, 6);
    expect(seen.sort()).toEqual(["0:topk:a:1", "0:where:b:2", "2:where:c:2"]);
  });

  it("keeps a file's first match of a name", () => {
    const byName = new Map<string, Map<number, number>>();
    recordMatch(byName, "fit", 3, 10);
    recordMatch(byName, "fit", 3, 99);
    expect(byName.get("fit")).toEqual(new Map([[3, 10]]));
  });
});
