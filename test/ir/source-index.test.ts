import { describe, expect, it } from "@jest/globals";
import { DocumentCache, SourceIndex } from "../../src/ir/source-index.js";
import { sourceFile as file } from "../helpers/source-file.js";

describe("SourceIndex", () => {
  it("numbers documents in path order whatever the input order", () => {
    const index = SourceIndex.build([file("z.py", "zeta"), file("a/b.py", "beta"), file("a.py", "alpha")], new DocumentCache());
    expect(index.paths).toEqual(["a.py", "a/b.py", "z.py"]);
    expect(index.pathToDoc.get("z.py")).toBe(2);
    expect(index.size).toBe(3);
  });

  it("indexes the path without its .py suffix as a field of its own", () => {
    const index = SourceIndex.build([file("models/conv_layers.py", "x = 1")], new DocumentCache());
    const path = index.field("path");
    const id = (t: string) => index.vocabulary.lookup(t)!;
    expect(path.tf(0, id("model"))).toBe(1);
    expect(path.tf(0, id("convlayers"))).toBe(1);
    expect(index.vocabulary.lookup("py")).toBeUndefined();
    expect(index.field("path")).toBe(path); // built once
  });

  it("builds a query bag from report text, ignoring words no file has", () => {
    const index = SourceIndex.build([file("a.py", "optimizer step")], new DocumentCache());
    const q = index.query("The optimizer crashes on step");
    expect(q.length).toBe(2); // optim, step; "crashes" is unknown
  });
});

describe("DocumentCache", () => {
  it("parses a blob once and shares it across snapshots", () => {
    const cache = new DocumentCache();
    const first = cache.document(file("a.py", "alpha beta", "1".repeat(40)));
    const again = cache.document(file("renamed.py", "alpha beta", "1".repeat(40)));
    expect(again).toBe(first);
    expect(cache.size).toBe(1);
    expect(cache.cached("1".repeat(40), "x.py")).toBe(first);
    // The same blob read as a non-Python file is another document (it is tokenized without Python structure).
    expect(cache.cached("1".repeat(40), "x.txt")).toBeUndefined();
  });

  it("does not cache files without a blob SHA (a working folder can change under us)", () => {
    const cache = new DocumentCache();
    const a = cache.document(file("a.py", "alpha"));
    const b = cache.document(file("a.py", "alpha"));
    expect(a).not.toBe(b);
    expect(cache.size).toBe(0);
  });

  it("evicts the oldest entry beyond its capacity", () => {
    const cache = new DocumentCache(undefined, 2);
    cache.document(file("a.py", "a", "a".repeat(40)));
    cache.document(file("b.py", "b", "b".repeat(40)));
    cache.document(file("c.py", "c", "c".repeat(40)));
    expect(cache.size).toBe(2);
    expect(cache.cached("a".repeat(40), "a.py")).toBeUndefined();
    expect(cache.cached("c".repeat(40), "c.py")).toBeDefined();
  });

  it("forgets its documents on clear() and keeps its vocabulary, so term ids stay the same", () => {
    const cache = new DocumentCache();
    const before = cache.document(file("a.py", "alpha beta", "1".repeat(40)));
    const terms = cache.vocabulary.size;
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.known("1".repeat(40), "a.py")).toBe(false);
    const after = cache.document(file("a.py", "alpha beta", "1".repeat(40)));
    expect(after).not.toBe(before);
    expect(cache.vocabulary.size).toBe(terms);
    expect([...after.bags.content.ids]).toEqual([...before.bags.content.ids]);
  });
});
