import { readFileSync } from "node:fs";
import { z } from "zod";
import { FEATURE_COUNT, FEATURE_NAMES, hasIssueEvidence } from "../localizers/features.js";
import { fineTuneLambdaRank, LAMBDARANK_DEFAULTS } from "./lambdarank.js";
import { linearScores, softmaxInPlace, trainListwise } from "./listwise.js";
import type { LinearModel, RankingList } from "./listwise.js";

/** The shipped ranker file: weights plus what produced them, so a ranking can be traced to its training. */
export const rankerModelSchema = z.object({
  format: z.literal(1),
  version: z.string(),
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
  lambda: z.number(),
  trainer: z.string(),
  trainedOn: z.object({ dataset: z.string(), sha256: z.string(), bugs: z.number(), repositories: z.array(z.string()) }),
  code: z.object({ commit: z.string() }),
  createdAt: z.string(),
});
export type RankerModel = z.infer<typeof rankerModelSchema>;

export const DEFAULT_RANKER_MODEL_URL = new URL("../../../models/ranker.json", import.meta.url);

/** Reads and checks a ranker file; its features must be the code's features, in the same order. */
export function loadRankerModel(url: URL | string = DEFAULT_RANKER_MODEL_URL): RankerModel {
  const model = rankerModelSchema.parse(JSON.parse(readFileSync(url, "utf8")));
  if (model.features.length !== FEATURE_COUNT || model.features.some((f, i) => f !== FEATURE_NAMES[i])) {
    throw new Error(`ranker model ${String(url)} was trained on other features; retrain it with npm run train:rank`);
  }
  return model;
}

/** One bug's training rows: its feature matrix and which documents are ground truth. */
export interface RankingExample {
  matrix: Float32Array;
  docCount: number;
  relevant: readonly number[];
}

/** L2 strength: features are in [0, 1] and every bug adds one term to the loss, so 1 is a mild prior. */
export const RANKER_LAMBDA = 1;

/**
 * Fits the ranker in two stages. ListNet ({@link trainListwise}) finds the convex optimum of the top-one softmax:
 * for each training bug, the files the fix changed should take the probability mass. LambdaRank
 * ({@link fineTuneLambdaRank}) then moves the weights towards a better NDCG, the position-aware measure of what a
 * reader sees first. Both see only the files the issue gives evidence for, the only ones ever ranked
 * ({@link hasIssueEvidence}). Every bug weighs the same, so large repositories and bugs with many files do not dominate.
 */
export function trainRanker(examples: readonly RankingExample[], lambda = RANKER_LAMBDA): LinearModel {
  const lists = examples.map(candidateList);
  const convex = trainListwise(lists, FEATURE_COUNT, lambda);
  return fineTuneLambdaRank(lists, FEATURE_COUNT, convex, LAMBDARANK_DEFAULTS);
}

/** One bug's ranked candidates: the rows with issue evidence, and which of them the fix changed. */
function candidateList(example: RankingExample): RankingList {
  const rows: number[] = [];
  for (let d = 0; d < example.docCount; d++) if (hasIssueEvidence(example.matrix, d)) rows.push(d);
  const x = new Float32Array(rows.length * FEATURE_COUNT);
  rows.forEach((d, r) => x.set(example.matrix.subarray(d * FEATURE_COUNT, (d + 1) * FEATURE_COUNT), r * FEATURE_COUNT));
  const fixed = new Set(example.relevant);
  const relevant = rows.flatMap((d, r) => (fixed.has(d) ? [r] : []));
  return { x, rows: rows.length, relevant };
}

/**
 * Scores every document of one bug: the softmax of the model's linear scores over the bug's files. It orders the
 * files and says how far apart they are, but it is not a calibrated probability (LambdaRank tunes the order, not
 * the mass; the localizability estimate is the calibrated part). Unlike a per-file sigmoid it never saturates to
 * ties at 1.
 * A file too unlikely to be represented keeps a floor above 0; a file the issue gives no evidence for scores 0
 * (not ranked, see {@link hasIssueEvidence}).
 */
export function scoreWithModel(model: LinearModel, matrix: Float32Array, docCount: number): Float64Array {
  const p = linearScores(model.weights, model.bias, matrix, docCount, FEATURE_COUNT);
  softmaxInPlace(p);
  for (let d = 0; d < docCount; d++) p[d] = hasIssueEvidence(matrix, d) ? Math.max(p[d]!, 1e-300) : 0;
  return p;
}
