import { beforeAll, describe, expect, it } from "@jest/globals";
import { definitionMatches } from "../../../src/ir/signals/definitions.js";
import { mentionedFiles } from "../../../src/ir/signals/mentions.js";
import { messageMatches } from "../../../src/ir/signals/messages.js";
import { ModuleIndex } from "../../../src/ir/signals/module-index.js";
import { structuredVsm } from "../../../src/ir/signals/struct-vsm.js";
import { isTestPath, testPairs } from "../../../src/ir/signals/test-pairs.js";
import { DocumentCache, SourceIndex } from "../../../src/ir/source-index.js";
import { indexFiles, sourceFile as file } from "../../helpers/source-file.js";

describe("definitionMatches", () => {
  let index: SourceIndex;
  beforeAll(async () => {
    index = await indexFiles([
      file("a.py", "class Trainer:\n    def fit(self):\n        pass\n"),
      file("b.py", "def fit():\n    pass\n"),
      file("c.py", "x = 1\n"),
      file("d.py", "def run():\n    pass\n"),
    ]);
  });

  it("adds log(1 + N/df) per matched name, skipping generic names such as run", () => {
    // N = 4. Trainer is defined in 1 file: ln(1 + 4/1) = ln 5 ≈ 1.609438; fit in 2: ln(1 + 4/2) = ln 3 ≈ 1.098612.
    // a.py = ln 5 + ln 3 = ln 15 ≈ 2.708050; b.py = ln 3; c.py = 0; d.py defines run, which is generic: 0.
    const { scores, matches } = definitionMatches(index, ["Trainer.fit", "run"]);
    const doc = (p: string) => index.pathToDoc.get(p)!;
    expect(scores[doc("a.py")]).toBeCloseTo(Math.log(15), 12);
    expect(scores[doc("b.py")]).toBeCloseTo(Math.log(3), 12);
    expect(scores[doc("c.py")]).toBe(0);
    expect(scores[doc("d.py")]).toBe(0);
    expect(matches.get(doc("a.py"))!.map((m) => m.name).sort()).toEqual(["Trainer", "fit"]);
    expect(matches.get(doc("a.py"))!.find((m) => m.name === "Trainer")!.line).toBe(1);
    // How many files define each name, for the evidence's "(one of 2 files that define it)".
    expect(matches.get(doc("a.py"))!.map((m) => [m.name, m.files])).toEqual([["Trainer", 1], ["fit", 2]]);
  });

  it("places a method several classes define in the class the issue names, scoring the file once", async () => {
    const local = await indexFiles([
      file("callbacks.py", "class CheckRunCallback:\n    def on_epoch_end(self):\n        pass\n\n\nclass EarlyStoppingCallback:\n    def on_epoch_end(self):\n        pass\n"),
      file("other.py", "x = 1\n"),
    ]);
    const doc = local.pathToDoc.get("callbacks.py")!;
    const named = definitionMatches(local, ["early_stop.on_epoch_end"], new Set(["earlystoppingcallback", "considers"]));
    expect(named.matches.get(doc)).toEqual([{ name: "on_epoch_end", line: 7, files: 1 }]);
    const unnamed = definitionMatches(local, ["early_stop.on_epoch_end"]);
    expect(unnamed.matches.get(doc)).toEqual([{ name: "on_epoch_end", line: 2, files: 1 }]);
    expect(named.scores[doc]).toBe(unnamed.scores[doc]);
  });

  it("lists a file's matched names rarest first, whatever order the files are met in", async () => {
    // `size` is met first (in a.py), then in b.py after the class the issue is about; the class is rarer and leads
    // b.py's list: its line is the one the comment links.
    const local = await indexFiles([
      file("a.py", "def size():\n    pass\n"),
      file("b.py", "def size():\n    pass\n\n\nclass MapData:\n    pass\n"),
      file("c.py", "x = 1\n"),
    ]);
    const { matches } = definitionMatches(local, ["MapData", "size"]);
    const listed = matches.get(local.pathToDoc.get("b.py")!)!;
    expect(listed.map((m) => m.name)).toEqual(["MapData", "size"]);
    expect(listed[0]!.line).toBe(5);
  });

  it("matches a name whatever its case, and names the definition as the file writes it", () => {
    const { scores, matches } = definitionMatches(index, ["trainer.FIT"]);
    const doc = (p: string) => index.pathToDoc.get(p)!;
    expect(scores[doc("a.py")]).toBeCloseTo(Math.log(15), 12);
    expect(matches.get(doc("a.py"))!.map((m) => m.name).sort()).toEqual(["Trainer", "fit"]);
  });

  it("skips what a function defines inside itself: a test's stand-in class is no API the report names", async () => {
    const local = await indexFiles([
      file("tests/test_gluon.py", "def test_sharing():\n    class Net(Block):\n        def hybrid_forward(self, x):\n            return x\n"),
      file("gluon/net.py", "class Net(Block):\n    pass\n"),
    ]);
    const { scores, matches } = definitionMatches(local, ["Net", "hybrid_forward"]);
    expect(scores[local.pathToDoc.get("tests/test_gluon.py")!]).toBe(0);
    expect(matches.get(local.pathToDoc.get("gluon/net.py")!)).toEqual([{ name: "Net", line: 1, files: 1 }]);
  });

  it("skips a generic name whatever its case: `Run` or `model.RUN` match no `def run`", () => {
    const { scores } = definitionMatches(index, ["Run", "model.RUN"]);
    expect(scores[index.pathToDoc.get("d.py")!]).toBe(0);
  });
});

