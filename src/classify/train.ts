/**
 * Training of the classifier model from labelled issues: vocabulary, the two linear tasks, and temperature
 * calibration on out-of-fold logits. Used by scripts/train-classifier.ts and by eval-classify's cross-validation,
 * so what is measured is exactly what is shipped. Deterministic: no randomness except a seeded shuffle.
 */

import { BUG_TYPES, type BugType, type IssueText } from "../types.js";
import { analyseIssue, type FeatureGroup, type IssueAnalysis, type RawFeatures } from "./features.js";
import { fitTemperature, logits, trainComplementNB, trainSoftmax, type SparseRow } from "./logreg.js";
import { classMetrics, macroF1 } from "./metrics.js";
import { MODEL_FORMAT, isWordFeature, taskIndex, vectorize, type ClassifierModel, type LinearTask, type TrainHyperparameters } from "./model.js";
import { prepareIssue } from "./text.js";
import { EXTRINSIC_CLASSES, extrinsicOfCauseFeature, typeOfTermFeature } from "./domain-prior.js";

export interface LabelledIssue extends IssueText {
  id: string;
  repo: string;
  bugType: BugType;
  extrinsic: boolean;
}

/** An issue with its features computed once (training and cross-validation reuse them). */
export interface AnalysedIssue {
  issue: LabelledIssue;
  analysis: IssueAnalysis;
}

export const DEFAULT_HYPERPARAMETERS: TrainHyperparameters = {
  seed: 20240402,
  iterations: 400,
  l2Type: 0.03,
  l2Extrinsic: 0.03,
  l2Grid: [0.003, 0.01, 0.03, 0.1, 0.3, 1, 3],
  wordScaleGrid: [1],
  minDf: 2,
  minRepos: 2,
  balanced: true,
  calibrationFolds: 5,
  // Domain knowledge as the weights' prior mean: a lexicon term starts at +1 nat for its own bug type, a cause rule at
  // +1 for extrinsic; the L2 strength chosen in the fold then sets how far the labelled data may move them.
  lexiconPrior: 1,
  groupWeights: { title: 1, words: 1, lexicon: 1, lexiconTitle: 0.7, lexiconShare: 1, causes: 1, meta: 0.5 },
  // Extrinsic is defined by artefacts outside the project (CUDA, OS, a library, data, weights, the build), which the
  // closed cause and DL lexicons name in any project; open-vocabulary words mostly learn which project files more
  // extrinsic reports (mxnet 46%, tfjs 13% of the dev set), a base rate that does not carry over to an unseen project.
  extrinsicGroupWeights: { title: 0, words: 0, lexicon: 1, lexiconTitle: 0.7, lexiconShare: 1, causes: 1, meta: 0.5 },
  // The issue's target is the extrinsic class's F1; balanced class weights alone do not put the cut where F1 peaks.
  extrinsicThreshold: "f1",
  // ... at the share of extrinsic bugs the study found (40% of DL bugs), not at the training projects' own share. The
  // F1-best cut moves with the share of positives, and the pooled share of whichever projects are in training is no
  // estimate of an unseen project's: it is mostly the largest project's (tfjs's 13% when apache/mxnet, 46%, is left
  // out), while the study's figure comes from many projects.
  extrinsicRate: 0.4,
};

export function analyseAll(issues: LabelledIssue[]): AnalysedIssue[] {
  return issues.map((issue) => ({ issue, analysis: analyseIssue(prepareIssue(issue), ownNamesOf(issue.repo)) }));
}

/** A labelled issue's project names as the lexicons mask them: its repository's name (`horovod` of horovod/horovod). */
export function ownNamesOf(repo: string): string[] {
  const name = repo.split("/")[1];
  return name ? [name] : [];
}

