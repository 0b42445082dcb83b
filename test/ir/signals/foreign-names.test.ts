import { describe, expect, it } from "@jest/globals";
import { isForeignName, repositoryPackages } from "../../../src/ir/signals/foreign-names.js";
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
});
