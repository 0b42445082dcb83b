import { describe, expect, it } from "@jest/globals";
import { isForeignName, namesOfForeignFrames, repositoryPackages } from "../../../src/ir/signals/foreign-names.js";
import { parseIssue } from "../../../src/issue/index.js";

describe("foreign names", () => {
  const packages = repositoryPackages(["python/mxnet/numpy/random.py", "tests/python/unittest/test_numpy_op.py", "setup.py", "tools/diagnose.py"]);

  it("knows a repository's top-level packages, under python/ or src/ too", () => {
    expect([...packages].sort()).toEqual(["mxnet", "setup", "tests", "tools"]);
  });

  it("calls a name foreign when the issue's own imports bind it to a package the repository does not hold", () => {
    const numpy = parseIssue("rand fails", "```python\nimport numpy as np\nfrom numpy.testing import assert_allclose\nx = np.random.rand(3)\n```");
    expect(numpy.importBindings).toEqual({ np: "numpy", assert_allclose: "numpy.testing.assert_allclose" });
    expect(isForeignName("np.random.rand", numpy.importBindings, packages)).toBe(true);
    expect(isForeignName("assert_allclose", numpy.importBindings, packages)).toBe(true);
    // The project's own numpy front end, and a name no import binds, are not.
    const own = parseIssue("rand fails", "```python\nfrom mxnet import np\nx = np.random.rand(3)\n```");
    expect(isForeignName("np.random.rand", own.importBindings, packages)).toBe(false);
    expect(isForeignName("np.random.rand", {}, packages)).toBe(false);
    expect(isForeignName("toString", { toString: "x" } as Record<string, string>, packages)).toBe(true);
    expect(isForeignName("constructor", {}, packages)).toBe(false);
    // A relative import of pasted repository code binds the repository's own module.
    const relative = parseIssue("nd fails", "```python\nfrom .. import nd\nfrom . import utils\nnd.array(utils.x)\n```");
    expect(isForeignName("nd.array", relative.importBindings, packages)).toBe(false);
    expect(isForeignName("utils", relative.importBindings, packages)).toBe(false);
  });

  it("reads the imports of code pasted without a fence too, the fenced code's binding winning (pytorch/ignite#782)", () => {
    const unfenced = parseIssue("engine fails", "My code:\nfrom torch.utils.data import DataLoader\nloader = DataLoader(ds)\nIt hangs.");
    expect(unfenced.importBindings).toEqual({ DataLoader: "torch.utils.data.DataLoader" });
    expect(isForeignName("DataLoader", unfenced.importBindings, packages)).toBe(true);
    const both = parseIssue("np fails", "import numpy as np\n```python\nfrom mxnet import np\n```");
    expect(both.importBindings).toEqual({ np: "mxnet.np" });
    // Words in prose are no import: "import errors happen" binds nothing.
    expect(parseIssue("x", "import errors happen when I run it").importBindings).toEqual({});
  });

  it("calls foreign a dotted name rooted at a library's full name that the repository does not hold, import or not", () => {
    expect(isForeignName("torch.nn.Sequential", {}, packages)).toBe(true);
    expect(isForeignName("numpy.linalg.norm", {}, packages)).toBe(true);
    // The repository's own library (mxnet here), an alias, and a bare word are not.
    expect(isForeignName("mxnet.gluon.nn.Dense", {}, packages)).toBe(false);
    expect(isForeignName("np.random.rand", {}, packages)).toBe(false);
    expect(isForeignName("torch", {}, packages)).toBe(false);
    // An import that binds the name decides, as before.
    expect(isForeignName("torch.load", { torch: "mxnet.contrib.torch" }, packages)).toBe(false);
  });
});

describe("names of third-party traceback frames", () => {
  const repoPaths = ["pytorch_lightning/trainer/trainer.py", "pytorch_lightning/core/lightning.py", "tests/test_trainer.py"];
  const body = [
    "Calling `trainer.fit` fails:",
    "```",
    "Traceback (most recent call last):",
    '  File "/home/u/train.py", line 10, in <module>',
    "    trainer.fit(model)",
    '  File "/opt/conda/lib/python3.8/site-packages/pytorch_lightning/trainer/trainer.py", line 440, in fit',
    "    results = self.accelerator_backend.train_or_test()",
    '  File "/opt/conda/lib/python3.8/site-packages/torch/nn/modules/module.py", line 727, in _call_impl',
    "    result = self.forward_call(*input, **kwargs)",
    '  File "/opt/conda/lib/python3.8/threading.py", line 870, in run',
    "    self._target(*self._args, **self._kwargs)",
    "RuntimeError: boom",
    "```",
  ].join("\n");

  it("parses, per frame, the names only its printed code line gives", () => {
    const parsed = parseIssue("fit fails", body);
    const byFile = Object.fromEntries(parsed.frameOnlyNames.map((f) => [f.file.split("/").pop(), f.names]));
    expect(byFile["module.py"]).toContain("forward_call");
    expect(byFile["trainer.py"]).toContain("train_or_test");
    // `trainer.fit` is also in the prose: not a frame's alone.
    expect(Object.values(byFile).flat()).not.toContain("trainer.fit");
    expect(parsed.identifiers).toContain("forward_call");
  });

  it("calls foreign the names of installed libraries' and the standard library's frames, not the repository's", () => {
    const foreign = namesOfForeignFrames(parseIssue("fit fails", body), repoPaths);
    expect(foreign.has("forward_call")).toBe(true);
    expect(foreign.has("_target")).toBe(true);
    expect(foreign.has("train_or_test")).toBe(false); // printed under the repository's own trainer.py
    expect(foreign.has("fit")).toBe(false);
  });

  it("keeps the names of the project's own installed files that the snapshot no longer holds (moved since)", () => {
    const moved = body.replace("site-packages/pytorch_lightning/trainer/trainer.py", "site-packages/pytorch_lightning/trainer/training_loop.py");
    const foreign = namesOfForeignFrames(parseIssue("fit fails", moved), repoPaths);
    expect(foreign.has("train_or_test")).toBe(false);
    expect(foreign.has("forward_call")).toBe(true);
  });

  it("keeps a name the issue also writes in its title or prose, or as a part of a dotted name", () => {
    expect(namesOfForeignFrames(parseIssue("forward_call raises", body), repoPaths).has("forward_call")).toBe(false);
    const dotted = body.replace("Calling `trainer.fit` fails:", "Calling `trainer.fit` fails in `Module.forward_call`:");
    expect(namesOfForeignFrames(parseIssue("fit fails", dotted), repoPaths).has("forward_call")).toBe(false);
  });

  it("keeps a name that a repository frame prints too", () => {
    const both = body.replace("results = self.accelerator_backend.train_or_test()", "results = self.forward_call(x)");
    expect(namesOfForeignFrames(parseIssue("fit fails", both), repoPaths).has("forward_call")).toBe(false);
  });
});