/** Word features that occur in enough issues and repositories; every closed-vocabulary feature seen at all. */
export function buildVocabulary(items: AnalysedIssue[], hp: TrainHyperparameters): string[] {
  const df = new Map<string, number>();
  const repos = new Map<string, Set<string>>();
  for (const { issue, analysis } of items) {
    const seen = new Set<string>();
    for (const map of Object.values(analysis.features) as Map<string, number>[]) for (const name of map.keys()) seen.add(name);
    for (const name of seen) {
      df.set(name, (df.get(name) ?? 0) + 1);
      if (isWordFeature(name)) {
        let set = repos.get(name);
        if (!set) repos.set(name, (set = new Set()));
        set.add(issue.repo);
      }
    }
  }
  const vocab: string[] = [];
  for (const [name, count] of df) {
    if (!isWordFeature(name)) vocab.push(name);
    else if (count >= hp.minDf && (repos.get(name)?.size ?? 0) >= Math.min(hp.minRepos, distinctRepos(items))) vocab.push(name);
  }
  return vocab.sort();
}

function distinctRepos(items: AnalysedIssue[]): number {
  return new Set(items.map((x) => x.issue.repo)).size;
}

function classWeights(labels: number[], K: number, balanced: boolean): number[] {
  if (!balanced) return labels.map(() => 1);
  const counts = new Array<number>(K).fill(0);
  for (const y of labels) counts[y]!++;
  return labels.map((y) => labels.length / (K * counts[y]!));
}

interface TaskSpec {
  classes: readonly string[];
  /** The class a closed-vocabulary feature points at by domain knowledge (the prior mean of its weights), if any. */
  termClass?: (feature: string) => number | undefined;
  label: (issue: LabelledIssue) => number;
  /** Feature groups the task reads, with their weights. */
  groupWeights: (hp: TrainHyperparameters) => Record<FeatureGroup, number>;
  /** Two-class tasks: choose the decision threshold on out-of-fold F1 of class 1 (else argmax). */
  tuneThreshold?: (hp: TrainHyperparameters) => boolean;
}

/** Vocabulary and vectors of a set of training items (independent of the L2 strength, so computed once). */
interface PreparedRows {
  features: string[];
  rows: SparseRow[];
  groupWeights: Record<FeatureGroup, number>;
}

function prepareRows(items: AnalysedIssue[], hp: TrainHyperparameters, groupWeights: Record<FeatureGroup, number>): PreparedRows {
  const features = buildVocabulary(items, hp);
  const index = new Map(features.map((f, j) => [f, j]));
  return { features, rows: items.map((x) => vectorize(x.analysis.features, index, groupWeights)), groupWeights };
}

function scaledWords(gw: Record<FeatureGroup, number>, scale: number): Record<FeatureGroup, number> {
  return { ...gw, title: gw.title * scale, words: gw.words * scale };
}

/**
 * Prior mean of the weights from domain knowledge: a feature that points at class c starts at +μ for class c and
 * −μ/(K−1) for the others (zero-sum, as softmax weights are only defined up to a per-feature shift); other features
 * at 0. With two classes the margin z₁ − z₀ thus starts at ±2μ per unit of such a feature.
 */
export function lexiconPriorMean(features: string[], K: number, termClass: (feature: string) => number | undefined, mu: number): Float64Array[] {
  const prior = Array.from({ length: K }, () => new Float64Array(features.length));
  features.forEach((f, j) => {
    const c = termClass(f);
    if (c === undefined) return;
    for (let k = 0; k < K; k++) prior[k]![j] = k === c ? mu : -mu / (K - 1);
  });
  return prior;
}

/** Fits weights (no calibration). */
function fitWeights(
  items: AnalysedIssue[],
  prepared: PreparedRows,
  spec: TaskSpec,
  { l2, prior }: { l2: number; prior: number },
  hp: TrainHyperparameters,
): LinearTask {
  const labels = items.map((x) => spec.label(x.issue));
  const fit =
    hp.learner === "cnb"
      ? trainComplementNB(prepared.rows, labels, { nFeatures: prepared.features.length, nClasses: spec.classes.length, alpha: hp.cnbAlpha ?? 1 })
      : trainSoftmax(prepared.rows, labels, {
          nFeatures: prepared.features.length,
          nClasses: spec.classes.length,
          l2,
          iterations: hp.iterations,
          sampleWeights: classWeights(labels, spec.classes.length, hp.balanced),
          ...(prior > 0 && spec.termClass ? { priorMean: lexiconPriorMean(prepared.features, spec.classes.length, spec.termClass, prior) } : {}),
        });
  return {
    classes: [...spec.classes],
    features: prepared.features,
    weights: fit.weights.map((w) => Array.from(w)),
    bias: Array.from(fit.bias),
    temperature: 1,
    groupWeights: prepared.groupWeights,
  };
}

