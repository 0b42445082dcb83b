import { beforeAll, describe, expect, it } from "@jest/globals";
import { snakeCase, testedNameMatches } from "../../../src/ir/signals/tested-names.js";
import { SourceIndex } from "../../../src/ir/source-index.js";
import { indexFiles, sourceFile as file } from "../../helpers/source-file.js";

describe("testedNameMatches", () => {
  let index: SourceIndex;
  beforeAll(async () => {
    index = await indexFiles([
      file("tests/test_operator.py", "def test_where_broadcast():\n    pass\n\ndef test_topk():\n    pass\n"),
      file("tests/test_ndarray.py", "def test_topk():\n    pass\n\ndef test_elsewhere():\n    pass\n"),
      file("tests/test_misc.py", "def test_init():\n    pass\n\ndef helper_where():\n    pass\n"),
      file("pkg/ops.py", "def where():\n    pass\n\ndef topk():\n    pass\n"),
    ]);
  });
  const doc = (p: string) => index.pathToDoc.get(p)!;

  it("adds log(1 + N/df) per issue name that a file's test functions are named after, on word boundaries", () => {
    // N = 4. `where`: test_where_broadcast in test_operator.py only (test_elsewhere does not count: no word
    // boundary; helper_where is not a test) -> ln 5. `topk`: test_topk in two files -> ln 3 each.
    const { scores, matches } = testedNameMatches(index, ["mx.sym.where", "mx.nd.topk"]);
    expect(scores[doc("tests/test_operator.py")]).toBeCloseTo(Math.log(5) + Math.log(3), 12);
    expect(scores[doc("tests/test_ndarray.py")]).toBeCloseTo(Math.log(3), 12);
    expect(scores[doc("tests/test_misc.py")]).toBe(0);
    expect(scores[doc("pkg/ops.py")]).toBe(0); // defines the names but tests nothing
    expect(matches.get(doc("tests/test_operator.py"))).toEqual({ name: "test_where_broadcast", line: 1, tested: "where", files: 1 });
  });

  it("weighs a name by how specific it is to the repository's code: `size` written everywhere counts less than `topk`", async () => {
    // N = 6. `size` is an identifier of all four modules: idf ln(1 + 6/4) against ln(1 + 6/1) for a word in one
    // file, so it weighs ln 2.5 / ln 7 of its test-file rarity; `topk` no module writes (weight 1).
    const local = await indexFiles([
      file("tests/test_a.py", "def test_size_array():\n    pass\n"),
      file("tests/test_b.py", "def test_topk_large():\n    pass\n"),
      ...[1, 2, 3, 4].map((i) => file(`pkg/m${i}.py`, "def f(x):\n    return x.size\n")),
    ]);
    const { scores } = testedNameMatches(local, ["x.size", "nd.topk"]);
    const at = (p: string) => scores[local.pathToDoc.get(p)!]!;
    expect(at("tests/test_b.py")).toBeCloseTo(Math.log(7), 12);
    expect(at("tests/test_a.py")).toBeCloseTo((Math.log(7) * Math.log(2.5)) / Math.log(7), 12);
  });

  it("ignores short and generic names", () => {
    const { scores } = testedNameMatches(index, ["init", "nd", "torch.nn.Module.forward"]);
    expect(Array.from(scores).every((s) => s === 0)).toBe(true);
  });

  it("counts only test files, and not the project's own name that its tests are all named after", async () => {
    const index = await indexFiles([
      file("setup.py", "def test_compile(build_ext):\n    pass\n"),
      file("test/test_mxnet.py", "def test_horovod_allreduce():\n    pass\n\ndef test_horovod_allgather():\n    pass\n"),
      file("horovod/mxnet/mpi_ops.py", "def allgather(tensor):\n    pass\n"),
    ]);
    const at = (p: string) => index.pathToDoc.get(p)!;
    expect(testedNameMatches(index, ["model.compile"]).scores[at("setup.py")]).toBe(0);
    const { matches } = testedNameMatches(index, ["horovod.mxnet.allgather"], new Set(["horovod"]));
    expect(matches.get(at("test/test_mxnet.py"))).toMatchObject({ name: "test_horovod_allgather", tested: "allgather" });
    expect(testedNameMatches(index, ["horovod.init"], new Set(["horovod"])).scores[at("test/test_mxnet.py")]).toBe(0);
  });
});

describe("snakeCase", () => {
  it("writes class names the way test functions name them", () => {
    expect(snakeCase("ModelCheckpoint")).toBe("model_checkpoint");
    expect(snakeCase("ReduceLROnPlateau")).toBe("reduce_lr_on_plateau");
    expect(snakeCase("topk")).toBe("topk");
    expect(snakeCase("load_spawn_weights")).toBe("load_spawn_weights");
  });

  it("lets a class name find the snake_case tests of that class", async () => {
    const index = await indexFiles([file("tests/test_callbacks.py", "def test_model_checkpoint_options():\n    pass\n"), file("tests/test_other.py", "def test_model():\n    pass\n")]);
    const { scores } = testedNameMatches(index, ["ModelCheckpoint"]);
    expect(scores[index.pathToDoc.get("tests/test_callbacks.py")!]).toBeGreaterThan(0);
    expect(scores[index.pathToDoc.get("tests/test_other.py")!]).toBe(0);
  });

  it("quotes the name as the issue writes it, not the key it was matched by", async () => {
    const index = await indexFiles([file("tests/test_ekf.py", "def test_EKFState_with_NcpContinuous():\n    pass\n"), file("pkg/x.py", "x = 1\n")]);
    const { matches } = testedNameMatches(index, ["dist.EKFState"]);
    expect(matches.get(index.pathToDoc.get("tests/test_ekf.py")!)?.tested).toBe("EKFState");
  });
});
