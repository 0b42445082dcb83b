import { writeFile } from "node:fs/promises";
import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { readDataset, type BenchmarkBug } from "../eval/dataset.js";
import { loadRankerModel } from "../ir/learn/ranker-model.js";
import type { LinearModel } from "../ir/learn/listwise.js";
import { benchmarkHistoryProvider } from "../eval/benchmark-history.js";
import { formatEvalReport } from "../eval/format-report.js";
import { runEval } from "../eval/run-eval.js";
import { getLocalizer } from "../ir/localizers/registry.js";
import { isLearned } from "../ir/localizers/learned.js";
import { parseOptions, positiveInt } from "./parse-options.js";
import { UsageError } from "./usage-error.js";
import type { CliIo } from "./io.js";

export const EVAL_USAGE = `mltriage eval --dataset <jsonl> --git-root <folder> [--localizers a,b] [--limit N] [--repo owner/name] [--held-out] [--json out.json]`;

/** `mltriage eval`: ranking accuracy of the localizers on a benchmark of real bugs. */
export async function evalCommand(argv: string[], io: CliIo): Promise<number> {
  const o = parseOptions(argv, {
    dataset: { type: "string" },
    "git-root": { type: "string" },
    localizers: { type: "string" },
    limit: { type: "string" },
    repo: { type: "string" },
    json: { type: "string" },
    "held-out": { type: "boolean" },
  });
  if (!o.dataset) throw new UsageError("--dataset is required");
  if (!o["git-root"]) throw new UsageError("--git-root is required");
  const gitRoot = o["git-root"];
  if (!(await stat(gitRoot).then((s) => s.isDirectory(), () => false))) throw new UsageError(`--git-root ${gitRoot} is not a folder`);
  const localizers = (o.localizers ?? "all").split(",").map((s) => s.trim()).filter(Boolean);
  const { LOCALIZERS } = await import("../ir/localizers/registry.js");
  const ids = localizers.includes("all") ? ["default", ...LOCALIZERS.keys()] : localizers;
  for (const id of ids) {
    try {
      getLocalizer(id);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  const limit = positiveInt(o.limit, "limit");
  // Checked before the run, which can take minutes: a --json path in a missing folder must not fail at the end.
  if (o.json && !(await stat(dirname(o.json)).then((s) => s.isDirectory(), () => false))) throw new UsageError(`--json ${o.json}: folder ${dirname(o.json)} does not exist`);

  let dataset;
  try {
    dataset = await readDataset(o.dataset);
  } catch (err) {
    throw new UsageError(`cannot read dataset ${o.dataset}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  for (const p of dataset.problems) io.stderr(`${o.dataset}:${p.line}: skipped: ${p.message}`);
  let bugs = dataset.bugs;
  if (o.repo) bugs = bugs.filter((b) => b.repo === o.repo);
  if (limit !== undefined) bugs = bugs.slice(0, limit);
  if (bugs.length === 0) throw new UsageError(o.repo ? `no bug of ${o.repo} in ${o.dataset}` : `no bug in ${o.dataset}`);

  const heldOutModel = o["held-out"] && ids.some((id) => isLearned(getLocalizer(id))) ? shippedModelFor(bugs) : undefined;
  const history = benchmarkHistoryProvider(dataset.bugs);
  const run = await runEval({
    bugs,
    gitRoot,
    localizers: ids,
    history,
    heldOutModel,
    localizabilityOf: ids.includes("default") ? "default" : ids[0],
    onProgress: io.isTty
      ? (done, total, id) => io.progress(`[${done}/${total}] ${id}`)
      : undefined,
  });
  io.progress("");
  for (const s of run.skipped) io.stderr(`skipped ${s.id}: ${s.reason}`);
  for (const note of run.notes) io.stderr(`note: ${note}`);
  io.stdout(formatEvalReport(run, o.dataset));
  if (o.json) {
    const report = {
      dataset: o.dataset,
      bugs: run.outcomes.length,
      elapsedMs: Math.round(run.elapsedMs),
      filesIndexed: run.filesIndexed,
      skipped: run.skipped,
      localizers: run.localizers,
      perBug: run.outcomes,
    };
    try {
      await writeFile(o.json, JSON.stringify(report, null, 1) + "\n");
    } catch (err) {
      io.stderr(`mltriage eval: cannot write --json ${o.json}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return 1;
    }
    io.stderr(`wrote ${o.json}`);
  }
  return run.outcomes.length > 0 ? 0 : 1;
}

/**
 * `--held-out`: the shipped ranker, the one `triage` uses, scores the learned localizers. Refused when the dataset
 * holds a repository the ranker was trained on: its figures there would be in-sample.
 */
function shippedModelFor(bugs: readonly BenchmarkBug[]): { model: LinearModel; name: string } {
  const model = loadRankerModel();
  // By name too, in any case: a renamed repository (apache/incubator-mxnet, PyTorchLightning/pytorch-lightning) is
  // the same code.
  const nameOf = (repo: string) => (repo.split("/")[1] ?? repo).toLowerCase().replace(/^incubator-/, "");
  const seen = new Set(model.trainedOn.repositories.flatMap((r) => [r.toLowerCase(), nameOf(r)]));
  const overlap = [...new Set(bugs.map((b) => b.repo))].filter((r) => seen.has(r.toLowerCase()) || seen.has(nameOf(r)));
  if (overlap.length > 0) {
    throw new UsageError(`--held-out: the shipped ranker was trained on ${overlap.join(", ")}; leave --held-out out to score them by cross-validation`);
  }
  return { model, name: `the shipped ranker (trained on ${model.trainedOn.bugs} bugs of ${model.trainedOn.repositories.length} repositories, ${model.createdAt.slice(0, 10)})` };
}
