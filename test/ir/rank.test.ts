import { describe, expect, it } from "@jest/globals";
import { orderByScore, topFiles } from "../../src/ir/rank.js";
import { DocumentCache, SourceIndex } from "../../src/ir/source-index.js";
import type { LocalizerOutput } from "../../src/ir/localizers/localizer.js";
import { indexFiles, sourceFile as file } from "../helpers/source-file.js";

describe("orderByScore", () => {
  it("orders by score, best first, and breaks ties by document number (path order)", () => {
    // docs 1 and 3 tie at 0.5: doc 1 comes first; doc 0 and doc 4 tie at 0.9: doc 0 first.
    expect(orderByScore(new Float64Array([0.9, 0.5, 0.7, 0.5, 0.9]))).toEqual([0, 4, 2, 1, 3]);
  });

  it("leaves out documents that score 0 or less", () => {
    expect(orderByScore(new Float64Array([0, 2, -1, 0, 1]))).toEqual([1, 4]);
    expect(orderByScore(new Float64Array([0, 0]))).toEqual([]);
  });
});

describe("topFiles", () => {
  const files = ["b.py", "a.py", "c.py", "d.py"].map((path) => ({ path, text: "x", size: 1 }));
  const index = SourceIndex.build(files, new DocumentCache()); // documents in path order: a, b, c, d

  it("names the top files by path with their scores, ties in path order, and explains only those", () => {
    const explained: number[] = [];
    const output: LocalizerOutput = {
      scores: new Float64Array([1, 3, 1, 0]), // a 1, b 3, c 1, d 0
      explain: (doc) => {
        explained.push(doc);
        return [{ kind: "terms", detail: `doc ${doc}` }];
      },
    };
    const top = topFiles(index, output, 2);
    expect(top).toEqual([
      { path: "b.py", score: 3, evidence: [{ kind: "terms", detail: "doc 1" }] },
      { path: "a.py", score: 1, evidence: [{ kind: "terms", detail: "doc 0" }] },
    ]);
    expect(explained).toEqual([1, 0]); // c.py is not shown, so not explained
    expect(topFiles(index, output, 10).map((f) => f.path)).toEqual(["b.py", "a.py", "c.py"]); // d scored 0
  });

  it("marks test files, not library modules that are only named like tests", async () => {
    const index = await indexFiles([
      file("tests/helpers.py", "x = 1\n"),
      file("pkg/test_ops.py", "def test_add():\n    pass\n"),
      file("python/mxnet/test_utils.py", "def assert_almost_equal(a, b):\n    pass\n"),
      file("pkg/ops.py", "def add():\n    pass\n"),
    ]);
    const output: LocalizerOutput = { scores: new Float64Array([1, 1, 1, 1]), explain: () => [] };
    const marked = Object.fromEntries(topFiles(index, output, 4).map((f) => [f.path, f.test === true]));
    expect(marked).toEqual({ "tests/helpers.py": true, "pkg/test_ops.py": true, "python/mxnet/test_utils.py": false, "pkg/ops.py": false });
  });

  it("marks a conftest.py and a unittest module as tests: fixtures and TestCase methods are test code", async () => {
    const index = await indexFiles([
      file("conftest.py", "import pytest\n\n@pytest.fixture\ndef tmp_model():\n    return 1\n"),
      file("pkg/ops_test.py", "import unittest\n\nclass OpsTest(unittest.TestCase):\n    def testAdd(self):\n        pass\n"),
    ]);
    const output: LocalizerOutput = { scores: new Float64Array([1, 1]), explain: () => [] };
    expect(topFiles(index, output, 2).map((f) => f.test === true)).toEqual([true, true]);
  });
});