export function taskLogits(task: LinearTask, raw: RawFeatures, hp: TrainHyperparameters): number[] {
  return logits(task, vectorize(raw, taskIndex(task), task.groupWeights ?? hp.groupWeights));
}

/** A seeded PRNG (mulberry32), so fold assignment is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fold of each item. Grouped by repository when there are at least 3 repositories (calibrating on repositories the
 * model did not see is what the shipped model faces), else a seeded shuffle of rows.
 */
export function assignFolds(items: AnalysedIssue[], k: number, seed: number): number[] {
  const byRepo = new Map<string, number>();
  for (const x of items) byRepo.set(x.issue.repo, (byRepo.get(x.issue.repo) ?? 0) + 1);
  if (byRepo.size >= 3) {
    const folds = Math.min(k, byRepo.size);
    const sizes = new Array<number>(folds).fill(0);
    const foldOf = new Map<string, number>();
    const repos = [...byRepo.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [repo, n] of repos) {
      let best = 0;
      for (let f = 1; f < folds; f++) if (sizes[f]! < sizes[best]!) best = f;
      foldOf.set(repo, best);
      sizes[best]! += n;
    }
    return items.map((x) => foldOf.get(x.issue.repo)!);
  }
  const rand = seededRandom(seed);
  const order = items.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const folds = new Array<number>(items.length);
  order.forEach((i, pos) => (folds[i] = pos % Math.max(1, Math.min(k, items.length))));
  return folds;
}

/** Selection score of out-of-fold predictions: macro-F1 over the classes, or the positive class's F1 for two. */
function selectionScore(gold: number[], predicted: number[], K: number): number {
  const g = gold.map(String);
  const p = predicted.map(String);
  if (K === 2) return classMetrics(g, p, "1").f1;
  return macroF1(g, p, Array.from({ length: K }, (_, k) => String(k)));
}

/**
 * Fits a task. With a grid of L2 strengths, picks the strength whose out-of-fold predictions (folds grouped by
 * repository) score best, preferring the stronger one on ties; the temperature is then fitted on that strength's
 * out-of-fold logits. Only `items` are used: under cross-validation the held-out project never enters.
 */
function fitCalibratedTask(
  items: AnalysedIssue[],
  spec: TaskSpec,
  l2Grid: number[],
  hp: TrainHyperparameters,
): { task: LinearTask; l2: number; wordScale: number; prior: number } {
  const scales = hp.wordScaleGrid ?? [1];
  // The lexicon prior's strength is a candidate like the L2 strength, for tasks whose features have a prior class.
  const priors = spec.termClass ? (hp.lexiconPriorGrid ?? [hp.lexiconPrior ?? 0]) : [0];
  const candidates = scales.flatMap((wordScale) => priors.flatMap((prior) => l2Grid.map((l2) => ({ l2, wordScale, prior }))));
  if (hp.calibrationFolds < 2 || candidates.length === 0) {
    // Experiments only: first candidate, temperature 1.
    const c = candidates[0] ?? { l2: l2Grid[0] ?? hp.l2Type, wordScale: 1, prior: 0 };
    return { task: fitWeights(items, prepareRows(items, hp, scaledWords(spec.groupWeights(hp), c.wordScale)), spec, c, hp), ...c };
  }
  const folds = assignFolds(items, hp.calibrationFolds, hp.seed);
  const nFolds = Math.max(...folds) + 1;
  const oof = candidates.map(() => ({ logits: [] as number[][], labels: [] as number[] }));
  for (let f = 0; f < nFolds; f++) {
    const train = items.filter((_, i) => folds[i] !== f);
    const test = items.filter((_, i) => folds[i] === f);
    if (test.length === 0 || new Set(train.map((x) => spec.label(x.issue))).size < 2) continue;
    for (const wordScale of scales) {
      const prepared = prepareRows(train, hp, scaledWords(spec.groupWeights(hp), wordScale));
      candidates.forEach((c, g) => {
        if (c.wordScale !== wordScale) return;
        const inner = fitWeights(train, prepared, spec, c, hp);
        for (const x of test) {
          oof[g]!.logits.push(taskLogits(inner, x.analysis.features, hp));
          oof[g]!.labels.push(spec.label(x.issue));
        }
      });
    }
  }
  // Best out-of-fold score; on a tie the simpler candidate (stronger L2, then fewer words).
  let best = 0;
  let bestScore = -1;
  // With a tuned threshold, candidates are compared by how well they rank (AUC of the out-of-fold margins), which
  // does not depend on where the cut falls; the cut is then chosen for the selected candidate. (Comparing each
  // candidate's F1 at its own best cut rewards the luckiest cut, a maximum over many noisy values.)
  const tune = spec.classes.length === 2 && (spec.tuneThreshold?.(hp) ?? false);
  candidates.forEach((c, g) => {
    let score: number;
    if (tune) {
      score = rankAuc(oof[g]!.logits.map((z) => z[1]! - z[0]!), oof[g]!.labels);
    } else {
      const predicted = oof[g]!.logits.map((z) => z.indexOf(Math.max(...z)));
      score = selectionScore(oof[g]!.labels, predicted, spec.classes.length);
    }
    const b = candidates[best]!;
    const simpler = c.l2 > b.l2 || (c.l2 === b.l2 && c.wordScale < b.wordScale);
    if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && simpler)) {
      best = g;
      bestScore = score;
    }
  });
  const chosen = candidates[best]!;
  const task = fitWeights(items, prepareRows(items, hp, scaledWords(spec.groupWeights(hp), chosen.wordScale)), spec, chosen, hp);
  task.temperature = fitTemperature(oof[best]!.logits, oof[best]!.labels);
  if (tune) task.threshold = marginAsProbability(bestF1Threshold(oof[best]!.logits, oof[best]!.labels, hp.extrinsicRate).threshold, task.temperature);
  return { task, ...chosen };
}

