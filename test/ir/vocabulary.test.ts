import { describe, expect, it } from "@jest/globals";
import { EMPTY_BAG, Vocabulary, bagOf, mergeBags, queryBagOf } from "../../src/ir/vocabulary.js";
import { FieldIndex } from "../../src/ir/field-index.js";

describe("Vocabulary", () => {
  it("interns each term once, in order of first sight", () => {
    const v = new Vocabulary();
    expect(v.intern("loss")).toBe(0);
    expect(v.intern("optim")).toBe(1);
    expect(v.intern("loss")).toBe(0);
    expect(v.size).toBe(2);
    expect(v.term(1)).toBe("optim");
    expect(v.term(99)).toBe("");
    expect(v.lookup("optim")).toBe(1);
    expect(v.lookup("never")).toBeUndefined();
    expect(v.size).toBe(2); // lookup never adds
  });
});

describe("bags of terms", () => {
  it("counts terms with ascending ids, and the length is the number of tokens", () => {
    const v = new Vocabulary();
    v.intern("zeta"); // id 0, so "alpha" below gets a higher id than zeta
    const bag = bagOf(["alpha", "zeta", "alpha", "beta", "alpha"], v);
    expect(Array.from(bag.ids)).toEqual([0, 1, 2]); // zeta, alpha, beta
    expect(Array.from(bag.counts)).toEqual([1, 3, 1]);
    expect(bag.length).toBe(5);
    expect(bagOf([], v)).toBe(EMPTY_BAG);
  });

  it("sorts ids numerically, not as strings (id 10 after id 9)", () => {
    const v = new Vocabulary();
    for (let i = 0; i < 12; i++) v.intern(`t${i}`);
    const bag = bagOf(["t10", "t9", "t2"], v);
    expect(Array.from(bag.ids)).toEqual([2, 9, 10]);
  });

  it("drops query terms the vocabulary does not know, without growing it", () => {
    const v = new Vocabulary();
    bagOf(["cuda", "memori"], v);
    const q = queryBagOf(["cuda", "unknown", "cuda", "memori"], v);
    expect(Array.from(q.ids)).toEqual([0, 1]);
    expect(Array.from(q.counts)).toEqual([2, 1]);
    expect(q.length).toBe(3); // the unknown term is not counted
    expect(v.size).toBe(2);
  });

  it("merges bags by summing counts and lengths", () => {
    const v = new Vocabulary();
    const a = bagOf(["x1", "x2", "x2"], v);
    const b = bagOf(["x2", "x3"], v);
    const m = mergeBags([a, b, EMPTY_BAG]);
    expect(Array.from(m.ids)).toEqual([0, 1, 2]);
    expect(Array.from(m.counts)).toEqual([1, 3, 1]);
    expect(m.length).toBe(5);
  });
});

describe("FieldIndex", () => {
  const v = new Vocabulary();
  const docs = [["apple", "pear"], ["apple", "apple", "fig", "fig"], [], ["fig", "kiwi", "kiwi"]];
  const index = new FieldIndex(docs.map((d) => bagOf(d, v)));
  const id = (t: string) => v.lookup(t)!;

  it("records document frequencies and postings in document order", () => {
    expect(index.docCount).toBe(4);
    expect(index.df(id("apple"))).toBe(2);
    expect(index.df(id("kiwi"))).toBe(1);
    expect(index.df(12345)).toBe(0);
    const p = index.postingsOf(id("fig"))!;
    expect(Array.from(p.docs)).toEqual([1, 3]);
    expect(Array.from(p.tfs)).toEqual([2, 1]);
  });

  it("answers the frequency of a term in one document", () => {
    expect(index.tf(1, id("apple"))).toBe(2);
    expect(index.tf(3, id("kiwi"))).toBe(2);
    expect(index.tf(0, id("kiwi"))).toBe(0);
    expect(index.tf(2, id("apple"))).toBe(0); // empty document
    expect(index.tf(9, id("apple"))).toBe(0); // no such document
  });

  it("averages lengths over non-empty documents only (an empty field says nothing about length)", () => {
    expect(Array.from(index.docLengths)).toEqual([2, 4, 0, 3]);
    expect(index.nonEmptyDocs).toBe(3);
    expect(index.avgLength).toBe(3); // (2 + 4 + 3) / 3, not / 4
    expect(new FieldIndex([]).avgLength).toBe(0);
  });
});
