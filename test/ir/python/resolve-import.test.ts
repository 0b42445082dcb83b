import { describe, expect, it } from "@jest/globals";
import { resolvePythonImport } from "../../../src/ir/python/index.js";

const FILES = new Set([
  "python/mxnet/__init__.py",
  "python/mxnet/base.py",
  "python/mxnet/gluon/__init__.py",
  "python/mxnet/gluon/block.py",
  "python/mxnet/gluon/data/__init__.py",
  "python/mxnet/gluon/data/dataloader.py",
  "tools/launch.py",
]);

describe("resolvePythonImport", () => {
  it("resolves absolute imports under a source folder found on the importer's path", () => {
    expect(resolvePythonImport("mxnet.base", "python/mxnet/gluon/block.py", FILES)).toBe("python/mxnet/base.py");
    expect(resolvePythonImport("mxnet.gluon.data", "python/mxnet/gluon/block.py", FILES)).toBe("python/mxnet/gluon/data/__init__.py");
  });

  it("resolves relative imports against the importer's package", () => {
    expect(resolvePythonImport(".block", "python/mxnet/gluon/data/dataloader.py", FILES)).toBeNull();
    expect(resolvePythonImport("..block", "python/mxnet/gluon/data/dataloader.py", FILES)).toBe("python/mxnet/gluon/block.py");
    expect(resolvePythonImport("...base", "python/mxnet/gluon/data/dataloader.py", FILES)).toBe("python/mxnet/base.py");
    expect(resolvePythonImport(".", "python/mxnet/gluon/block.py", FILES)).toBe("python/mxnet/gluon/__init__.py");
  });

  it("returns null for third-party and stdlib modules and for imports above the root", () => {
    expect(resolvePythonImport("numpy", "python/mxnet/base.py", FILES)).toBeNull();
    expect(resolvePythonImport("os.path", "tools/launch.py", FILES)).toBeNull();
    expect(resolvePythonImport("....x", "tools/launch.py", FILES)).toBeNull();
  });
});
