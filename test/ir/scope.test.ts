import { describe, expect, it } from "@jest/globals";
import { DEFAULT_MAX_FILE_BYTES, createScope, looksBinary } from "../../src/ir/scope.js";

describe("default scope", () => {
  const scope = createScope();
  const skip = (path: string, size = 100) => scope.reasonToSkip(path, size);

  it("indexes Python sources and the non-code files DL bugs live in, at any depth", () => {
    for (const path of [
      "setup.py",
      "pkg/models/resnet.py",
      "stubs/torch.pyi",
      "requirements.txt",
      "requirements-dev.txt",
      "docs/requirements-docs.txt",
      "setup.cfg",
      "pyproject.toml",
      "environment.yml",
      "configs/train.yaml",
      "configs/model.json",
      "csrc/kernels/softmax.cu",
      "csrc/kernels/softmax.cuh",
      "csrc/ops.cpp",
      "include/ops.h",
      "docker/Dockerfile.gpu",
      "CMakeLists.txt",
      ".github/workflows/ci.yml", // dot folders are matched too
    ])
      expect([path, skip(path)]).toEqual([path, null]);
  });

  it("leaves out what DL bugs are not fixed in", () => {
    for (const path of ["README.md", "docs/index.rst", "LICENSE", "assets/logo.png", "weights/model.pt", "src/app.js", "notes.txt", "notebooks/demo.ipynb"])
      expect([path, skip(path)]).toEqual([path, "excluded"]);
  });

  it("skips vendored code and build output", () => {
    for (const path of ["third_party/cub/cub.cuh", "pkg/vendor/six.py", "node_modules/x/y.json", ".venv/lib/a.py", "venv/lib/a.py", "lib/site-packages/torch/nn.py", "build/lib/pkg/a.py", "dist/pkg/a.py", "pkg/__pycache__/a.py"])
      expect([path, skip(path)]).toEqual([path, "vendored"]);
  });

  it("skips generated files", () => {
    for (const path of ["proto/model_pb2.py", "proto/model_pb2_grpc.py", "package-lock.json", "web/package-lock.json"])
      expect([path, skip(path)]).toEqual([path, "generated"]);
  });

  it("skips files over the size limit, and only those", () => {
    expect(skip("big.py", DEFAULT_MAX_FILE_BYTES)).toBeNull();
    expect(skip("big.py", DEFAULT_MAX_FILE_BYTES + 1)).toBe("too-large");
    expect(createScope({ maxFileBytes: 10 }).reasonToSkip("a.py", 11)).toBe("too-large");
  });

  it("says an excluded file is excluded even when it is large (the cheaper, truer reason)", () => {
    expect(skip("huge.bin", 10 * DEFAULT_MAX_FILE_BYTES)).toBe("excluded");
  });
});

describe("user scope", () => {
  it("replaces the default includes", () => {
    const scope = createScope({ include: ["src/**/*.py"] });
    expect(scope.reasonToSkip("src/pkg/a.py", 1)).toBeNull();
    expect(scope.reasonToSkip("tests/test_a.py", 1)).toBe("excluded");
    expect(scope.reasonToSkip("requirements.txt", 1)).toBe("excluded");
  });

  it("applies excludes after includes", () => {
    const scope = createScope({ exclude: ["**/tests/**", "docs/**"] });
    expect(scope.reasonToSkip("pkg/tests/test_a.py", 1)).toBe("excluded");
    expect(scope.reasonToSkip("docs/conf.py", 1)).toBe("excluded");
    expect(scope.reasonToSkip("pkg/a.py", 1)).toBeNull();
  });

  it("drops the vendored and generated defaults when the user lists excludes, so exclude: [] indexes everything included", () => {
    const all = createScope({ include: ["**/*.py"], exclude: [] });
    expect(all.reasonToSkip("third_party/lib/a.py", 1)).toBeNull();
    expect(all.reasonToSkip("proto/x_pb2.py", 1)).toBeNull();
    expect(createScope({ exclude: ["docs/**"] }).reasonToSkip("third_party/lib/a.py", 1)).toBeNull();
  });

  it("caps the number of files (default 50 000)", () => {
    expect(createScope().maxFiles).toBe(50_000);
    expect(createScope({ maxFiles: 3 }).maxFiles).toBe(3);
  });
});

describe("looksBinary", () => {
  it("finds a NUL byte in the first 8 KiB, as git does", () => {
    expect(looksBinary(Buffer.from("import torch\n"))).toBe(false);
    expect(looksBinary(Buffer.from("héllo wörld ✓", "utf8"))).toBe(false);
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBe(true);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
    const late = Buffer.alloc(9000, 0x61);
    late[8500] = 0;
    expect(looksBinary(late)).toBe(false); // past the window
    late[8000] = 0;
    expect(looksBinary(late)).toBe(true);
  });
});