/**
 * The margin z₁ − z₀ above which predicting class 1 gives the best F1 of class 1 on out-of-fold logits: the midpoint
 * between the two adjacent margins around the best cut (a cut between observations, not on one). On a tie, the cut
 * nearest to 0 (the argmax rule). With `positiveRate`, F1 is counted as if that share of the rows were of class 1.
 */
export function bestF1Threshold(oofLogits: number[][], labels: number[], positiveRate?: number): { threshold: number; f1: number } {
  if (positiveRate !== undefined && !(positiveRate > 0 && positiveRate < 1)) {
    throw new RangeError(`the share of positives must lie strictly between 0 and 1, not ${positiveRate}`);
  }
  const margins = oofLogits.map((z, i) => ({ m: z[1]! - z[0]!, y: labels[i]! })).sort((a, b) => b.m - a.m);
  const positives = margins.filter((x) => x.y === 1).length;
  const negatives = margins.length - positives;
  // F1 as it would be where a share `positiveRate` of the issues are of class 1: each class's rows weighted so that
  // the classes' totals stand in that ratio (the counts unchanged where no rate is given).
  const wPos = positiveRate === undefined || positives === 0 ? 1 : (positiveRate * margins.length) / positives;
  const wNeg = positiveRate === undefined || negatives === 0 ? 1 : ((1 - positiveRate) * margins.length) / negatives;
  let best = { threshold: 0, f1: -1 };
  let tp = 0;
  let fp = 0;
  for (let n = 1; n <= margins.length; n++) {
    if (margins[n - 1]!.y === 1) tp++;
    else fp++;
    // Cut after the n highest margins, only where the margin changes.
    if (n < margins.length && margins[n]!.m === margins[n - 1]!.m) continue;
    const f1 = positives === 0 ? 0 : (2 * tp * wPos) / (tp * wPos + fp * wNeg + positives * wPos);
    const cut = n < margins.length ? (margins[n - 1]!.m + margins[n]!.m) / 2 : margins[n - 1]!.m - 1;
    if (f1 > best.f1 + 1e-9 || (Math.abs(f1 - best.f1) <= 1e-9 && Math.abs(cut) < Math.abs(best.threshold))) best = { threshold: cut, f1 };
  }
  return best;
}

