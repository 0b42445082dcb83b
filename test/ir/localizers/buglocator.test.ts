import { describe, expect, it } from "@jest/globals";
import { BUGLOCATOR_ALPHA, bugLocator } from "../../../src/ir/localizers/buglocator.js";
import { DocumentCache, SourceIndex } from "../../../src/ir/source-index.js";
import type { History, PastFix } from "../../../src/types.js";
import { sourceFile as file } from "../../helpers/source-file.js";

const fix = (id: string, title: string, files: string[]): PastFix => ({ id, title, body: "", files, fixedAt: "2020-01-01T00:00:00Z" });

/**
 * Corpus (a cache without a Python extractor indexes every file as plain text, `content` only):
 *   a.py "alpha beta"                     2 terms
 *   b.py "alpha beta gamma"               3 terms
 *   c.py "gamma delta epsilon zeta eta"   5 terms
 *   d.py "delta"                          1 term
 * N = 4; alpha, beta, gamma, delta are in 2 files (idf ln 2), epsilon, zeta, eta in 1 (idf ln 4). All tf = 1.
 * Query "alpha" + "beta": q = (ln2, ln2), |q| = √2·ln2.
 *   cos(a) = 2·ln²2 / (√2·ln2 · √2·ln2) = 1
 *   cos(b) = 2·ln²2 / (√2·ln2 · √3·ln2) = √(2/3) ≈ 0.816497
 *   cos(c) = cos(d) = 0
 * Lengths 2, 3, 5, 1 -> N = 1/4, 2/4 (min 1, max 5): g(a) = 1/(1+e^−0.25) ≈ 0.562177, g(b) = 1/(1+e^−0.5) ≈ 0.622459.
 * rVSM: a ≈ 0.562177, b ≈ 0.816497·0.622459 ≈ 0.508237, c = d = 0.
 * N(rVSM): a = 1, b ≈ 0.508237/0.562177 ≈ 0.904051, c = d = 0.
 * Final without history = 0.8·N(rVSM): a = 0.8, b ≈ 0.723241, c = d = 0.
 */
const G_A = 1 / (1 + Math.exp(-0.25));
const G_B = 1 / (1 + Math.exp(-0.5));
const N_B = (Math.sqrt(2 / 3) * G_B) / (1 * G_A);

describe("bugLocator", () => {
  const index = SourceIndex.build(
    [file("a.py", "alpha beta"), file("b.py", "alpha beta gamma"), file("c.py", "gamma delta epsilon zeta eta"), file("d.py", "delta")],
    new DocumentCache(),
  );
  const doc = (p: string) => index.pathToDoc.get(p)!;
  const issue = { title: "alpha", body: "beta" };
  const scoresOf = (history?: History) => bugLocator.localize({ index, issue, history }).scores;

  it("without history scores 0.8·N(rVSM), so its order is rVSM's", () => {
    expect(N_B).toBeCloseTo(0.904051, 5);
    const s = scoresOf();
    expect(s[doc("a.py")]).toBeCloseTo(0.8, 10);
    expect(s[doc("b.py")]).toBeCloseTo(0.8 * N_B, 10); // ≈ 0.723241
    expect(s[doc("c.py")]).toBe(0);
    expect(s[doc("d.py")]).toBe(0);
  });

  it("adds exactly α·N(SimiScore) = 0.2 to the file a similar past report's fix touched, which overtakes rVSM's first", () => {
    // P1 "alpha beta crash" fixed b.py; P2 "delta epsilon" (no shared term, Sim 0) fixed c.py.
    // Sim(P1) = √(2/3) (see similar-reports.test.ts); SimiScore = b: √(2/3)/1, others 0 -> N(Simi) = 1 for b, 0 elsewhere.
    // b = 0.8·0.904051 + 0.2·1 ≈ 0.923241 > a = 0.8·1 + 0.2·0 = 0.8.
    const s = scoresOf({ pastFixes: [fix("P1", "alpha beta crash", ["b.py"]), fix("P2", "delta epsilon", ["c.py"])], commits: [] });
    expect(BUGLOCATOR_ALPHA).toBe(0.2);
    expect(s[doc("b.py")]).toBeCloseTo(0.8 * N_B + 0.2, 10);
    expect(s[doc("b.py")]).toBeCloseTo(0.923241, 5);
    expect(s[doc("a.py")]).toBeCloseTo(0.8, 10);
    expect(s[doc("b.py")]!).toBeGreaterThan(s[doc("a.py")]!);
    // c.py was fixed by the dissimilar report: it gains nothing.
    expect(s[doc("c.py")]).toBe(0);
  });

  it("is unchanged by past fixes that share no term with the issue (Sim = 0)", () => {
    const without = scoresOf();
    const withUnrelated = scoresOf({ pastFixes: [fix("P2", "delta epsilon", ["b.py"]), fix("P3", "zeta eta", ["c.py", "d.py"])], commits: [] });
    expect(Array.from(withUnrelated)).toEqual(Array.from(without));
  });

  it("explains a file credited by a similar report with that report", () => {
    const out = bugLocator.localize({ index, issue, history: { pastFixes: [fix("P1", "alpha beta crash", ["b.py"]), fix("P2", "delta epsilon", ["c.py"])], commits: [] } });
    expect(out.explain(doc("b.py")).some((e) => e.kind === "similar-issue")).toBe(true);
    expect(out.explain(doc("a.py")).some((e) => e.kind === "similar-issue")).toBe(false);
  });
});