describe("structuredVsm (BLIA)", () => {
  it("weights a comment match at half a method match", async () => {
    // alpha.py defines `optimizer` (methods {optim}); beta.py says it in a comment (comments {optim}). Their content
    // lengths are equal (1 term each), so g = 0.5 for both. Each field holds "optim" in one of 2 files: idf ln 2 > 0,
    // and a one-term document against a one-term query has cos = 1. The stems alpha, beta match nothing.
    // alpha = 0.5·(1·1) = 0.5; beta = 0.5·(0.5·1) = 0.25.
    const index = await indexFiles([file("alpha.py", "def optimizer():\n    pass\n"), file("beta.py", "# optimizer\n")]);
    const s = structuredVsm(index, "optimizer", "");
    expect(s[index.pathToDoc.get("alpha.py")!]).toBeCloseTo(0.5, 12);
    expect(s[index.pathToDoc.get("beta.py")!]).toBeCloseTo(0.25, 12);
  });
});

describe("messageMatches", () => {
  it("doubles the strings-field BM25 of a file whose literal is the message's template, and keeps it as evidence", async () => {
    const index = await indexFiles([
      file("check.py", 'def check(x):\n    raise ValueError("expected shape %s but got %s" % x)\n'),
      file("other.py", 'LOG = "shape printed here"\n'),
      file("none.py", "y = 2\n"),
    ]);
    const doc = (p: string) => index.pathToDoc.get(p)!;
    const m = messageMatches(index, [{ type: "ValueError", message: "expected shape (3, 4) but got (4, 3)" }]);
    expect(m.sites.get(doc("check.py"))).toEqual({ text: "expected shape %s but got %s", line: 2 });
    expect(m.sites.has(doc("other.py"))).toBe(false);
    expect(m.scores[doc("check.py")]!).toBeGreaterThan(m.scores[doc("other.py")]!);
    expect(m.scores[doc("none.py")]).toBe(0);
  });

  it("keeps no site that shares only a few common words with a longer message: another error's text", async () => {
    const index = await indexFiles([
      file("color.py", 'def solarize(x, v):\n    raise ValueError("value must be a number between 0 - 1. Got {}.".format(v))\n'),
      file("check.py", 'def check(x):\n    raise TypeError("expected all tensors on the same device, but got {} and {}".format(*x))\n'),
    ]);
    const doc = (p: string) => index.pathToDoc.get(p)!;
    const m = messageMatches(index, [{ type: "RuntimeError", message: "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu! Got a number between" }]);
    // color.py's literal is all in the message (number, between, got, value?) but covers little of it.
    expect(m.sites.has(doc("color.py"))).toBe(false);
    expect(m.sites.get(doc("check.py"))?.line).toBe(2);
  });
});

