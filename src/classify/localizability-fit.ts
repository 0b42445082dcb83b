/**
 * Fits the localizability model from an evaluation run: per bug, the features of localizabilityFeatures() and
 * whether a ground-truth file was in the top 5. Also the calibration table (Top@5 by confidence bucket).
 */

import { trainSoftmax, type SparseRow } from "./logreg.js";
import {
  LOCALIZABILITY_FEATURES,
  LOCALIZABILITY_FORMAT,
  LOCALIZABILITY_THRESHOLDS,
  localizabilityConfidence,
  type LocalizabilityModel,
  type LocalizabilityThresholds,
} from "./localizability.js";
import { seededRandom } from "./train.js";

export interface LocalizabilityExample {
  features: Record<string, number>;
  top5Hit: boolean;
}

function toRow(features: Record<string, number>): SparseRow {
  const idx: number[] = [];
  const val: number[] = [];
  LOCALIZABILITY_FEATURES.forEach((name, j) => {
    const v = features[name];
    if (typeof v === "number" && Number.isFinite(v) && v !== 0) {
      idx.push(j);
      val.push(v);
    }
  });
  return { idx, val };
}

/** Logistic regression (a two-class softmax, read back as one weight vector), L2-regularised. */
export function fitLocalizabilityWeights(examples: LocalizabilityExample[], l2 = 0.01, iterations = 2000): { weights: Record<string, number>; bias: number } {
  const rows = examples.map((e) => toRow(e.features));
  const labels = examples.map((e) => (e.top5Hit ? 1 : 0));
  const fit = trainSoftmax(rows, labels, { nFeatures: LOCALIZABILITY_FEATURES.length, nClasses: 2, l2, iterations });
  const weights: Record<string, number> = {};
  LOCALIZABILITY_FEATURES.forEach((name, j) => (weights[name] = round(fit.weights[1]![j]! - fit.weights[0]![j]!)));
  return { weights, bias: round(fit.bias[1]! - fit.bias[0]!) };
}

/** Out-of-fold confidences (k folds, seeded), so the calibration table is not scored on the rows that fitted it. */
export function outOfFoldConfidences(examples: LocalizabilityExample[], k = 5, seed = 7, l2 = 0.01): number[] {
  const rand = seededRandom(seed);
  const order = examples.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const fold = new Array<number>(examples.length);
  order.forEach((i, pos) => (fold[i] = pos % k));
  const out = new Array<number>(examples.length).fill(0.5);
  for (let f = 0; f < k; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    if (train.length === 0 || new Set(train.map((e) => e.top5Hit)).size < 2) continue;
    const fitted = fitLocalizabilityWeights(train, l2);
    const model: LocalizabilityModel = { format: LOCALIZABILITY_FORMAT, source: "fold", ...fitted };
    examples.forEach((e, i) => {
      if (fold[i] === f) out[i] = localizabilityConfidence(e.features, model);
    });
  }
  return out;
}

export interface BucketRow {
  bucket: string;
  n: number;
  meanConfidence: number;
  top5: number;
}

/** Top@5 by confidence bucket: the verdict bands, then quarter-width bins. */
export function calibrationTable(confidences: number[], hits: boolean[], thresholds: LocalizabilityThresholds = LOCALIZABILITY_THRESHOLDS): BucketRow[] {
  const bands: Array<[string, number, number]> = [
    [`withhold [0, ${thresholds.soften})`, 0, thresholds.soften],
    [`soften [${thresholds.soften}, ${thresholds.show})`, thresholds.soften, thresholds.show],
    [`show [${thresholds.show}, 1]`, thresholds.show, 1.0000001],
    ["[0, 0.25)", 0, 0.25],
    ["[0.25, 0.5)", 0.25, 0.5],
    ["[0.5, 0.75)", 0.5, 0.75],
    ["[0.75, 1]", 0.75, 1.0000001],
  ];
  return bands.map(([bucket, lo, hi]) => {
    const members = confidences.map((c, i) => [c, hits[i]!] as const).filter(([c]) => c >= lo && c < hi);
    const n = members.length;
    return {
      bucket,
      n,
      meanConfidence: n ? members.reduce((s, [c]) => s + c, 0) / n : 0,
      top5: n ? members.filter(([, h]) => h).length / n : 0,
    };
  });
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}


