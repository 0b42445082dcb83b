import { beforeAll, describe, expect, it } from "@jest/globals";
import { parseIssue } from "../../../src/issue/index.js";
import { computeFeatures, FEATURE_COUNT, FEATURE_NAMES } from "../../../src/ir/localizers/features.js";
import { createLearnedLocalizer } from "../../../src/ir/localizers/learned.js";
import { scoreWithModel, type RankerModel } from "../../../src/ir/learn/ranker-model.js";
import { SourceIndex } from "../../../src/ir/source-index.js";
import { pythonTraceback } from "../signals/trace-helpers.js";
import { indexFiles, sourceFile as file } from "../../helpers/source-file.js";

describe("computeFeatures", () => {
  let index: SourceIndex;
  // Traceback: pkg/cli.py (outer) -> pkg/core.py (innermost repository frame) -> torch (third-party, innermost).
  // The text also names pkg/data.py.
  const issue = {
    title: "crash when training",
    body: `While loading with pkg/data.py:\n\n${pythonTraceback([
      { file: "/home/u/proj/pkg/cli.py", line: 3, func: "main" },
      { file: "/home/u/proj/pkg/core.py", line: 2, func: "run" },
      { file: "/opt/conda/lib/python3.8/site-packages/torch/nn/functional.py", line: 9, func: "conv2d" },
    ])}`,
    createdAt: "2020-03-01T00:00:00Z",
  };
  beforeAll(async () => {
    index = await indexFiles([
      file("pkg/cli.py", "from pkg import core\n\ndef main():\n    core.run()\n"),
      file("pkg/core.py", "def run():\n    pass\n"),
      file("pkg/data.py", "def load():\n    pass\n"),
      file("pkg/model.py", "class Net:\n    pass\n"),
      file("tests/test_x.py", "def test_x():\n    pass\n"),
    ]);
  });
  const value = (m: Float32Array, path: string, feature: (typeof FEATURE_NAMES)[number]) => m[index.pathToDoc.get(path)! * FEATURE_COUNT + FEATURE_NAMES.indexOf(feature)];

  it("builds one row of FEATURE_COUNT values per file, every value finite and in [0, 1]", () => {
    const f = computeFeatures({ index, issue });
    expect(f.docCount).toBe(5);
    expect(f.matrix).toHaveLength(5 * FEATURE_COUNT);
    expect(Array.from(f.matrix).every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
  });

  it("sets trace = 1 for the innermost repository frame's file and 1/2 for the next one", () => {
    const { matrix } = computeFeatures({ index, issue });
    expect(value(matrix, "pkg/core.py", "trace")).toBe(1);
    expect(value(matrix, "pkg/cli.py", "trace")).toBe(0.5);
    expect(value(matrix, "pkg/model.py", "trace")).toBe(0);
  });

  it("sets mentioned = 1 for a file the issue names, 0 for the others", () => {
    const { matrix } = computeFeatures({ index, issue });
    expect(value(matrix, "pkg/data.py", "mentioned")).toBe(1);
    expect(value(matrix, "pkg/model.py", "mentioned")).toBe(0);
  });

  it("carries the line the issue cites a file at into the file's 'named in the issue' evidence", () => {
    const { explain } = computeFeatures({ index, issue: { title: "load fails", body: "It breaks in pkg/data.py:2 every time, see pkg/model.py." } });
    expect(explain(index.pathToDoc.get("pkg/data.py")!)).toContainEqual(expect.objectContaining({ kind: "path", line: 2 }));
    expect(explain(index.pathToDoc.get("pkg/model.py")!).find((e) => e.kind === "path")?.line).toBeUndefined();
  });

  it("does not look up the classes the issue's own code defines as the repository's definitions, but its functions", async () => {
    const defs = await indexFiles([
      file("tests/models.py", "class TestModel:\n    pass\n"),
      file("pkg/hooks.py", "def _run_sanity_check(batch):\n    pass\n"),
      file("pkg/trainer.py", "class Trainer:\n    pass\n"),
    ]);
    const at = (m: Float32Array, path: string) => m[defs.pathToDoc.get(path)! * FEATURE_COUNT + FEATURE_NAMES.indexOf("definitions")];
    // The reporter's own model class, and the repository's function pasted to point at the bug.
    const body =
      "```python\nclass TestModel(Module):\n    pass\n\ntrainer = Trainer()\ntrainer.fit(TestModel())\n```\n" +
      "It fails here:\n```python\ndef _run_sanity_check(batch):\n    return batch[0]\n```";
    const { matrix } = computeFeatures({ index: defs, issue: { title: "fit crashes", body } });
    expect(at(matrix, "tests/models.py")).toBe(0);
    expect(at(matrix, "pkg/trainer.py")).toBeGreaterThan(0);
    expect(at(matrix, "pkg/hooks.py")).toBeGreaterThan(0);
  });

  it("looks up no definition or test of a name the issue's imports bind to another library", async () => {
    const defs = await indexFiles([file("pkg/random.py", "def rand():\n    pass\n"), file("tests/test_random.py", "def test_rand():\n    pass\n"), file("pkg/core.py", "x = 1\n")]);
    const at = (m: Float32Array, path: string, f: (typeof FEATURE_NAMES)[number]) => m[defs.pathToDoc.get(path)! * FEATURE_COUNT + FEATURE_NAMES.indexOf(f)];
    const call = "x = np.random.rand(3)\ny = x.sum()\n```";
    const foreign = computeFeatures({ index: defs, issue: { title: "rand is wrong", body: "```python\nimport numpy as np\n" + call } }).matrix;
    const ours = computeFeatures({ index: defs, issue: { title: "rand is wrong", body: "```python\nfrom pkg import np\n" + call } }).matrix;
    expect(at(foreign, "pkg/random.py", "definitions")).toBe(0);
    expect(at(foreign, "tests/test_random.py", "testedNames")).toBe(0);
    expect(at(ours, "pkg/random.py", "definitions")).toBeGreaterThan(0);
    expect(at(ours, "tests/test_random.py", "testedNames")).toBeGreaterThan(0);
  });

  it("looks up no definition of a name only an installed library's traceback frame prints", async () => {
    const defs = await indexFiles([file("pkg/hooks.py", "def forward_call(x):\n    pass\n"), file("pkg/trainer.py", "def fit(model):\n    pass\n")]);
    const at = (m: Float32Array, path: string) => m[defs.pathToDoc.get(path)! * FEATURE_COUNT + FEATURE_NAMES.indexOf("definitions")];
    const trace = (frameFile: string) =>
      "```\nTraceback (most recent call last):\n" +
      '  File "/venv/lib/python3.8/site-packages/pkg/trainer.py", line 1, in fit\n    model.step()\n' +
      `  File "${frameFile}", line 727, in _call_impl\n    result = forward_call(*input)\nRuntimeError: boom\n\`\`\``;
    const torchFrame = computeFeatures({ index: defs, issue: { title: "fit crashes", body: trace("/venv/lib/python3.8/site-packages/torch/nn/modules/module.py") } }).matrix;
    const ownFrame = computeFeatures({ index: defs, issue: { title: "fit crashes", body: trace("/venv/lib/python3.8/site-packages/pkg/hooks.py") } }).matrix;
    expect(at(torchFrame, "pkg/hooks.py")).toBe(0);
    expect(at(ownFrame, "pkg/hooks.py")).toBeGreaterThan(0);
  });

  it("sets isTest for tests/test_x.py only", () => {
    const { matrix } = computeFeatures({ index, issue });
    expect(index.paths.map((p) => value(matrix, p, "isTest"))).toEqual(index.paths.map((p) => (p === "tests/test_x.py" ? 1 : 0)));
  });

  it("marks example, docs and benchmark scripts, and flags them as asked for only when the issue speaks of an example", async () => {
    const scripts = await indexFiles([file("pkg/core.py", "def run():\n    pass\n"), file("examples/mnist.py", "run()\n"), file("docs/conf.py", "x = 1\n"), file("pl_examples/gan.py", "run()\n")]);
    const at = (m: Float32Array, path: string, feature: (typeof FEATURE_NAMES)[number]) => m[scripts.pathToDoc.get(path)! * FEATURE_COUNT + FEATURE_NAMES.indexOf(feature)];
    const plain = computeFeatures({ index: scripts, issue: { title: "run crashes", body: "it fails" } }).matrix;
    const asked = computeFeatures({ index: scripts, issue: { title: "run crashes in the MNIST example", body: "it fails" } }).matrix;
    expect(scripts.paths.map((p) => at(plain, p, "isExample"))).toEqual(scripts.paths.map((p) => (p === "pkg/core.py" ? 0 : 1)));
    expect(scripts.paths.map((p) => at(plain, p, "exampleAsked"))).toEqual([0, 0, 0, 0]);
    expect(scripts.paths.map((p) => at(asked, p, "exampleAsked"))).toEqual(scripts.paths.map((p) => (p === "pkg/core.py" ? 0 : 1)));
  });

  it("matches definitions of names the title writes as plain words, apart from the code's own names", async () => {
    const defs = await indexFiles([file("pkg/callbacks.py", "class ModelCheckpoint:\n    pass\n"), file("pkg/loops.py", "def fit_loop():\n    pass\n")]);
    const at = (m: Float32Array, path: string, feature: (typeof FEATURE_NAMES)[number]) => m[defs.pathToDoc.get(path)! * FEATURE_COUNT + FEATURE_NAMES.indexOf(feature)];
    const { matrix } = computeFeatures({ index: defs, issue: { title: "ModelCheckpoint deletes my folder", body: "It happens after fit." } });
    expect(at(matrix, "pkg/callbacks.py", "proseDefinitions")).toBe(1);
    expect(at(matrix, "pkg/loops.py", "proseDefinitions")).toBe(0);
    expect(at(matrix, "pkg/callbacks.py", "definitions")).toBe(0); // not in code: only the prose column
  });

  it("credits test files named after the issue's APIs, not after the variables of the reporter's script", async () => {
    const tests = await indexFiles([
      file("pkg/ops.py", "def topk(x, k):\n    return x\n"),
      file("tests/test_ops.py", "def test_topk_axis():\n    pass\n"),
      file("tests/test_io.py", "def test_images_roundtrip():\n    pass\n"),
      file("tests/test_misc.py", "def test_clip_grad():\n    pass\n"),
    ]);
    const at = (m: Float32Array, path: string) => m[tests.pathToDoc.get(path)! * FEATURE_COUNT + FEATURE_NAMES.indexOf("testedNames")];
    // `topk` is defined by the repository; `images` is only the script's variable; `clip_grad` is marked as code inline.
    const body = "Calling `clip_grad` first does not help.\n\n```python\nimages = load()\nout = topk(images, 3)\n```\n";
    const { matrix } = computeFeatures({ index: tests, issue: { title: "wrong result", body } });
    expect(at(matrix, "tests/test_ops.py")).toBeGreaterThan(0);
    expect(at(matrix, "tests/test_misc.py")).toBeGreaterThan(0);
    expect(at(matrix, "tests/test_io.py")).toBe(0);
  });

  it("says in how many test files a tested name occurs, so a common name reads as weak evidence", async () => {
    const tests = await indexFiles([
      file("pkg/ops.py", "def topk(x, k):\n    return x\n\ndef where(c):\n    return c\n"),
      file("tests/test_ops.py", "def test_topk_axis():\n    pass\n\ndef test_where_grad():\n    pass\n"),
      file("tests/test_more.py", "def test_topk_values():\n    pass\n"),
    ]);
    const f = computeFeatures({ index: tests, issue: { title: "wrong result", body: "```python\ny = topk(x, 3)\nz = where(y)\n```\n" } });
    const detail = (path: string) => f.explain(tests.pathToDoc.get(path)!).find((e) => e.kind === "tested-name")?.detail;
    // `where` is tested in one file (the rarer name wins the evidence line); `topk` alone in tests/test_more.py is in two.
    expect(detail("tests/test_ops.py")).toBe("`where` in `test_where_grad`");
    expect(detail("tests/test_more.py")).toBe("`topk` in `test_topk_values` (one of 2 test files that test it)");
  });

  it("says how many files define the leading name, so a name every module defines reads as weak evidence", async () => {
    const blocks = await indexFiles([
      ...[1, 2, 3].map((i) => file(`pkg/block${i}.py`, "class Block:\n    def hybrid_forward(self, F, x):\n        return x\n")),
      file("pkg/indexing.py", "class IntegerIndexing:\n    def hybrid_forward(self, F, x):\n        return x[0]\n"),
    ]);
    const f = computeFeatures({ index: blocks, issue: { title: "indexing", body: "```python\nnet = IntegerIndexing(-1)\nnet.hybrid_forward(F, x)\n```\n" } });
    const detail = (path: string) => f.explain(blocks.pathToDoc.get(path)!).find((e) => e.kind === "identifier")?.detail;
    expect(detail("pkg/indexing.py")).toBe("defines `IntegerIndexing`, `hybrid_forward` (line 2)");
    expect(detail("pkg/block1.py")).toBe("defines `hybrid_forward` (one of 4 files that define it)");
  });

  it("says where each defined name is when they are on different lines, the link's line being the first's", async () => {
    const defs = await indexFiles([file("pkg/image.py", "class Image:\n    pass\n\n\nclass ScalarImage(Image):\n    pass\n")]);
    const f = computeFeatures({ index: defs, issue: { title: "resample", body: "```python\nimg = ScalarImage('a.nii')\nImage.load(img)\n```\n" } });
    const evidence = f.explain(defs.pathToDoc.get("pkg/image.py")!).find((e) => e.kind === "identifier")!;
    expect(evidence.line).toBeDefined();
    const other = evidence.line === 1 ? "`ScalarImage` (line 5)" : "`Image` (line 1)";
    expect(evidence.detail).toContain(other);
    expect(evidence.detail).not.toContain(`(line ${evidence.line})`);
  });

  it("uses the parsed issue it is given instead of parsing the text again", () => {
    const other = parseIssue("see pkg/model.py", "");
    const { matrix, parsed } = computeFeatures({ index, issue, parsed: other });
    expect(parsed).toBe(other);
    expect(value(matrix, "pkg/model.py", "mentioned")).toBe(1);
    expect(value(matrix, "pkg/data.py", "mentioned")).toBe(0);
  });

  it("leaves the history features at 0 without history", () => {
    const { matrix } = computeFeatures({ index, issue });
    for (const p of index.paths) for (const f of ["similarReports", "fixCount", "fixRecency", "recentFixCommits", "similarCommits", "cochange"] as const) expect(value(matrix, p, f)).toBe(0);
  });

  it("calls a file named by compiler errors 'in the error output', not a traceback frame", async () => {
    const native = await indexFiles([file("src/op/conv.cu", "void Conv() {\n  int param_ = 0;\n}\n"), file("pkg/core.py", "def run():\n    pass\n")]);
    const report = {
      title: "compiling error when USE_CUDA=1",
      body: 'Error Message:\n\nsrc/op/conv.cu(93): error: identifier "param_" is undefined\nsrc/op/conv.cu(171): error: identifier "param_" is undefined\n',
    };
    const f = computeFeatures({ index: native, issue: report });
    const evidence = f.explain(native.pathToDoc.get("src/op/conv.cu")!);
    expect(evidence.find((e) => e.kind === "error-location")).toMatchObject({ detail: "the last project file it names", line: 171 });
    expect(evidence.some((e) => e.kind === "traceback")).toBe(false);
    // A Python traceback's file is still a frame of it.
    const python = computeFeatures({ index, issue }).explain(index.pathToDoc.get("pkg/core.py")!);
    expect(python.find((e) => e.kind === "traceback")?.detail).toBe("`run`, the innermost project frame");
  });

  it("calls a Python file named by a warning's `file:line:` line 'in the error output', not a traceback (gluon-nlp#1218)", async () => {
    const scripts = await indexFiles([file("ci/submit-job.py", "import re\n\nname = re.sub('[^A-Za-z0-9_\\-]', '', n)\n"), file("pkg/core.py", "def run():\n    pass\n")]);
    const report = {
      title: "Deprecation warning due to invalid escape sequences",
      body: "```\n./ci/submit-job.py:3: DeprecationWarning: invalid escape sequence \\-\n  name = re.sub('[^A-Za-z0-9_\\-]', '', n)\n```\n",
    };
    const evidence = computeFeatures({ index: scripts, issue: report }).explain(scripts.pathToDoc.get("ci/submit-job.py")!);
    expect(evidence.find((e) => e.kind === "error-location")).toMatchObject({ detail: "the last project file it names", line: 3 });
    expect(evidence.some((e) => e.kind === "traceback")).toBe(false);
  });

  it("quotes a long similar commit's subject cut at a word with an ellipsis, never inside a URL", () => {
    const message = "Fix crash when training in run, re-enabled after the issue https://github.com/octo/proj/issues/12345 was fixed\n\nbody";
    const commits = [
      { sha: "a".repeat(40), date: "2020-01-01T00:00:00Z", message, files: ["pkg/core.py"] },
      // A second, unrelated message, so that the words of the first are rarer than the average (idf > 0).
      { sha: "b".repeat(40), date: "2020-01-02T00:00:00Z", message: "Update readme", files: ["pkg/model.py"] },
    ];
    const history = { pastFixes: [], commits };
    const f = computeFeatures({ index, issue, history });
    const quote = f.explain(index.pathToDoc.get("pkg/core.py")!).find((e) => e.kind === "commit" && e.detail.startsWith("a similar past change"));
    expect(quote?.detail).toBe('a similar past change aaaaaaa "Fix crash when training in run, re-enabled after the issue…" touched it');
    // A file a fix commit changed is "changed by an earlier fix": it may be the fix's test, not itself a broken file.
    expect(f.explain(index.pathToDoc.get("pkg/core.py")!).map((e) => e.detail)).toContain("changed by an earlier fix");
  });
});

describe("computeFeatures evidence of a change the issue names by number", () => {
  it("calls a similar past change whose subject carries a pull request the issue names what it is", async () => {
    const index = await indexFiles([file("pkg/core.py", "def run():\n    pass\n"), file("pkg/model.py", "x = 1\n")]);
    const commits = [
      { sha: "a".repeat(40), date: "2020-01-01T00:00:00Z", message: "Make run faster in core (#17734)", files: ["pkg/core.py"] },
      { sha: "b".repeat(40), date: "2020-01-02T00:00:00Z", message: "Update readme", files: ["pkg/model.py"] },
    ];
    const issue = { title: "run is slower in core", body: "Since #17734 run in core takes twice as long." };
    const f = computeFeatures({ index, issue, history: { pastFixes: [], commits } });
    const said = f.explain(index.pathToDoc.get("pkg/core.py")!).map((e) => e.detail);
    expect(said).toContain('the change the issue names (#17734) aaaaaaa "Make run faster in core (#17734)" touched it');
    const plain = computeFeatures({ index, issue: { ...issue, body: "run in core takes twice as long." }, history: { pastFixes: [], commits } });
    expect(plain.explain(index.pathToDoc.get("pkg/core.py")!).map((e) => e.detail).some((d) => d.startsWith("a similar past change aaaaaaa"))).toBe(true);
  });
});

describe("learned localizer", () => {
  it("scores with the model it is given: the softmax of θ·x over the computed features", async () => {
    const index = await indexFiles([file("pkg/a.py", "def run():\n    pass\n"), file("pkg/b.py", "def stop():\n    pass\n")]);
    const weights = new Array<number>(FEATURE_COUNT).fill(0);
    weights[FEATURE_NAMES.indexOf("mentioned")] = 3;
    const model = { weights, bias: 0 } as unknown as RankerModel;
    const learned = createLearnedLocalizer(() => model);
    const input = { index, issue: { title: "it breaks", body: "pkg/b.py fails" } };
    const { scores } = learned.localize(input);
    const features = computeFeatures(input);
    expect(Array.from(scores)).toEqual(Array.from(scoreWithModel(model, features.matrix, features.docCount)));
    // pkg/b.py is mentioned (θ·x = 3), pkg/a.py is not (0): e³ / (e³ + 1) ≈ 0.952574.
    expect(scores[index.pathToDoc.get("pkg/b.py")!]).toBeCloseTo(Math.exp(3) / (Math.exp(3) + 1), 6);
  });
});
