import { describe, expect, it } from "@jest/globals";
import { formatEvalReport } from "../../src/eval/format-report.js";
import { summarize, type BugOutcome, type EvalRun } from "../../src/eval/run-eval.js";

const outcome = (id: string, repo: string, ranks: Record<string, (number | null)[]>, bugType: string | null = null, extrinsic: boolean | null = null): BugOutcome => ({
  id,
  repo,
  bugType,
  extrinsic,
  filesIndexed: 100,
  gtFiles: ["a.py"],
  ranks,
  topScores: {},
});

function evalRun(outcomes: BugOutcome[], ids: string[], elapsedMs = 2000): EvalRun {
  return {
    notes: [],
    examples: new Map(),
    outcomes,
    skipped: [{ id: "x/y#9", reason: "repository x/y not found" }],
    elapsedMs,
    phasesMs: { bugs: elapsedMs * 0.75, crossValidation: elapsedMs * 0.25 },
    filesIndexed: 300,
    localizers: Object.fromEntries(ids.map((id) => [id, summarize(outcomes, id)])),
  };
}

describe("formatEvalReport", () => {
  const run = evalRun(
    [outcome("o/a#1", "o/a", { bm25: [1], other: [3] }, "GPU", true), outcome("o/a#2", "o/a", { bm25: [null], other: [1] }), outcome("o/b#1", "o/b", { bm25: [2], other: [20] })],
    ["bm25", "other"],
  );
  const text = formatEvalReport(run, "bugs.jsonl");
  const lines = text.split("\n");
  const cells = (label: string) => lines.find((l) => l.startsWith(label))!.slice(label.length).trim().split(/\s{2,}/);

  it("heads the report with the dataset, counts and the meaning of a cell", () => {
    expect(lines.slice(0, 3)).toEqual(["dataset: bugs.jsonl", "bugs evaluated: 3, skipped: 1", "cells: Top@1/Top@5/Top@10/MRR/MAP"]);
    expect(lines.find((l) => l.startsWith("slice"))).toMatch(/^slice\s+n\s+bm25\s+other\s*$/);
  });

  it("gives one column per localizer, with leading zeros dropped", () => {
    // bm25: ranks 1, -, 2 -> top1 1/3, top5 2/3, MRR (1 + 0 + 1/2)/3 = .5; other: 3, 1, 20 -> top1 1/3, top5 2/3, top10 2/3,
    // MRR (1/3 + 1 + 1/20)/3 = .461
    expect(cells("all")).toEqual(["3", ".333/.667/.667/.500/.500", ".333/.667/.667/.461/.461"]);
    // Macro: o/a and o/b weigh the same. bm25: o/a top1 .5, top5 .5, MRR .5; o/b top1 0, top5 1, MRR .5
    // -> .25/.75/.75/.5/.5. other: o/a top1 .5, top5 1, MRR (1/3 + 1)/2; o/b all 0 but MRR 1/20
    // -> .25/.5/.5/(.667 + .05)/2 = .358.
    expect(cells("macro (per repo)")).toEqual(["2 repos", ".250/.750/.750/.500/.500", ".250/.500/.500/.358/.358"]);
    expect(cells("  o/a")).toEqual(["2", ".500/.500/.500/.500/.500", ".500/1.000/1.000/.667/.667"]);
    expect(cells("type: GPU")).toEqual(["1", "1.000/1.000/1.000/1.000/1.000", ".000/1.000/1.000/.333/.333"]);
    expect(cells("extrinsic")).toEqual(["1", "1.000/1.000/1.000/1.000/1.000", ".000/1.000/1.000/.333/.333"]);
  });

  it("leaves out slices nobody is labelled for, and ends with the elapsed time, its phases and the indexing rate", () => {
    expect(lines.some((l) => l.startsWith("intrinsic"))).toBe(false);
    // Files per second of the bugs' phase, where they are indexed.
    expect(lines[lines.length - 1]).toBe("elapsed: 2.0 s (bugs 1.5 s, cross-validation 0.5 s), files indexed: 300 (200 files/s)");
  });
});