/** Area under the ROC curve of scores for labels 1 vs 0 (ties count half); 0.5 when a class is absent. */
export function rankAuc(scores: number[], labels: number[]): number {
  const order = scores.map((v, i) => ({ v, y: labels[i]! })).sort((a, b) => a.v - b.v);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]!.v === order[i]!.v) j++;
    const midRank = (i + 1 + j) / 2; // ranks i+1..j share their mean
    for (let k = i; k < j; k++) if (order[k]!.y === 1) {
      rankSum += midRank;
      positives++;
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** A margin z₁ − z₀ as the calibrated probability of class 1 it gives (two-class softmax at temperature T). */
function marginAsProbability(margin: number, temperature: number): number {
  return 1 / (1 + Math.exp(-margin / temperature));
}

export interface TrainMetadata {
  dataset: string;
  sha256: string;
  extraDatasets?: Array<{ dataset: string; sha256: string; rows: number }>;
  commit: string;
  createdAt: string;
}

const TYPE_SPEC: TaskSpec = {
  classes: BUG_TYPES,
  label: (i) => BUG_TYPES.indexOf(i.bugType),
  groupWeights: (hp) => hp.groupWeights,
  termClass: typeOfTermFeature,
};
const EXTRINSIC_SPEC: TaskSpec = {
  classes: EXTRINSIC_CLASSES,
  label: (i) => (i.extrinsic ? 1 : 0),
  groupWeights: (hp) => hp.extrinsicGroupWeights ?? hp.groupWeights,
  tuneThreshold: (hp) => hp.extrinsicThreshold === "f1",
  termClass: extrinsicOfCauseFeature,
};

export function trainClassifier(
  items: AnalysedIssue[],
  hp: TrainHyperparameters = DEFAULT_HYPERPARAMETERS,
  meta: TrainMetadata = { dataset: "unnamed", sha256: "unknown", commit: "unknown", createdAt: new Date(0).toISOString() },
): ClassifierModel {
  if (items.length === 0) throw new Error("no labelled issues to train on");
  const repos: Record<string, number> = {};
  for (const x of items) repos[x.issue.repo] = (repos[x.issue.repo] ?? 0) + 1;
  const type = fitCalibratedTask(items, TYPE_SPEC, hp.l2Grid ?? [hp.l2Type], hp);
  const extrinsic = fitCalibratedTask(items, EXTRINSIC_SPEC, hp.l2Grid ?? [hp.l2Extrinsic], hp);
  return {
    format: MODEL_FORMAT,
    // Method, training data and code, so a posted label can be traced to what made it.
    modelVersion: `lexlr-2.${meta.sha256.slice(0, 8)}.${meta.commit.slice(0, 7)}${meta.commit.endsWith("-dirty") ? "-dirty" : ""}`,
    createdAt: meta.createdAt,
    trainedOn: {
      dataset: meta.dataset,
      sha256: meta.sha256,
      rows: items.length,
      ...(meta.extraDatasets ? { extraDatasets: meta.extraDatasets } : {}),
      repos: Object.fromEntries(Object.entries(repos).sort()),
    },
    code: { commit: meta.commit },
    hyperparameters: { ...hp, l2Type: type.l2, l2Extrinsic: extrinsic.l2, lexiconPrior: type.prior },
    type: roundTask(type.task),
    extrinsic: roundTask(extrinsic.task),
  };
}

/**
 * Rounds weights to 6 decimals to keep the shipped file small. Features of a group the task does not use (weight 0)
 * are dropped; no other feature is: the per-group normalisation runs over the vocabulary, so removing a used
 * feature would change every other feature's value.
 */
function roundTask(task: LinearTask): LinearTask {
  const r = (x: number): number => Math.round(x * 1e6) / 1e6;
  const gw = task.groupWeights;
  const unused = (name: string): boolean =>
    !!gw && ((name.startsWith("t:") && gw.title === 0) || ((name.startsWith("w:") || name.startsWith("b:")) && gw.words === 0));
  const keep = task.features.map((f, j) => (unused(f) ? -1 : j)).filter((j) => j >= 0);
  return {
    classes: task.classes,
    features: keep.map((j) => task.features[j]!),
    weights: task.weights.map((w) => keep.map((j) => r(w[j]!))),
    bias: task.bias.map(r),
    temperature: r(task.temperature),
    ...(task.threshold !== undefined ? { threshold: r(task.threshold) } : {}),
    ...(gw ? { groupWeights: gw } : {}),
  };
}
