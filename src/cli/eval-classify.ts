/**
 * `mltriage eval-classify --dataset <jsonl> [--json out.json] [--cv loo-project|none] [--model file]`
 *
 * Measures the bug-type and extrinsic classifiers against labelled issues: accuracy, macro-F1, per-class
 * precision/recall/F1, confusion matrix and Cohen's kappa, beside a majority-class baseline. With the default
 * `--cv loo-project`, every repository is scored by a model trained on the other repositories only; `--cv none`
 * scores the shipped (or `--model`) model as it is.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { BUG_TYPES } from "../types.js";
import { leaveOneProjectOut, predictWith, type Prediction } from "../classify/crossval.js";
import { parseLabelledJsonl } from "../classify/dataset.js";
import {
  accuracy,
  classMetrics,
  cohensKappa,
  expectedCalibrationError,
  majorityLabel,
  multiclassReport,
  type MulticlassReport,
} from "../classify/metrics.js";
import { defaultClassifierModel, loadModelFile, type ClassifierModel } from "../classify/model.js";
import { analyseAll, type AnalysedIssue } from "../classify/train.js";

const USAGE = "usage: mltriage eval-classify --dataset <jsonl> [--json out.json] [--cv loo-project|none] [--model file]";

interface Options {
  dataset: string;
  json?: string;
  cv: "loo-project" | "none";
  model?: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | "help" {
  const opts: Partial<Options> = { cv: "loo-project" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "" || (inline === undefined && v.startsWith("--"))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "-h":
      case "--help":
        return "help";
      case "--dataset":
        opts.dataset = value();
        break;
      case "--json":
        opts.json = value();
        break;
      case "--model":
        opts.model = value();
        break;
      case "--cv": {
        const v = value();
        if (v !== "loo-project" && v !== "none") throw new UsageError(`--cv must be "loo-project" or "none", not "${v}"`);
        opts.cv = v;
        break;
      }
      default:
        throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  if (!opts.dataset) throw new UsageError("--dataset is required");
  if (opts.model && opts.cv === "loo-project") throw new UsageError("--model scores a fixed model: use it with --cv none");
  return opts as Options;
}

const f3 = (x: number): string => x.toFixed(3);
const pad = (s: string, n: number): string => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : " ".repeat(n - s.length) + s);

/** Majority-class predictions; under LOPO the majority of the other repositories, so the baseline is fair too. */
function majorityBaseline(items: AnalysedIssue[], cv: Options["cv"]): { type: string[]; extrinsic: boolean[] } {
  const typeOf = (xs: AnalysedIssue[]): string => majorityLabel(xs.map((x) => x.issue.bugType), [...BUG_TYPES]);
  const extOf = (xs: AnalysedIssue[]): boolean => xs.filter((x) => x.issue.extrinsic).length * 2 > xs.length;
  if (cv === "none") {
    const t = typeOf(items);
    const e = extOf(items);
    return { type: items.map(() => t), extrinsic: items.map(() => e) };
  }
  return {
    type: items.map((x) => typeOf(items.filter((o) => o.issue.repo !== x.issue.repo))),
    extrinsic: items.map((x) => extOf(items.filter((o) => o.issue.repo !== x.issue.repo))),
  };
}

interface BinaryReport {
  n: number;
  accuracy: number;
  f1: number;
  kappa: number;
  precision: number;
  recall: number;
}

function binaryReport(gold: boolean[], predicted: boolean[]): BinaryReport {
  const g = gold.map((b) => (b ? "extrinsic" : "intrinsic"));
  const p = predicted.map((b) => (b ? "extrinsic" : "intrinsic"));
  const m = classMetrics(g, p, "extrinsic");
  return {
    n: gold.length,
    accuracy: accuracy(g, p),
    f1: m.f1,
    kappa: cohensKappa(g, p, ["intrinsic", "extrinsic"]),
    precision: m.precision,
    recall: m.recall,
  };
}

function printTypeReport(model: MulticlassReport, base: MulticlassReport, baseLabel: string, out: string[]): void {
  out.push("", `Bug type (${model.n} issues)`, `  ${pad("", 16)}${lpad("model", 8)}${lpad(`majority (${baseLabel})`, 26)}`);
  out.push(`  ${pad("accuracy", 16)}${lpad(f3(model.accuracy), 8)}${lpad(f3(base.accuracy), 26)}`);
  out.push(`  ${pad("macro-F1", 16)}${lpad(f3(model.macroF1), 8)}${lpad(f3(base.macroF1), 26)}`);
  out.push(`  ${pad("Cohen's kappa", 16)}${lpad(f3(model.kappa), 8)}${lpad(f3(base.kappa), 26)}`);
  out.push("", `  ${pad("class", 16)}${lpad("precision", 10)}${lpad("recall", 8)}${lpad("F1", 8)}${lpad("support", 9)}`);
  for (const [label, m] of Object.entries(model.perClass)) {
    out.push(`  ${pad(label, 16)}${lpad(f3(m.precision), 10)}${lpad(f3(m.recall), 8)}${lpad(f3(m.f1), 8)}${lpad(String(m.support), 9)}`);
  }
  const short = (l: string): string => (l === "Tensor & Input" ? "Tensor" : l);
  out.push("", "  confusion (rows: gold, columns: predicted)");
  out.push(`  ${pad("", 16)}${model.confusion.labels.map((l) => lpad(short(l), 9)).join("")}`);
  model.confusion.matrix.forEach((row, i) => {
    out.push(`  ${pad(model.confusion.labels[i]!, 16)}${row.map((c) => lpad(String(c), 9)).join("")}`);
  });
}

