import { beforeAll, describe, expect, it } from "@jest/globals";
import { BLIA_PARAMS, blia } from "../../../src/ir/localizers/blia.js";
import { minMax } from "../../../src/ir/scoring.js";
import { ModuleIndex } from "../../../src/ir/signals/module-index.js";
import { stackTraceSignal } from "../../../src/ir/signals/stack-trace.js";
import { structuredVsm } from "../../../src/ir/signals/struct-vsm.js";
import { SourceIndex } from "../../../src/ir/source-index.js";
import { parseIssue } from "../../../src/issue/index.js";
import type { CommitInfo, History } from "../../../src/types.js";
import { pythonTraceback } from "../signals/trace-helpers.js";
import { indexFiles, sourceFile as file } from "../../helpers/source-file.js";

const DAY = 86_400_000;
const CREATED = "2020-03-01T00:00:00Z";
const daysBefore = (d: number) => new Date(Date.parse(CREATED) - d * DAY).toISOString();

/**
 * pkg/core.py and pkg/util.py share words with the issue (loss, scale, train, step); pkg/loader.py defines only
 * `class Batches` and is reached by the traceback through a module-level frame, so none of its fields holds a
 * query term: StructVSM = 0, the minimum, so N(StructVSM) = 0 and BL = 0 there.
 * Traceback, innermost last: loader.py (module level) -> core.py in train_step. Reversed: core rank 1 (ST 1),
 * loader rank 2 (ST 0.5); util.py is imported by core.py (ST 0.1).
 */
describe("blia", () => {
  let index: SourceIndex;
  const issue = {
    title: "loss scale explodes in train step",
    body: pythonTraceback([{ file: "/home/u/proj/pkg/loader.py", line: 1 }, { file: "/home/u/proj/pkg/core.py", line: 4, func: "train_step" }], "RuntimeError: loss is nan"),
    createdAt: CREATED,
  };
  beforeAll(async () => {
    index = await indexFiles([
      file("pkg/core.py", "from pkg import util\n\ndef train_step(loss):\n    return util.scale(loss)\n"),
      file("pkg/util.py", "def scale(loss):\n    # scale the loss\n    return loss * 2\n"),
      file("pkg/loader.py", "class Batches:\n    pass\n"),
    ]);
  });
  const doc = (p: string) => index.pathToDoc.get(p)!;
  const scoresOf = (history?: History) => blia.localize({ index, issue, history }).scores;

  it("uses the Bench4BL settings α = 0.2, β = 0.2, k = 15", () => {
    expect(BLIA_PARAMS).toEqual({ alpha: 0.2, beta: 0.2, k: 15 });
  });

  it("without history scores 0.8·(BL + ST) with BL = 0.8·N(StructVSM), from the parts", () => {
    const n = minMax(structuredVsm(index, issue.title, issue.body));
    const st = stackTraceSignal(index, parseIssue(issue.title, issue.body), new ModuleIndex(index.paths)).scores;
    // The parts this corpus was built for: loader has the lowest StructVSM (N = 0); ST = 1, 0.1, 0.5.
    expect(n[doc("pkg/loader.py")]).toBe(0);
    expect(n[doc("pkg/core.py")]!).toBeGreaterThan(0);
    expect(n[doc("pkg/util.py")]!).toBeGreaterThan(0);
    expect(st[doc("pkg/core.py")]).toBe(1);
    expect(st[doc("pkg/loader.py")]).toBe(0.5);
    expect(st[doc("pkg/util.py")]).toBe(0.1);
    const s = scoresOf();
    // core: 0.8·(0.8·N_core + 1); util: 0.8·(0.8·N_util + 0.1).
    expect(s[doc("pkg/core.py")]).toBeCloseTo(0.8 * (0.8 * n[doc("pkg/core.py")]! + 1), 12);
    expect(s[doc("pkg/util.py")]).toBeCloseTo(0.8 * (0.8 * n[doc("pkg/util.py")]! + 0.1), 12);
    // core has the best StructVSM (N = 1): 0.8·(0.8·1 + 1) = 1.44.
    expect(n[doc("pkg/core.py")]).toBe(1);
    expect(s[doc("pkg/core.py")]).toBeCloseTo(1.44, 12);
  });

  it("scores 0 a file whose BL is 0, even with a trace hit (rank 2, ST 0.5)", () => {
    expect(scoresOf()[doc("pkg/loader.py")]).toBe(0);
    // ... and a recent fix commit does not lift it either.
    const commits: CommitInfo[] = [{ sha: "f1", date: daysBefore(1), message: "Fix loader", files: ["pkg/loader.py"] }];
    expect(scoresOf({ pastFixes: [], commits })[doc("pkg/loader.py")]).toBe(0);
  });

  it("adds β·CommScore for a fix commit 1 day before the report, and nothing for one 20 days before", () => {
    // 1 day: CommScore = 1/(1 + e^(12·(1 − 14/15))) = 1/(1 + e^0.8) ≈ 0.310026 -> +0.2·0.310026 ≈ 0.062005.
    const before = scoresOf();
    const after = scoresOf({
      pastFixes: [],
      commits: [
        { sha: "f1", date: daysBefore(1), message: "Fix loss scaling", files: ["pkg/util.py"] },
        { sha: "f2", date: daysBefore(20), message: "Fix train step", files: ["pkg/core.py"] },
      ],
    });
    expect(after[doc("pkg/util.py")]! - before[doc("pkg/util.py")]!).toBeCloseTo(0.2 / (1 + Math.exp(0.8)), 12);
    expect(after[doc("pkg/util.py")]! - before[doc("pkg/util.py")]!).toBeCloseTo(0.062005, 5);
    expect(after[doc("pkg/core.py")]).toBe(before[doc("pkg/core.py")]);
  });

  it("explains a trace file with its frame and a recently fixed file with its commits", () => {
    const out = blia.localize({ index, issue, history: { pastFixes: [], commits: [{ sha: "f1", date: daysBefore(1), message: "Fix loss scaling", files: ["pkg/util.py"] }] } });
    expect(out.explain(doc("pkg/core.py")).some((e) => e.kind === "traceback")).toBe(true);
    expect(out.explain(doc("pkg/util.py")).some((e) => e.kind === "commit")).toBe(true);
  });
});
