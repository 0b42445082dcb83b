import { describe, expect, it } from "@jest/globals";
import { FieldIndex } from "../../src/ir/field-index.js";
import { BM25_DEFAULTS, bm25Idf, logTf, minMax, scoreBm25, scoreIndriTfidf, scoreTfidfCosine, tfidfNorms, vsmIdf } from "../../src/ir/scoring.js";
import { Vocabulary, bagOf, queryBagOf } from "../../src/ir/vocabulary.js";

/** A field index over whitespace-separated "documents" (terms are taken as they are, no tokenizer). */
function corpus(docs: string[]) {
  const vocabulary = new Vocabulary();
  const index = new FieldIndex(docs.map((d) => bagOf(d.split(/\s+/).filter(Boolean), vocabulary)));
  const query = (q: string) => queryBagOf(q.split(/\s+/).filter(Boolean), vocabulary);
  return { index, query };
}

// Lengths 2, 4, 2, 6: average 3.5. "apple" is in 2 of 4 documents.
const HAND = corpus(["apple pear", "apple apple fig fig", "fig kiwi", "kiwi kiwi kiwi kiwi kiwi kiwi"]);

describe("BM25", () => {
  it("uses Lucene's always-positive idf", () => {
    expect(bm25Idf(4, 2)).toBeCloseTo(Math.log(2), 12); // ln(1 + 2.5/2.5)
    expect(bm25Idf(4, 1)).toBeCloseTo(1.2039728, 6); // ln(1 + 3.5/1.5)
    expect(bm25Idf(4, 4)).toBeCloseTo(0.1053605, 6); // ln(1 + 0.5/4.5): a term in every file still counts a little
    expect(bm25Idf(4, 4)).toBeGreaterThan(0);
  });

  it("matches hand-computed scores (k1 1.2, b 0.75)", () => {
    const s = scoreBm25(HAND.index, HAND.query("apple"));
    // d0: f=1, |d|=2: ln2 · 2.2 / (1 + 1.2·(0.25 + 0.75·2/3.5)) = 0.840509
    // d1: f=2, |d|=4: ln2 · 4.4 / (2 + 1.2·(0.25 + 0.75·4/3.5)) = 0.916263
    expect(s[0]).toBeCloseTo(0.840509, 5);
    expect(s[1]).toBeCloseTo(0.916263, 5);
    expect(s[2]).toBe(0);
    expect(s[3]).toBe(0);
  });

  it("counts a repeated query term once per repeat, and adds into a given array with a weight", () => {
    const once = scoreBm25(HAND.index, HAND.query("apple"));
    const twice = scoreBm25(HAND.index, HAND.query("apple apple"));
    expect(twice[1]).toBeCloseTo(2 * once[1]!, 12);
    const into = new Float64Array([1, 1, 1, 1]);
    scoreBm25(HAND.index, HAND.query("apple"), BM25_DEFAULTS, into, 0.5);
    expect(into[1]).toBeCloseTo(1 + 0.5 * once[1]!, 12);
    expect(into[2]).toBe(1);
  });

  it("ranks a rare term above a common one (idf)", () => {
    // Same length, one occurrence each; "rare" is in 1 document, "common" in all 5.
    const c = corpus(["rare common", "other common", "common x y", "common y z", "common z w"]);
    const s = scoreBm25(c.index, c.query("rare"));
    const t = scoreBm25(c.index, c.query("other"));
    const u = scoreBm25(c.index, c.query("common"));
    expect(s[0]).toBeCloseTo(t[1]!, 12); // the same df, the same tf, the same length: the same score
    expect(s[0]).toBeGreaterThan(u[0]! * 5);
  });

  it("ranks the shorter of two documents with the same tf higher (length normalisation), unless b = 0", () => {
    const c = corpus(["bug a", "bug b c d e f g h i j k l m n o p q r s t", "x y"]);
    const s = scoreBm25(c.index, c.query("bug"));
    expect(s[0]).toBeGreaterThan(s[1]!);
    const flat = scoreBm25(c.index, c.query("bug"), { k1: 1.2, b: 0 });
    expect(flat[0]).toBeCloseTo(flat[1]!, 12);
  });

  it("saturates term frequency: the 2nd occurrence adds far more than the 11th, and no tf passes idf·(k1+1)", () => {
    // Every document has 12 tokens (the last has no "loss"), so |d| = avg and the score is idf · 2.2·f / (f + 1.2).
    const doc = (f: number) => [...Array(f).fill("loss"), ...Array(12 - f).fill(`pad${f}`)].join(" ");
    const c = corpus([doc(1), doc(2), doc(10), doc(11), doc(0)]);
    const s = scoreBm25(c.index, c.query("loss"));
    const idf = bm25Idf(5, 4);
    expect(s[0]).toBeCloseTo(idf * (2.2 / 2.2), 9); // f = 1: exactly idf
    expect(s[1]! - s[0]!).toBeGreaterThan(10 * (s[3]! - s[2]!));
    expect(s[3]).toBeGreaterThan(s[2]!); // still monotone
    expect(s[3]).toBeLessThan(idf * 2.2);
  });

  it("scores nothing for a query of unknown terms", () => {
    expect(Array.from(scoreBm25(HAND.index, HAND.query("banana")))).toEqual([0, 0, 0, 0]);
  });
});

