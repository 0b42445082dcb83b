/**
 * The shipped classifier model: its serialisable shape, how an issue's features become a vector for it, how it
 * scores, and how the default model file is found (next to the package, read once, lazily).
 */

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FEATURE_GROUPS, WORD_GROUPS, type FeatureGroup, type RawFeatures } from "./features.js";
import { logits, softmax, type SparseRow } from "./logreg.js";

export const MODEL_FORMAT = "mltriage-classifier/1";

/** One linear softmax task (bug type, or extrinsic vs intrinsic). */
export interface LinearTask {
  classes: string[];
  /** Vocabulary: feature names in weight-column order. */
  features: string[];
  /** weights[k][j]: class k, feature j. */
  weights: number[][];
  bias: number[];
  /** Temperature fitted on out-of-fold logits; probabilities are softmax(z / temperature). */
  temperature: number;
  /** Group weights this task was trained with (each task may weigh open-vocabulary words differently). */
  groupWeights?: Record<FeatureGroup, number>;
  /**
   * Two-class tasks only: the calibrated probability of the second class at or above which it is predicted. Chosen
   * on out-of-fold predictions of the training rows (absent: 0.5).
   */
  threshold?: number;
}

export interface TrainHyperparameters {
  seed: number;
  /** "logreg": L2 multinomial logistic regression; "cnb": complement naive Bayes (closed form, L2 grid unused). */
  learner?: "logreg" | "cnb";
  /** Laplace smoothing of complement naive Bayes. */
  cnbAlpha?: number;
  iterations: number;
  /** L2 strength of the bug-type and the extrinsic task (in a trained model: the strengths selected). */
  l2Type: number;
  l2Extrinsic: number;
  /** Candidate strengths, chosen per task by grouped out-of-fold score on the training rows; absent: use the above. */
  l2Grid?: number[];
  /** Candidate scales of the open-vocabulary groups (title, words), chosen per task like the L2 strength. */
  wordScaleGrid?: number[];
  /** A word/bigram is kept when it occurs in at least minDf training issues from at least minRepos repositories. */
  minDf: number;
  minRepos: number;
  /** Class weights inversely proportional to class frequency (helps macro-F1 on rare classes). */
  balanced: boolean;
  /** Folds for the out-of-fold logits that calibrate the temperature (grouped by repository when possible). */
  calibrationFolds: number;
  groupWeights: Record<FeatureGroup, number>;
  /** Group weights of the extrinsic task when it reads other groups than the bug-type task (absent: groupWeights). */
  extrinsicGroupWeights?: Record<FeatureGroup, number>;
  /**
   * Strength μ of the domain-knowledge prior mean of the weights: a bug-type lexicon term (lx:, lt:) or type share
   * (lc:, lct:) starts at +μ for its type, a cause rule or hint (cz:) at +μ for extrinsic (0 or absent: all weights
   * shrink towards 0). In a trained model, the strength used for the bug type.
   */
  lexiconPrior?: number;
  /** Candidate strengths of the prior, chosen per task with the L2 strength by grouped out-of-fold score. */
  lexiconPriorGrid?: number[];
  /** "f1": the extrinsic threshold maximises out-of-fold F1 of the extrinsic class; absent: 0.5. */
  extrinsicThreshold?: "f1";
  /**
   * Share of extrinsic issues the "f1" cut is chosen for: out-of-fold rows are weighted so that the classes stand in
   * this ratio (absent: the training rows' own share).
   */
  extrinsicRate?: number;
}

export interface ClassifierModel {
  format: typeof MODEL_FORMAT;
  /** Short id shown in comments and JSON: method, dataset SHA-256 prefix, code commit prefix ("lexlr-2.44f5bf30.4b53008"). */
  modelVersion: string;
  createdAt: string;
  trainedOn: {
    dataset: string;
    sha256: string;
    /** Rows used for training (the dataset's plus any extra ones). */
    rows: number;
    /** Rows of the main dataset alone. */
    datasetRows?: number;
    extraDatasets?: Array<{ dataset: string; sha256: string; rows: number }>;
    repos: Record<string, number>;
  };
  code: { commit: string };
  hyperparameters: TrainHyperparameters;
  type: LinearTask;
  extrinsic: LinearTask;
}

