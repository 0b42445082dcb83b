/**
 * Trains the shipped classifier model from labelled issues (JSON Lines in the benchmark's classification format).
 *
 *   tsx scripts/train-classifier.ts --dataset <classification.jsonl> --out models/classifier.json [--extra <more.jsonl>]
 *
 * Deterministic: the same data and code give the same weights. The model file records the dataset's name, SHA-256
 * and row count, the git commit of the code, the date and the hyperparameters. `--extra` adds labelled rows of
 * another file whose id is not already in the dataset (rows without labels are ignored).
 */

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { parseLabelledJsonl } from "../src/classify/dataset.js";
import { codeCommit } from "./code-commit.js";
import { DEFAULT_HYPERPARAMETERS, analyseAll, trainClassifier, type LabelledIssue } from "../src/classify/train.js";

function usage(message: string): never {
  process.stderr.write(`train-classifier: ${message}\nusage: tsx scripts/train-classifier.ts --dataset <jsonl> --out <model.json> [--extra <jsonl>]...\n`);
  process.exit(2);
}

function readDataset(path: string): { issues: LabelledIssue[]; sha256: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    usage(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const parsed = parseLabelledJsonl(text);
  for (const p of parsed.problems) process.stderr.write(`train-classifier: ${basename(path)}:${p.line}: skipped, ${p.message}\n`);
  return { issues: parsed.issues, sha256: createHash("sha256").update(text).digest("hex") };
}

const args = process.argv.slice(2);
let dataset: string | undefined;
let out: string | undefined;
const extras: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--dataset") dataset = args[++i];
  else if (a === "--out") out = args[++i];
  else if (a === "--extra") extras.push(args[++i] ?? usage("--extra needs a file"));
  else usage(`unknown argument "${a}"`);
}
if (!dataset) usage("--dataset is required");
if (!out) usage("--out is required");

const main = readDataset(dataset);
const issues = [...main.issues];
const seen = new Set(issues.map((x) => x.id));
const extraDatasets: Array<{ dataset: string; sha256: string; rows: number }> = [];
for (const path of extras) {
  const extra = readDataset(path);
  const fresh = extra.issues.filter((x) => !seen.has(x.id));
  fresh.forEach((x) => seen.add(x.id));
  issues.push(...fresh);
  extraDatasets.push({ dataset: basename(path), sha256: extra.sha256, rows: fresh.length });
  process.stderr.write(`train-classifier: ${basename(path)}: ${fresh.length} labelled row(s) not already in the dataset\n`);
}
if (issues.length === 0) usage(`no labelled issues in ${dataset}`);

const started = Date.now();
const model = trainClassifier(analyseAll(issues), DEFAULT_HYPERPARAMETERS, {
  dataset: basename(dataset),
  sha256: main.sha256,
  ...(extraDatasets.length ? { extraDatasets } : {}),
  commit: codeCommit(),
  createdAt: new Date().toISOString(),
});
// trainedOn.rows counts every row used; the main dataset's own count is recorded beside it.
writeFileSync(out, `${JSON.stringify({ ...model, trainedOn: { ...model.trainedOn, datasetRows: main.issues.length } })}\n`);
process.stderr.write(
  `train-classifier: ${issues.length} issues, ${model.type.features.length} type features, temperatures ` +
    `${model.type.temperature} (type) / ${model.extrinsic.temperature} (extrinsic), ${Date.now() - started} ms → ${out}\n`,
);
