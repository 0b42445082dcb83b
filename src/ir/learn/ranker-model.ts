import { readFileSync } from "node:fs";
import { z } from "zod";
import { FEATURE_COUNT, FEATURE_NAMES } from "../localizers/features.js";
import { trainLogistic, type LogisticModel } from "./logistic.js";

/** The shipped ranker file: weights plus what produced them, so a ranking can be traced to its training. */
export const rankerModelSchema = z.object({
  format: z.literal(1),
  version: z.string(),
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
  lambda: z.number(),
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

/** L2 strength: features are in [0, 1] and every bug weighs 1 in total, so 1 is a moderate prior. */
export const RANKER_LAMBDA = 1;

/**
 * Fits the ranker: logistic regression over (bug, file) rows where each bug weighs the same and, inside a bug,
 * its ground-truth files weigh as much as all its other files together (so large repositories and bugs with
 * many files do not dominate).
 */
export function trainRanker(examples: readonly RankingExample[], lambda = RANKER_LAMBDA): LogisticModel {
  let rows = 0;
  for (const e of examples) rows += e.docCount;
  const x = new Float32Array(rows * FEATURE_COUNT);
  const y = new Uint8Array(rows);
  const w = new Float64Array(rows);
  let r = 0;
  for (const e of examples) {
    const relevant = new Set(e.relevant);
    const pos = relevant.size;
    const neg = e.docCount - pos;
    if (pos === 0 || neg === 0) continue;
    x.set(e.matrix.subarray(0, e.docCount * FEATURE_COUNT), r * FEATURE_COUNT);
    for (let d = 0; d < e.docCount; d++) {
      y[r + d] = relevant.has(d) ? 1 : 0;
      w[r + d] = relevant.has(d) ? 0.5 / pos : 0.5 / neg;
    }
    r += e.docCount;
  }
  return trainLogistic({ x: x.subarray(0, r * FEATURE_COUNT), y: y.subarray(0, r), w: w.subarray(0, r), dims: FEATURE_COUNT }, lambda);
}

/** Scores every document: the model's probability (always > 0, so every file is ranked). */
export function scoreWithModel(model: LogisticModel, matrix: Float32Array, docCount: number): Float64Array {
  const scores = new Float64Array(docCount);
  for (let d = 0; d < docCount; d++) {
    let z = model.bias;
    for (let j = 0; j < FEATURE_COUNT; j++) z += model.weights[j]! * matrix[d * FEATURE_COUNT + j]!;
    scores[d] = 1 / (1 + Math.exp(-z));
  }
  return scores;
}
