/**
 * Fits the localizability model from an evaluation run and prints Top@5 by confidence bucket.
 *
 *   tsx scripts/fit-localizability.ts <eval.json> <out.json>
 *
 * <eval.json> is `mltriage eval --json` output: `perBug: [{ localizability: { features: {name: number}, top5Hit } }, ...]` (other fields are
 * ignored). The table is shown for the current shipped model and for the refit one; the refit one's confidences are
 * out-of-fold (5 folds), so its table does not score bugs with weights fitted on them.
 */

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { calibrationTable, fitLocalizabilityWeights, outOfFoldConfidences, type BucketRow, type LocalizabilityExample } from "../src/classify/localizability-fit.js";
import {
  LOCALIZABILITY_FORMAT,
  LOCALIZABILITY_THRESHOLDS,
  defaultLocalizabilityModel,
  localizabilityConfidence,
  type LocalizabilityModel,
} from "../src/classify/localizability.js";

function fail(message: string): never {
  process.stderr.write(`fit-localizability: ${message}\nusage: tsx scripts/fit-localizability.ts <eval.json> <out.json>\n`);
  process.exit(2);
}

const [evalPath, outPath, ...rest] = process.argv.slice(2);
if (!evalPath || !outPath || rest.length > 0) fail("expected two arguments");

let text: string;
try {
  text = readFileSync(evalPath, "utf8");
} catch (err) {
  fail(`cannot read ${evalPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
}
let parsed: unknown;
try {
  parsed = JSON.parse(text);
} catch (err) {
  fail(`${evalPath} is not JSON: ${(err as Error).message}`);
}
const perBug = (parsed as { perBug?: unknown }).perBug;
if (!Array.isArray(perBug)) fail(`${evalPath} has no "perBug" array (write it with mltriage eval --json)`);
const bugs = perBug.map((b: { localizability?: { features?: unknown; top5Hit?: unknown } }) => ({
  localizabilityFeatures: b?.localizability?.features,
  top5Hit: b?.localizability?.top5Hit,
}));

const examples: LocalizabilityExample[] = [];
bugs.forEach((b: unknown, i: number) => {
  const bug = b as { localizabilityFeatures?: unknown; top5Hit?: unknown };
  if (!bug || typeof bug.localizabilityFeatures !== "object" || bug.localizabilityFeatures === null || typeof bug.top5Hit !== "boolean") {
    process.stderr.write(`fit-localizability: bugs[${i}] skipped (needs localizabilityFeatures and a boolean top5Hit)\n`);
    return;
  }
  examples.push({ features: bug.localizabilityFeatures as Record<string, number>, top5Hit: bug.top5Hit });
});
const positives = examples.filter((e) => e.top5Hit).length;
if (examples.length < 10 || positives === 0 || positives === examples.length) {
  fail(`need at least 10 usable bugs with both outcomes (got ${examples.length}, ${positives} hits)`);
}

const current = defaultLocalizabilityModel();
const thresholds = current.thresholds ?? LOCALIZABILITY_THRESHOLDS;
const fitted = fitLocalizabilityWeights(examples);
const model: LocalizabilityModel = {
  format: LOCALIZABILITY_FORMAT,
  source: `fitted by scripts/fit-localizability.ts (logistic regression, L2 0.01) on ${basename(evalPath)}`,
  ...fitted,
  thresholds,
  fittedOn: { file: basename(evalPath), sha256: createHash("sha256").update(text).digest("hex"), bugs: examples.length, positives },
};
writeFileSync(outPath, `${JSON.stringify(model, null, 2)}\n`);

const hits = examples.map((e) => e.top5Hit);
function print(title: string, rows: BucketRow[]): void {
  process.stdout.write(`\n${title}\n  ${"bucket".padEnd(24)}${"bugs".padStart(6)}${"mean conf".padStart(11)}${"Top@5".padStart(8)}\n`);
  for (const r of rows) {
    process.stdout.write(`  ${r.bucket.padEnd(24)}${String(r.n).padStart(6)}${r.meanConfidence.toFixed(3).padStart(11)}${r.top5.toFixed(3).padStart(8)}\n`);
  }
}
process.stdout.write(`${examples.length} bugs, overall Top@5 ${(positives / examples.length).toFixed(3)}\n`);
print(`current model (${current.source.split(":")[0]})`, calibrationTable(examples.map((e) => localizabilityConfidence(e.features, current)), hits, thresholds));
print("refit model, out-of-fold (5 folds)", calibrationTable(outOfFoldConfidences(examples), hits, thresholds));
process.stdout.write(`\nweights: ${JSON.stringify(model.weights)}\nbias: ${model.bias}\nwritten to ${outPath}\n`);