/** Groups whose values are rescaled to unit L2 norm (the others are already in [0, 1]). */
const NORMALISED_GROUPS = new Set<FeatureGroup>(["title", "words", "lexicon", "lexiconTitle", "causes"]);

/** Builds the sparse row of an issue for a given vocabulary. Unknown features are dropped before normalising. */
export function vectorize(raw: RawFeatures, index: Map<string, number>, groupWeights: Record<FeatureGroup, number>): SparseRow {
  const idx: number[] = [];
  const val: number[] = [];
  for (const group of FEATURE_GROUPS) {
    const weight = groupWeights[group] ?? 0;
    if (weight === 0) continue;
    const kept: Array<[number, number]> = [];
    let norm = 0;
    for (const [name, value] of raw[group]) {
      const j = index.get(name);
      if (j === undefined || value === 0) continue;
      kept.push([j, value]);
      norm += value * value;
    }
    const scale = NORMALISED_GROUPS.has(group) ? (norm > 0 ? weight / Math.sqrt(norm) : 0) : weight;
    for (const [j, v] of kept) {
      idx.push(j);
      val.push(v * scale);
    }
  }
  return { idx, val };
}

export function isWordFeature(name: string): boolean {
  return name.startsWith("t:") || name.startsWith("w:") || name.startsWith("b:");
}
export { WORD_GROUPS };

export interface TaskScore {
  logits: number[];
  probabilities: number[];
  row: SparseRow;
}

/** Index maps are cached per task object (a WeakMap, so no model is kept alive by it). */
const indexCache = new WeakMap<LinearTask, Map<string, number>>();

export function taskIndex(task: LinearTask): Map<string, number> {
  let index = indexCache.get(task);
  if (!index) {
    index = new Map(task.features.map((f, j) => [f, j]));
    indexCache.set(task, index);
  }
  return index;
}

export function scoreTask(task: LinearTask, raw: RawFeatures, groupWeights: Record<FeatureGroup, number>): TaskScore {
  const row = vectorize(raw, taskIndex(task), task.groupWeights ?? groupWeights);
  const z = logits(task, row);
  return { logits: z, probabilities: softmax(z, task.temperature), row };
}

/**
 * The features that pushed class k up the most: (w_kj − mean over classes of w_j) · x_j, largest first.
 * Returns feature names with their contribution.
 */
export function topContributions(task: LinearTask, row: SparseRow, k: number, limit: number): Array<[string, number]> {
  const K = task.classes.length;
  const out: Array<[string, number]> = [];
  for (let n = 0; n < row.idx.length; n++) {
    const j = row.idx[n]!;
    let mean = 0;
    for (let c = 0; c < K; c++) mean += task.weights[c]![j] ?? 0;
    mean /= K;
    const contribution = ((task.weights[k]![j] ?? 0) - mean) * row.val[n]!;
    if (contribution > 0) out.push([task.features[j]!, contribution]);
  }
  return out.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}

export function parseModel(json: unknown, source: string): ClassifierModel {
  const m = json as Partial<ClassifierModel> | null;
  if (!m || m.format !== MODEL_FORMAT || !m.type || !m.extrinsic || !m.hyperparameters) {
    throw new Error(`${source} is not an mltriage classifier model (expected format "${MODEL_FORMAT}")`);
  }
  return m as ClassifierModel;
}

export function loadModelFile(path: string | URL): ClassifierModel {
  const file = typeof path === "string" ? path : fileURLToPath(path);
  return parseModel(JSON.parse(readFileSync(file, "utf8")), file);
}

export const DEFAULT_MODEL_URL = new URL("../../models/classifier.json", import.meta.url);

let defaultModel: ClassifierModel | undefined;

/** The shipped model, read on first use and kept for the life of the process (it never changes at run time). */
export function defaultClassifierModel(): ClassifierModel {
  defaultModel ??= loadModelFile(DEFAULT_MODEL_URL);
  return defaultModel;
}
