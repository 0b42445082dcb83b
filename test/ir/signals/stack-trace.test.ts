import { beforeAll, describe, expect, it } from "@jest/globals";
import { ModuleIndex } from "../../../src/ir/signals/module-index.js";
import { stackTraceSignal } from "../../../src/ir/signals/stack-trace.js";
import { DocumentCache, SourceIndex } from "../../../src/ir/source-index.js";
import { parseIssue } from "../../../src/issue/index.js";
import { pythonTraceback } from "./trace-helpers.js";
import { indexFiles, sourceFile as file } from "../../helpers/source-file.js";

describe("stackTraceSignal (BLIA's STScore)", () => {
  it("ranks trace files from the innermost frame: 1/rank up to rank 10, then 0.1", () => {
    // Twelve files m/f01.py .. m/f12.py, printed outermost (f01) to innermost (f12), plus m/f11.py once more as
    // the outermost frame. Reversed: f12 rank 1, f11 rank 2 (its outer repeat is ignored), ..., f03 rank 10,
    // f02 rank 11, f01 rank 12. Scores: f12 = 1, f11 = 1/2, f03 = 1/10, and f02 = f01 = 0.1 (not 1/11, 1/12).
    const names = Array.from({ length: 12 }, (_, i) => `m/f${String(i + 1).padStart(2, "0")}.py`);
    const index = SourceIndex.build([...names.map((p) => file(p, "x = 1\n")), file("m/other.py", "y = 2\n")], new DocumentCache());
    const frames = [names[10]!, ...names].map((p) => ({ file: `/home/u/proj/${p}` }));
    const signal = stackTraceSignal(index, parseIssue("crash", pythonTraceback(frames)), new ModuleIndex(index.paths));
    const score = (p: string) => signal.scores[index.pathToDoc.get(p)!];
    const rank = (p: string) => signal.hits.get(index.pathToDoc.get(p)!)?.rank;
    expect(rank("m/f12.py")).toBe(1);
    expect(rank("m/f11.py")).toBe(2);
    expect(rank("m/f03.py")).toBe(10);
    expect(rank("m/f02.py")).toBe(11);
    expect(rank("m/f01.py")).toBe(12);
    expect(score("m/f12.py")).toBe(1);
    expect(score("m/f11.py")).toBe(0.5);
    expect(score("m/f05.py")).toBeCloseTo(1 / 8, 12); // rank 8
    expect(score("m/f03.py")).toBeCloseTo(0.1, 12);
    expect(score("m/f02.py")).toBe(0.1);
    expect(score("m/f01.py")).toBe(0.1);
    expect(score("m/other.py")).toBe(0);
  });

  describe("installed copies and imports", () => {
    let index: SourceIndex;
    beforeAll(async () => {
      index = await indexFiles([
        file("python/mypkg/core.py", "from mypkg import util\nimport mypkg.layers\n\ndef step():\n    pass\n"),
        file("python/mypkg/util.py", "def go():\n    pass\n"),
        file("python/mypkg/layers.py", "x = 1\n"),
        file("python/mypkg/runner.py", "from mypkg import core\n\ndef main():\n    core.step()\n"),
        file("python/mypkg/unrelated.py", "y = 2\n"),
      ]);
    });
    const doc = (p: string) => index.pathToDoc.get(p)!;
    const site = "/opt/conda/lib/python3.8/site-packages";
    const trace = () =>
      pythonTraceback([
        { file: `${site}/mypkg/runner.py`, line: 4, func: "main" },
        { file: `${site}/mypkg/core.py`, line: 5, func: "step" },
        { file: `${site}/torch/nn/functional.py`, line: 10, func: "conv2d" },
      ]);

    it("maps site-packages/<pkg>/ frames back to the repository's package and skips third-party frames", () => {
      // Reversed: torch (third-party, skipped), core.py rank 1, runner.py rank 2.
      const signal = stackTraceSignal(index, parseIssue("crash", trace()), new ModuleIndex(index.paths));
      expect(signal.hits.get(doc("python/mypkg/core.py"))!.rank).toBe(1);
      expect(signal.hits.get(doc("python/mypkg/runner.py"))!.rank).toBe(2);
      expect(signal.scores[doc("python/mypkg/core.py")]).toBe(1);
      expect(signal.scores[doc("python/mypkg/runner.py")]).toBe(0.5);
      expect(signal.thirdPartyPackages).toEqual(["torch"]);
    });

    it("gives 0.1 to files a trace file imports, and nothing to files no trace file imports", () => {
      // core.py imports mypkg.util and mypkg.layers: 0.1 each. runner.py imports mypkg.core, already a trace file (keeps 1).
      const signal = stackTraceSignal(index, parseIssue("crash", trace()), new ModuleIndex(index.paths));
      expect(signal.scores[doc("python/mypkg/util.py")]).toBe(0.1);
      expect(signal.scores[doc("python/mypkg/layers.py")]).toBe(0.1);
      expect(signal.imported.get(doc("python/mypkg/util.py"))).toBe(doc("python/mypkg/core.py"));
      expect(signal.imported.has(doc("python/mypkg/core.py"))).toBe(false);
      expect(signal.scores[doc("python/mypkg/unrelated.py")]).toBe(0);
    });

    it("scores nothing without a traceback", () => {
      const signal = stackTraceSignal(index, parseIssue("crash", "no trace here"), new ModuleIndex(index.paths));
      expect(Array.from(signal.scores).every((s) => s === 0)).toBe(true);
    });
  });
});