/**
 * The extrinsic table, beside the majority baseline and "always extrinsic": the majority (intrinsic) has no extrinsic
 * F1 at all, while calling every issue extrinsic reaches the F1 of the class's share, the figure a model's F1 must beat.
 */
function printExtrinsicReport(model: BinaryReport, base: BinaryReport, baseLabel: string, always: BinaryReport, out: string[]): void {
  out.push("", `Extrinsic vs intrinsic (${model.n} issues; F1, precision and recall of the extrinsic class)`);
  out.push(`  ${pad("", 16)}${lpad("model", 8)}${lpad(`majority (${baseLabel})`, 26)}${lpad("always extrinsic", 18)}`);
  for (const key of ["accuracy", "f1", "precision", "recall", "kappa"] as const) {
    const name = key === "f1" ? "F1" : key === "kappa" ? "Cohen's kappa" : key;
    out.push(`  ${pad(name, 16)}${lpad(f3(model[key]), 8)}${lpad(f3(base[key]), 26)}${lpad(f3(always[key]), 18)}`);
  }
}

export async function evalClassifyCommand(argv: string[]): Promise<number> {
  let opts: Options;
  try {
    const parsed = parseArgs(argv);
    if (parsed === "help") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    opts = parsed;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`eval-classify: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }

  let text: string;
  try {
    text = readFileSync(opts.dataset, "utf8");
  } catch (err) {
    process.stderr.write(`eval-classify: cannot read dataset ${opts.dataset}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 1;
  }
  const dataset = parseLabelledJsonl(text);
  for (const p of dataset.problems) process.stderr.write(`eval-classify: ${opts.dataset}:${p.line}: skipped, ${p.message}\n`);
  if (dataset.unlabelled > 0) process.stderr.write(`eval-classify: skipped ${dataset.unlabelled} unlabelled row(s)\n`);
  if (dataset.issues.length === 0) {
    process.stderr.write(`eval-classify: no labelled issues in ${opts.dataset}\n`);
    return 1;
  }

  let model: ClassifierModel | undefined;
  if (opts.cv === "none") {
    try {
      model = opts.model ? loadModelFile(opts.model) : defaultClassifierModel();
    } catch (err) {
      process.stderr.write(`eval-classify: cannot load model: ${(err as Error).message}\n`);
      return 1;
    }
  }

  const items = analyseAll(dataset.issues);
  const repos = new Set(items.map((x) => x.issue.repo));
  if (opts.cv === "loo-project" && repos.size < 2) {
    process.stderr.write("eval-classify: leave-one-project-out needs issues from at least two repositories (use --cv none)\n");
    return 1;
  }
  const predictions: Prediction[] =
    opts.cv === "none"
      ? predictWith(model!, items)
      : leaveOneProjectOut(items, undefined, (repo, train, test) =>
          process.stderr.write(`eval-classify: fold ${repo}: train ${train}, test ${test}\n`),
        );

  const labels = [...BUG_TYPES];
  const goldType = predictions.map((p) => p.goldType);
  const typeReport = multiclassReport(goldType, predictions.map((p) => p.type), labels);
  const extReport = binaryReport(predictions.map((p) => p.goldExtrinsic), predictions.map((p) => p.extrinsic));
  const baseline = majorityBaseline(items, opts.cv);
  const baseType = multiclassReport(goldType, baseline.type, labels);
  const baseExt = binaryReport(predictions.map((p) => p.goldExtrinsic), baseline.extrinsic);
  const baseTypeLabel = [...new Set(baseline.type)].join("/");
  const baseExtLabel = [...new Set(baseline.extrinsic.map((b) => (b ? "extrinsic" : "intrinsic")))].join("/");

  const out: string[] = [];
  const how = opts.cv === "none" ? `model ${model!.modelVersion}, no cross-validation` : "leave-one-project-out cross-validation";
  out.push(`eval-classify: ${items.length} issues from ${repos.size} repositories (${how})`);
  printTypeReport(typeReport, baseType, baseTypeLabel, out);
  const alwaysExt = binaryReport(predictions.map((p) => p.goldExtrinsic), predictions.map(() => true));
  printExtrinsicReport(extReport, baseExt, baseExtLabel, alwaysExt, out);
  // Calibration of the probabilities behind the labels (lower is better; 0 = confidence matches accuracy).
  const typeEce = expectedCalibrationError(predictions.map((p) => p.typeConfidence), predictions.map((p) => p.type === p.goldType));
  const extEce = expectedCalibrationError(
    predictions.map((p) => Math.max(p.pExtrinsic, 1 - p.pExtrinsic)),
    predictions.map((p) => p.extrinsic === p.goldExtrinsic),
  );
  const meanConf = predictions.reduce((s, p) => s + p.typeConfidence, 0) / predictions.length;
  out.push("", `Calibration: bug type mean confidence ${f3(meanConf)} vs accuracy ${f3(typeReport.accuracy)}, ECE ${f3(typeEce)}; extrinsic ECE ${f3(extEce)}`);
  process.stdout.write(`${out.join("\n")}\n`);

  if (opts.json) {
    const json = {
      type: {
        n: typeReport.n,
        accuracy: typeReport.accuracy,
        macroF1: typeReport.macroF1,
        kappa: typeReport.kappa,
        perClass: typeReport.perClass,
        confusion: typeReport.confusion,
      },
      extrinsic: { n: extReport.n, accuracy: extReport.accuracy, f1: extReport.f1, kappa: extReport.kappa },
    };
    try {
      writeFileSync(opts.json, `${JSON.stringify(json, null, 2)}\n`);
    } catch (err) {
      process.stderr.write(`eval-classify: cannot write ${opts.json}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return 1;
    }
  }
  return 0;
}
