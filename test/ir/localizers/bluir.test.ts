import { beforeAll, describe, expect, it } from "@jest/globals";
import { BLUIR_PARAMS, bluir, bluirScore } from "../../../src/ir/localizers/bluir.js";
import { scoreIndriTfidf } from "../../../src/ir/scoring.js";
import { classOrStemBag } from "../../../src/ir/signals/class-field.js";
import { SourceIndex } from "../../../src/ir/source-index.js";
import { indexFiles, sourceFile as file } from "../../helpers/source-file.js";

/**
 * net.py defines `class Optimizer` (class field {optim}); engine.py says "optimizer" only in a comment (comment
 * field {optim, state, save}); util.py has a one-word comment. Query: title "optimizer" (-> "optim"), empty body.
 * N = 3 and "optim" is in one document of each field it occurs in: idf = ln 3, idf² ≈ 1.206949.
 * Query tf (one occurrence): k1·1/(1 + k1) = 0.5.
 * Class field (class names, else the module stem): net {optim}, engine {engin}, util {util}; |d| = 1, avg = 1:
 *   tf(net) = 1·1 / (1 + 1·(1 − 0.3 + 0.3·1/1)) = 0.5 -> 0.5·0.5·ln²3 ≈ 0.301737
 * Comment field: engine has 3 terms, util 1, net none; avg over non-empty = 2:
 *   tf(engine) = 1 / (1 + (0.7 + 0.3·3/2)) = 1/2.15 ≈ 0.465116 -> 0.5·0.465116·ln²3 ≈ 0.280686
 * Methods and identifiers hold no "optim". So net.py (class match) ranks above engine.py (comment match).
 */
describe("bluir", () => {
  let index: SourceIndex;
  beforeAll(async () => {
    index = await indexFiles([
      file("net.py", "class Optimizer:\n    pass\n"),
      file("engine.py", "# optimizer state saved\ndef run():\n    pass\n"),
      file("util.py", "# helper\ndef go():\n    pass\n"),
    ]);
  });
  const doc = (p: string) => index.pathToDoc.get(p)!;

  it("uses k1 = 1.0 and b = 0.3", () => {
    expect(BLUIR_PARAMS).toEqual({ k1: 1.0, b: 0.3 });
  });

  it("computes Indri TF-IDF for a one-term query on the class field by hand", () => {
    const classes = index.derivedField("class-or-stem", classOrStemBag(index));
    expect(Array.from(classes.docLengths)).toEqual([1, 1, 1]);
    const s = scoreIndriTfidf(classes, index.query("optimizer"), BLUIR_PARAMS);
    expect(s[doc("net.py")]).toBeCloseTo(0.25 * Math.log(3) ** 2, 12);
    expect(s[doc("net.py")]).toBeCloseTo(0.301737, 5);
    expect(s[doc("engine.py")]).toBe(0);
  });

  it("sums the field pairs: the class-name match outranks the comment-only match", () => {
    // Preconditions of the hand computation: the comment field lengths are 3 (engine) and 1 (util).
    const comments = index.field("comments");
    expect(comments.docLengths[doc("engine.py")]).toBe(3);
    expect(comments.docLengths[doc("util.py")]).toBe(1);
    const s = bluirScore(index, "optimizer", "");
    expect(s[doc("net.py")]).toBeCloseTo(0.5 * 0.5 * Math.log(3) ** 2, 12); // ≈ 0.301737
    expect(s[doc("engine.py")]).toBeCloseTo((0.5 * Math.log(3) ** 2) / 2.15, 12); // ≈ 0.280686
    expect(s[doc("util.py")]).toBe(0);
    expect(s[doc("net.py")]!).toBeGreaterThan(s[doc("engine.py")]!);
  });

  it("adds the body's field scores to the title's: the same word in title and body doubles the score", () => {
    const once = bluirScore(index, "optimizer", "");
    const twice = bluirScore(index, "optimizer", "optimizer");
    for (let d = 0; d < index.size; d++) expect(twice[d]).toBeCloseTo(2 * once[d]!, 12);
  });

  it("as a localizer returns bluirScore's scores and explains with the structured fields", () => {
    const out = bluir.localize({ index, issue: { title: "optimizer", body: "" } });
    expect(Array.from(out.scores)).toEqual(Array.from(bluirScore(index, "optimizer", "")));
    expect(out.explain(doc("net.py")).length).toBeGreaterThan(0);
  });
});