describe("ModuleIndex", () => {
  const modules = new ModuleIndex(["python/mxnet/gluon/block.py", "python/mxnet/gluon/__init__.py", "python/mxnet/block.py", "setup.cfg"]);
  it("resolves dotted module names by their longest unambiguous suffix, and a name to the module defining its last part", () => {
    expect(modules.resolve("mxnet.gluon.block")).toEqual([0]);
    expect(modules.resolve("mxnet.gluon.block.HybridBlock.forward")).toEqual([0]);
    expect(modules.resolve("mxnet.gluon")).toEqual([1]); // a package is its __init__.py
    expect(modules.resolve("mxnet.block")).toEqual([2]);
  });
  it("resolves nothing when a name is ambiguous or unknown", () => {
    expect(modules.resolve("block")).toEqual([]); // two files are named block.py
    expect(modules.resolve("torch.nn.functional.conv2d")).toEqual([]);
  });
});

describe("mentionedFiles", () => {
  const index = SourceIndex.build(
    ["pkg/data.py", "pkg/io/utils.py", "pkg/nn/utils.py", "pkg/nn/conv.py"].map((p) => file(p, "x = 1\n")),
    new DocumentCache(),
  );
  const modules = new ModuleIndex(index.paths);
  const doc = (p: string) => index.pathToDoc.get(p)!;
  it("credits an exact path, a unique path suffix and a module name", () => {
    const hits = mentionedFiles(index, modules, ["pkg/data.py", "nn/conv.py", "pkg.io.utils"]);
    expect(hits.get(doc("pkg/data.py"))).toBe("pkg/data.py");
    expect(hits.get(doc("pkg/nn/conv.py"))).toBe("nn/conv.py");
    expect(hits.get(doc("pkg/io/utils.py"))).toBe("pkg.io.utils");
    expect(hits.size).toBe(3);
  });
  it("credits none of the files an ambiguous suffix could mean", () => {
    expect(mentionedFiles(index, modules, ["utils.py"]).size).toBe(0);
  });
  it("credits a path written from above the root by its longest tail of two segments or more", () => {
    // GitHub's code embeds print the clone's folder first; a local checkout may add more above it.
    const hits = mentionedFiles(index, modules, ["my-project/pkg/nn/conv.py", "/home/me/src/my-project/pkg/io/utils.py"]);
    expect(hits.get(doc("pkg/nn/conv.py"))).toBe("my-project/pkg/nn/conv.py");
    expect(hits.get(doc("pkg/io/utils.py"))).toBe("/home/me/src/my-project/pkg/io/utils.py");
    // A one-segment tail is too common to name a file: `elsewhere/utils.py` is not pkg/io/utils.py.
    expect(mentionedFiles(index, modules, ["elsewhere/utils.py"]).size).toBe(0);
    // Two segments name a file from above the root (`nn/utils.py` is one file here); a file name alone does not.
    expect(mentionedFiles(index, modules, ["my-project/nn/utils.py"]).get(doc("pkg/nn/utils.py"))).toBe("my-project/nn/utils.py");
    expect(mentionedFiles(index, modules, ["examples/data.py"]).size).toBe(0);
    // A tail that two files share names neither.
    const twice = SourceIndex.build(["a/nn/utils.py", "b/nn/utils.py"].map((p) => file(p, "x = 1\n")), new DocumentCache());
    expect(mentionedFiles(twice, new ModuleIndex(twice.paths), ["proj/nn/utils.py"]).size).toBe(0);
    // An installed copy of another library is that library's path: `other/pkg/data.py` under site-packages is not ours.
    expect(mentionedFiles(index, modules, ["/usr/lib/python3/site-packages/other/pkg/data.py"]).size).toBe(0);
    expect(mentionedFiles(index, modules, ["/usr/lib/python3/site-packages/pkg/data.py"]).get(doc("pkg/data.py"))).toBe("/usr/lib/python3/site-packages/pkg/data.py");
  });
});