describe("traceEvidence", () => {
  it("counts a frame's file from the innermost frame, and calls the last of three or more the outermost", async () => {
    const { traceEvidence } = await import("../../../src/ir/signals/explain-trace.js");
    const names = ["m/run.py", "m/engine.py", "m/loop.py", "m/ops.py"];
    const index = SourceIndex.build(names.map((p) => file(p, "x = 1\n")), new DocumentCache());
    const detail = async (frames: string[], path: string) => {
      const signal = stackTraceSignal(index, parseIssue("crash", pythonTraceback(frames.map((p) => ({ file: `/home/u/proj/${p}` })))), new ModuleIndex(index.paths));
      return traceEvidence(index, signal, index.pathToDoc.get(path)!)[0]?.detail;
    };
    expect(await detail(names, "m/ops.py")).toMatch(/the innermost project frame$/);
    expect(await detail(names, "m/loop.py")).toMatch(/the 2nd project file from the innermost frame$/);
    expect(await detail(names, "m/run.py")).toMatch(/the outermost project frame$/);
    // Of two, the other one is the 2nd: "outermost" would say nothing more.
    expect(await detail(["m/run.py", "m/ops.py"], "m/run.py")).toMatch(/the 2nd project file from the innermost frame$/);
    // A file met again further out (run -> engine -> run -> ops): the last rank, engine, is not where the run started.
    expect(await detail(["m/run.py", "m/engine.py", "m/run.py", "m/ops.py"], "m/engine.py")).toMatch(/the 3rd project file from the innermost frame$/);
    // Of two tracebacks, the last rank is the earlier traceback's innermost file: no "outermost" then.
    const two = pythonTraceback([{ file: "/home/u/proj/m/run.py" }]) + "\n\nThen again:\n\n" + pythonTraceback(names.slice(1).map((p) => ({ file: `/home/u/proj/${p}` })));
    const signal = stackTraceSignal(index, parseIssue("crash", two), new ModuleIndex(index.paths));
    expect(signal.tracebackCount).toBe(2);
    expect(traceEvidence(index, signal, index.pathToDoc.get("m/run.py")!)[0]?.detail).toMatch(/the 4th project file from the innermost frame$/);
  });

  it("counts the project's installed files this commit no longer holds (moved since), and never scores them", async () => {
    const { traceEvidence } = await import("../../../src/ir/signals/explain-trace.js");
    const index = SourceIndex.build([file("m/__init__.py", ""), file("m/search.py", "x = 1\n"), file("m/nn/graph.py", "y = 2\n")], new DocumentCache());
    const installed = (p: string) => ({ file: `/home/u/.local/lib/python3.6/site-packages/${p}` });
    // search.py calls the old m/graph.py (now m/nn/graph.py), which calls m/layer_transformer.py (gone), inside numpy.
    const frames = [installed("m/search.py"), installed("m/graph.py"), installed("m/layer_transformer.py"), installed("numpy/core/x.py")];
    const signal = stackTraceSignal(index, parseIssue("crash", pythonTraceback(frames)), new ModuleIndex(index.paths));
    const search = index.pathToDoc.get("m/search.py")!;
    expect(signal.hits.get(search)).toMatchObject({ rank: 1, unplacedBefore: 2 });
    expect(signal.scores[search]).toBe(1);
    expect(signal.thirdPartyPackages).toEqual(["numpy"]);
    expect(traceEvidence(index, signal, search)[0]?.detail).toMatch(/the 3rd project file from the innermost frame \(2 of those deeper are not in this commit\)$/);
  });
});

describe("ordinal", () => {
  it("writes English ordinals", async () => {
    const { ordinal } = await import("../../../src/ir/signals/explain-trace.js");
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"]);
  });
});
