/**
 * How far a ranked file list is worth showing: a logistic model over a few signals (does the report look extrinsic
 * or GPU-related, is it a bug report at all, does a traceback point into the repository, does it name identifiers
 * or paths, and do the localizer's own scores single out a few files). Its output estimates the probability that a
 * ground-truth file is in the top 5; the comment shows, softens or withholds the ranking from it.
 *
 * The shipped weights in models/localizability.json start hand-set; scripts/fit-localizability.ts refits them from
 * an evaluation run (per-bug features + whether the top 5 held a fixed file).
 */

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Classification, Localizability, RankedFile } from "../types.js";
import { BARE_REPORT_REASON, reportSaysLittle } from "./bare-report.js";

export const LOCALIZABILITY_FORMAT = "mltriage-localizability/1";

export interface LocalizabilityThresholds {
  /** Show the ranking at or above this confidence. */
  show: number;
  /** Show it with a caveat at or above this; withhold below. */
  soften: number;
}

export const LOCALIZABILITY_THRESHOLDS: LocalizabilityThresholds = { show: 0.5, soften: 0.25 };

/** Below this share of the top ten's scores for the first file, no reason says the top files stand out. */
const STANDS_OUT_SHARE = 0.2;

export interface LocalizabilityInput {
  classification: Classification;
  ranked: RankedFile[];
  /** Traceback frames of the issue that map to files of the repository. */
  tracebackFramesInRepo: number;
  /** Code identifiers found in the issue. */
  identifierCount: number;
  /** Repository paths or modules the issue names. */
  mentionedPaths: number;
  /** Words of the reporter's prose; absent when unknown. */
  proseWords?: number;
}

export interface LocalizabilityModel {
  format: typeof LOCALIZABILITY_FORMAT;
  /** Weight per feature name of localizabilityFeatures(); missing names weigh 0. */
  weights: Record<string, number>;
  bias: number;
  thresholds?: LocalizabilityThresholds;
  /** Where the weights come from: "hand-set" or the evaluation file they were fitted on. */
  source: string;
  fittedOn?: { file: string; sha256: string; bugs: number; positives: number };
}

export const LOCALIZABILITY_FEATURES = [
  "pExtrinsic",
  "pGpu",
  "nonBug",
  "tracebackFrames",
  "identifiers",
  "mentionedPaths",
  "margin5",
  "margin10",
  "entropy",
  "topShare",
  "noRanking",
] as const;

/** Score gap between rank 1 and rank r, relative to rank 1's score (0 when flat or missing, capped at 1). */
function margin(scores: number[], r: number): number {
  if (scores.length < 2) return 0;
  const top = scores[0]!;
  const other = scores[Math.min(r, scores.length) - 1]!;
  const scale = Math.abs(top);
  if (scale === 0) return 0;
  return Math.max(0, Math.min(1, (top - other) / scale));
}

/** Normalised entropy of the top-10 scores (shifted to be non-negative): 1 = flat, 0 = one file takes all. */
function topEntropy(scores: number[]): number {
  const top = scores.slice(0, 10);
  if (top.length < 2) return 0;
  const min = Math.min(0, ...top);
  const shifted = top.map((s) => s - min);
  const sum = shifted.reduce((a, b) => a + b, 0);
  if (sum === 0) return 1;
  let h = 0;
  for (const s of shifted) if (s > 0) h -= (s / sum) * Math.log(s / sum);
  return h / Math.log(top.length);
}

/**
 * The first file's share of the top ten's positive scores (0 when none is positive): 0.9 against nine files at 0.01
 * is 0.91, ten files at 0.02 each 0.1, where the margins (first against fifth, against tenth) see little. Only the
 * top ten: the evaluation that fits the model keeps ten scores a report (run-eval's topTen), and the app ranks
 * max(topFiles, 10) files; over more it would be another feature than the one fitted. It is not the probability
 * the learned ranker gives its first file (that is scores[0] itself, a softmax over the repository's files).
 */
function topShare(scores: number[]): number {
  const top = scores.slice(0, 10);
  let sum = 0;
  for (const s of top) if (s > 0) sum += s;
  return sum > 0 && top[0]! > 0 ? top[0]! / sum : 0;
}

export function localizabilityFeatures(input: LocalizabilityInput): Record<string, number> {
  const c = input.classification;
  const scores = input.ranked.map((r) => r.score).sort((a, b) => b - a);
  const pExtrinsic = c.extrinsic.label === "extrinsic" ? c.extrinsic.confidence : 1 - c.extrinsic.confidence;
  return {
    pExtrinsic,
    pGpu: c.bugType.probabilities.GPU ?? (c.bugType.label === "GPU" ? c.bugType.confidence : 0),
    nonBug: c.reportKind.label === "bug" ? 0 : c.reportKind.confidence,
    tracebackFrames: Math.min(Math.max(input.tracebackFramesInRepo, 0), 5) / 5,
    identifiers: Math.log1p(Math.max(input.identifierCount, 0)) / Math.log1p(30),
    mentionedPaths: Math.min(Math.max(input.mentionedPaths, 0), 3) / 3,
    margin5: margin(scores, 5),
    margin10: margin(scores, 10),
    entropy: topEntropy(scores),
    topShare: topShare(scores),
    noRanking: scores.length === 0 ? 1 : 0,
  };
}

