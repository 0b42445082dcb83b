import type { Metrics } from "./metrics.js";
import type { EvalRun } from "./run-eval.js";

const COLUMNS = ["top1", "top5", "top10", "mrr", "map"] as const;

function cell(m: Metrics | undefined): string {
  if (!m || m.n === 0) return "    -    ";
  return COLUMNS.map((c) => m[c].toFixed(3).replace(/^0/, "")).join("/");
}

/**
 * The evaluation as plain-text tables: one row per slice, one column per localizer, each cell
 * Top@1/Top@5/Top@10/MRR/MAP.
 */
export function formatEvalReport(run: EvalRun, datasetLabel: string): string {
  const ids = Object.keys(run.localizers);
  const rows: [string, string, (id: string) => Metrics | undefined][] = [];
  const first = run.localizers[ids[0]!];
  rows.push(["all", String(first?.all.n ?? 0), (id) => run.localizers[id]!.all]);
  rows.push(["macro (per repo)", String(Object.keys(first?.byRepo ?? {}).length) + " repos", (id) => run.localizers[id]!.macro]);
  for (const repo of Object.keys(first?.byRepo ?? {}).sort()) rows.push([`  ${repo}`, String(first!.byRepo[repo]!.n), (id) => run.localizers[id]!.byRepo[repo]]);
  for (const t of Object.keys(first?.byBugType ?? {}).sort()) rows.push([`type: ${t}`, String(first!.byBugType[t]!.n), (id) => run.localizers[id]!.byBugType[t]]);
  for (const e of ["true", "false"]) {
    const m = first?.byExtrinsic[e];
    if (m) rows.push([e === "true" ? "extrinsic" : "intrinsic", String(m.n), (id) => run.localizers[id]!.byExtrinsic[e]]);
  }
  const labelWidth = Math.max(...rows.map((r) => r[0].length), 10);
  const colWidth = Math.max(...ids.map((id) => id.length), 24);
  const lines: string[] = [];
  lines.push(`dataset: ${datasetLabel}`);
  lines.push(`bugs evaluated: ${run.outcomes.length}, skipped: ${run.skipped.length}`);
  lines.push(`cells: Top@1/Top@5/Top@10/MRR/MAP`);
  lines.push("");
  lines.push(`${"slice".padEnd(labelWidth)}  ${"n".padStart(8)}  ${ids.map((id) => id.padEnd(colWidth)).join("  ")}`);
  for (const [label, n, get] of rows) lines.push(`${label.padEnd(labelWidth)}  ${n.padStart(8)}  ${ids.map((id) => cell(get(id)).padEnd(colWidth)).join("  ")}`);
  lines.push("");
  const seconds = run.elapsedMs / 1000;
  const phases = `bugs ${(run.phasesMs.bugs / 1000).toFixed(1)} s, cross-validation ${(run.phasesMs.crossValidation / 1000).toFixed(1)} s`;
  lines.push(`elapsed: ${seconds.toFixed(1)} s (${phases}), files indexed: ${run.filesIndexed} (${Math.round(run.filesIndexed / Math.max(run.phasesMs.bugs / 1000, 0.001))} files/s)`);
  return lines.join("\n");
}