describe("tf-idf cosine (VSM)", () => {
  it("uses log(N/df) idf and 1 + log(f) tf", () => {
    expect(vsmIdf(4, 2)).toBeCloseTo(Math.log(2), 12);
    expect(vsmIdf(4, 4)).toBe(0);
    expect(vsmIdf(4, 0)).toBe(0);
    expect(logTf(0)).toBe(0);
    expect(logTf(1)).toBe(1);
    expect(logTf(Math.E)).toBeCloseTo(2, 12);
  });

  it("is 1 for a document that equals the query, lower for partial matches, and within [0, 1]", () => {
    const c = corpus(["cuda memory", "cuda kernel launch", "memory leak", "shape mismatch"]);
    const norms = tfidfNorms(c.index);
    const s = scoreTfidfCosine(c.index, norms, c.query("cuda memory"));
    expect(s[0]).toBeCloseTo(1, 12);
    expect(s[1]).toBeGreaterThan(0);
    expect(s[1]).toBeLessThan(1);
    expect(s[3]).toBe(0);
    for (const x of s) expect(x >= 0 && x <= 1 + 1e-12).toBe(true);
  });

  it("ignores a term present in every document (idf 0): such a query scores nothing", () => {
    const c = corpus(["torch a", "torch b", "torch c"]);
    const s = scoreTfidfCosine(c.index, tfidfNorms(c.index), c.query("torch"));
    expect(Array.from(s)).toEqual([0, 0, 0]);
  });
});

describe("Indri tf-idf (BLUiR)", () => {
  it("matches hand-computed scores", () => {
    const s = scoreIndriTfidf(HAND.index, HAND.query("apple"), BM25_DEFAULTS);
    // w = tf_q · idf² with tf_q = 1.2·1/(1 + 1.2) and idf = ln(4/2);
    // d0: w · 1.2·1 / (1 + 1.2·(0.25 + 0.75·2/3.5)) = 0.173335; d1: w · 2.4 / (2 + 1.2·(0.25 + 0.75·4/3.5)) = 0.188957
    expect(s[0]).toBeCloseTo(0.173335, 5);
    expect(s[1]).toBeCloseTo(0.188957, 5);
    expect(s[2]).toBe(0);
  });

  it("gives nothing for a term in every document, and grows with the query's tf with saturation", () => {
    const c = corpus(["torch relu", "torch conv", "torch pool"]);
    expect(Array.from(scoreIndriTfidf(c.index, c.query("torch"), BM25_DEFAULTS))).toEqual([0, 0, 0]);
    const one = scoreIndriTfidf(c.index, c.query("relu"), BM25_DEFAULTS)[0]!;
    const two = scoreIndriTfidf(c.index, c.query("relu relu"), BM25_DEFAULTS)[0]!;
    // tf_q(1) = 1.2/2.2, tf_q(2) = 2.4/3.2: more, but less than double.
    expect(two / one).toBeCloseTo((2.4 / 3.2) / (1.2 / 2.2), 9);
  });
});

describe("minMax", () => {
  it("maps the lowest score to 0 and the highest to 1", () => {
    expect(Array.from(minMax(new Float64Array([2, 4, 6, 3])))).toEqual([0, 0.5, 1, 0.25]);
    expect(Array.from(minMax(new Float64Array([-1, 1])))).toEqual([0, 1]);
  });

  it("is all zeros when every score is equal, and empty for no candidates (PAPER §2: N = 0 when max = min)", () => {
    expect(Array.from(minMax(new Float64Array([5, 5, 5])))).toEqual([0, 0, 0]);
    expect(Array.from(minMax(new Float64Array([])))).toEqual([]);
  });
});