describe("test pairs", () => {
  it("recognises test files by folder and by name", () => {
    expect(["tests/test_x.py", "pkg/tests/helpers.py", "pkg/test_model.py", "pkg/model_test.py", "conftest.py"].every(isTestPath)).toBe(true);
    expect(["pkg/model.py", "pkg/testing_utils_impl.py", "pkg/contest.py"].some(isTestPath)).toBe(false);
  });

  it("pairs a test with the module it is named after, falling back to a shorter name, in both directions", () => {
    const index = SourceIndex.build(
      ["pkg/trainer.py", "pkg/trainer_cli.py", "tests/test_trainer_cli.py", "tests/test_trainer_utils.py", "tests/test_other.py"].map((p) => file(p, "x = 1\n")),
      new DocumentCache(),
    );
    const doc = (p: string) => index.pathToDoc.get(p)!;
    const pairs = testPairs(index);
    expect(pairs.get(doc("tests/test_trainer_cli.py"))).toEqual([doc("pkg/trainer_cli.py")]);
    // trainer_utils.py does not exist: the test pairs with trainer.py.
    expect(pairs.get(doc("tests/test_trainer_utils.py"))).toEqual([doc("pkg/trainer.py")]);
    expect(pairs.get(doc("pkg/trainer.py"))).toEqual([doc("tests/test_trainer_utils.py")]);
    expect(pairs.has(doc("tests/test_other.py"))).toBe(false);
  });

  it("pairs a test named with the module last when no module has its full name", () => {
    const index = SourceIndex.build(
      ["pkg/core/lightning.py", "pkg/core/optimizer.py", "tests/test_lightning_optimizer.py", "tests/test_sharded_optimizer.py"].map((p) => file(p, "x = 1\n")),
      new DocumentCache(),
    );
    const doc = (p: string) => index.pathToDoc.get(p)!;
    const pairs = testPairs(index);
    // `lightning_optimizer` names no module: both one-word names do, the first word and the last.
    expect(pairs.get(doc("tests/test_lightning_optimizer.py"))?.sort()).toEqual([doc("pkg/core/lightning.py"), doc("pkg/core/optimizer.py")].sort());
    // `sharded` names no module; `optimizer`, its last word, does.
    expect(pairs.get(doc("tests/test_sharded_optimizer.py"))).toEqual([doc("pkg/core/optimizer.py")]);
  });

  it("pairs a test with the module whose folders its own folders mirror, when several share the name", () => {
    const index = SourceIndex.build(
      [
        "pkg/metrics/classification.py",
        "pkg/metrics/functional/classification.py",
        "tests/metrics/functional/test_classification.py",
        "tests/metrics/test_classification.py",
        "tests/test_classification.py",
      ].map((p) => file(p, "x = 1\n")),
      new DocumentCache(),
    );
    const doc = (p: string) => index.pathToDoc.get(p)!;
    const pairs = testPairs(index);
    expect(pairs.get(doc("tests/metrics/functional/test_classification.py"))).toEqual([doc("pkg/metrics/functional/classification.py")]);
    // `metrics` is a folder of both modules: a tie keeps both.
    expect(pairs.get(doc("tests/metrics/test_classification.py"))?.sort()).toEqual(
      [doc("pkg/metrics/classification.py"), doc("pkg/metrics/functional/classification.py")].sort(),
    );
    // A flat `tests/` says nothing about the package's layout: both.
    expect(pairs.get(doc("tests/test_classification.py"))).toHaveLength(2);
    expect(pairs.get(doc("pkg/metrics/classification.py"))?.sort()).toEqual(
      [doc("tests/metrics/test_classification.py"), doc("tests/test_classification.py")].sort(),
    );
  });
});
