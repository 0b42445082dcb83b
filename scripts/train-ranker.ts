/**
 * Trains the learned ranker on a localization benchmark and writes the shipped model file.
 *
 *   tsx scripts/train-ranker.ts --dataset <localization.jsonl> --git-root <folder of bare clones> --out models/ranker.json
 *
 * Deterministic: the same data and code give the same weights. The model records the dataset's SHA-256, the
 * bugs and repositories it saw, and the code's commit. Only this script reads the benchmark; the product reads
 * the model file.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { codeCommit } from "./code-commit.js";
import { benchmarkHistoryProvider } from "../src/eval/benchmark-history.js";
import { readDataset } from "../src/eval/dataset.js";
import { runEval } from "../src/eval/run-eval.js";
import { FEATURE_NAMES } from "../src/ir/localizers/features.js";
import { LAMBDARANK_DEFAULTS } from "../src/ir/learn/lambdarank.js";
import { RANKER_LAMBDA, trainRanker, type RankerModel } from "../src/ir/learn/ranker-model.js";

const { values } = parseArgs({ options: { dataset: { type: "string" }, "git-root": { type: "string" }, out: { type: "string" } } });
if (!values.dataset || !values["git-root"] || !values.out) {
  console.error("usage: tsx scripts/train-ranker.ts --dataset <jsonl> --git-root <folder> --out <model.json>");
  process.exit(2);
}
const { bugs, problems } = await readDataset(values.dataset);
for (const p of problems) console.error(`${values.dataset}:${p.line}: skipped: ${p.message}`);
const run = await runEval({
  bugs,
  gitRoot: values["git-root"],
  localizers: ["learned"],
  history: benchmarkHistoryProvider(bugs),
  onProgress: process.stderr.isTTY ? (done, total) => process.stderr.write(`\r[${done}/${total}]`) : undefined,
});
const examples = [...(run.examples.get("learned") ?? new Map()).values()];
const model = trainRanker(examples, RANKER_LAMBDA);
const commit = codeCommit();
const file: RankerModel = {
  format: 1,
  version: "1",
  features: [...FEATURE_NAMES],
  weights: model.weights.map((w) => Math.round(w * 1e6) / 1e6),
  bias: Math.round(model.bias * 1e6) / 1e6,
  lambda: RANKER_LAMBDA,
  trainer: `ListNet top-one (L2 ${RANKER_LAMBDA}, Newton), then LambdaRank NDCG (${JSON.stringify(LAMBDARANK_DEFAULTS)}, Adam)`,
  trainedOn: {
    dataset: basename(values.dataset),
    sha256: createHash("sha256").update(readFileSync(values.dataset)).digest("hex"),
    bugs: examples.length,
    repositories: [...new Set(run.outcomes.map((o) => o.repo))].sort(),
  },
  code: { commit },
  createdAt: new Date().toISOString(),
};
writeFileSync(values.out, JSON.stringify(file, null, 2) + "\n");
console.error(`\nwrote ${values.out}: ${examples.length} bugs, ${run.outcomes.length} evaluated`);
for (const [i, name] of FEATURE_NAMES.entries()) console.error(`  ${name.padEnd(18)} ${file.weights[i]!.toFixed(3)}`);