export function localizabilityConfidence(features: Record<string, number>, model: LocalizabilityModel): number {
  let z = model.bias;
  for (const [name, w] of Object.entries(model.weights)) z += w * (features[name] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

const REASONS: Record<string, [string, string]> = {
  // [when it raises confidence, when it lowers it]
  pExtrinsic: ["the report looks intrinsic", "the cause may be outside the code (looks extrinsic)"],
  pGpu: ["", "GPU bugs are the hardest to localize from text"],
  nonBug: ["", "this may not be a bug report"],
  tracebackFrames: ["a traceback points into the repository", ""],
  identifiers: ["the report names code identifiers", ""],
  mentionedPaths: ["the report names files or modules of the repository", ""],
  margin5: ["the top files stand out from the rest", ""],
  margin10: ["the top files stand out from the rest", ""],
  entropy: ["", "the localizer's scores are flat"],
  topShare: ["one file takes most of the ranker's confidence", "no file takes much of the ranker's confidence"],
  noRanking: ["", "no file matched the report"],
};

export function estimateLocalizability(
  input: LocalizabilityInput,
  model: LocalizabilityModel = defaultLocalizabilityModel(),
  thresholds: LocalizabilityThresholds = model.thresholds ?? LOCALIZABILITY_THRESHOLDS,
): Localizability {
  // Nothing ranked is nothing to show, whatever a fitted model says: no evaluated bug had an empty ranking,
  // so no weight could learn it.
  if (input.ranked.length === 0) return { confidence: 0, verdict: "withhold", reasons: [REASONS["noRanking"]![1]] };
  const features = localizabilityFeatures(input);
  const confidence = localizabilityConfidence(features, model);
  const verdict = confidence >= thresholds.show ? "show" : confidence >= thresholds.soften ? "soften" : "withhold";
  // Reasons: the features that moved the score most towards the verdict, each phrased in the direction it
  // moved it (a "show" lists what speaks for the files, a caution what speaks against them; mixing both
  // would read as a contradiction).
  const towardShow = verdict === "show";
  const moves = Object.entries(model.weights)
    .map(([name, w]) => [name, w * (features[name] ?? 0)] as const)
    .filter(([, m]) => Math.abs(m) >= 0.15 && m > 0 === towardShow)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  const reasons: string[] = [];
  for (const [name, m] of moves) {
    // The margins are relative to the first file's own score: 0.03 against 0.02 is a third "ahead", yet a reader
    // sees a flat list. "The top files stand out" is said only when the first file holds a fair share of the top ten.
    if ((name === "margin5" || name === "margin10") && (features["topShare"] ?? 0) < STANDS_OUT_SHARE) continue;
    const phrase = REASONS[name]?.[m > 0 ? 0 : 1];
    if (phrase && !reasons.includes(phrase)) reasons.push(phrase);
    if (reasons.length === 3) break;
  }
  // A title and a few words, without an error, code or a file name: the ranking rests on a word or two. No
  // benchmark bug is that bare (they were chosen for having fixes), so no weight learned it; say it plainly.
  const rounded = Math.round(confidence * 1e4) / 1e4;
  if (reportSaysLittle(input) && verdict === "show") return { confidence: rounded, verdict: "soften", reasons: [BARE_REPORT_REASON] };
  return { confidence: rounded, verdict, reasons };
}

export function parseLocalizabilityModel(json: unknown, source: string): LocalizabilityModel {
  const m = json as Partial<LocalizabilityModel> | null;
  if (!m || m.format !== LOCALIZABILITY_FORMAT || typeof m.bias !== "number" || !m.weights) {
    throw new Error(`${source} is not an mltriage localizability model (expected format "${LOCALIZABILITY_FORMAT}")`);
  }
  return m as LocalizabilityModel;
}

export const DEFAULT_LOCALIZABILITY_MODEL_URL = new URL("../../models/localizability.json", import.meta.url);

let defaultModel: LocalizabilityModel | undefined;

/** The shipped model, read once on first use. */
export function defaultLocalizabilityModel(): LocalizabilityModel {
  defaultModel ??= parseLocalizabilityModel(
    JSON.parse(readFileSync(fileURLToPath(DEFAULT_LOCALIZABILITY_MODEL_URL), "utf8")),
    fileURLToPath(DEFAULT_LOCALIZABILITY_MODEL_URL),
  );
  return defaultModel;
}
