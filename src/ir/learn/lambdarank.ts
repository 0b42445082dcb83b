import { linearScores, type LinearModel, type RankingList } from "./listwise.js";

export interface LambdaRankOptions {
  iterations: number;
  learningRate: number;
  /** L2 strength on the mean per-list objective. */
  l2: number;
}

/**
 * This project's settings for the fine-tuning pass (not from the LambdaRank papers, which used plain gradient
 * steps): Adam with its usual moments, a step small against weights of order 1, and enough steps for the NDCG
 * lambdas to settle. The objective is not convex, so it starts from ListNet's convex optimum.
 */
export const LAMBDARANK_DEFAULTS: LambdaRankOptions = { iterations: 100, learningRate: 0.05, l2: 1e-4 };

/** 1 / log2(2 + i): the NDCG discount of the file at 0-based position i. */
function discount(position: number): number {
  return 1 / Math.log2(position + 2);
}

/**
 * LambdaRank for a linear scorer (Burges, "From RankNet to LambdaRank to LambdaMART", 2010): every pair of a
 * relevant and an irrelevant file of a list pulls their scores apart with the RankNet gradient, weighted by how
 * much swapping the two would change the list's NDCG. Files near the top therefore count most, which is what a
 * reader of the comment sees; ListNet's top-one softmax weighs every position alike. Deterministic (full-batch
 * Adam from the given start), so the same data give the same weights.
 */
export function fineTuneLambdaRank(lists: readonly RankingList[], dims: number, start: LinearModel, options: LambdaRankOptions = LAMBDARANK_DEFAULTS): LinearModel {
  const usable = lists.filter((l) => l.relevant.length > 0 && l.rows > l.relevant.length);
  const theta = Float64Array.from(start.weights);
  const m = new Float64Array(dims);
  const v = new Float64Array(dims);
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let it = 1; it <= options.iterations; it++) {
    const grad = lambdaGradient(usable, dims, theta);
    for (let j = 0; j < dims; j++) {
      const g = -grad[j]! / Math.max(usable.length, 1) + options.l2 * theta[j]!;
      m[j] = beta1 * m[j]! + (1 - beta1) * g;
      v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
      const mHat = m[j]! / (1 - beta1 ** it);
      const vHat = v[j]! / (1 - beta2 ** it);
      theta[j]! -= (options.learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return { weights: Array.from(theta), bias: start.bias };
}

/**
 * Σ_lists Σ_rows λ_row · x_row: LambdaRank's stand-in for the gradient of NDCG (which has none: it is a step
 * function of θ). Following it tends to raise NDCG; nothing guarantees that every step does.
 */
export function lambdaGradient(lists: readonly RankingList[], dims: number, theta: ArrayLike<number>): Float64Array {
  const grad = new Float64Array(dims);
  for (const list of lists) {
    const lambdas = listLambdas(list, linearScores(theta, 0, list.x, list.rows, dims));
    for (let r = 0; r < list.rows; r++) {
      const l = lambdas[r]!;
      if (l === 0) continue;
      for (let j = 0; j < dims; j++) grad[j]! += l * list.x[r * dims + j]!;
    }
  }
  return grad;
}

/**
 * The lambdas of one list: for each relevant i and irrelevant j, ρ = σ(s_j − s_i) times |ΔNDCG| of swapping them
 * is added to λ_i and taken from λ_j.
 */
export function listLambdas(list: RankingList, scores: Float64Array): Float64Array {
  const position = positions(scores);
  const relevant = new Uint8Array(list.rows);
  for (const g of list.relevant) relevant[g] = 1;
  let idealDcg = 0;
  for (let p = 0; p < list.relevant.length; p++) idealDcg += discount(p);
  const discountAt = new Float64Array(list.rows); // the NDCG discount at each row's current position
  for (let r = 0; r < list.rows; r++) discountAt[r] = discount(position[r]!);
  const lambdas = new Float64Array(list.rows);
  for (const i of list.relevant) {
    let sum = 0;
    for (let j = 0; j < list.rows; j++) {
      if (relevant[j]) continue;
      const pull = (1 / (1 + Math.exp(scores[i]! - scores[j]!))) * (Math.abs(discountAt[i]! - discountAt[j]!) / idealDcg);
      sum += pull;
      lambdas[j]! -= pull;
    }
    lambdas[i]! += sum;
  }
  return lambdas;
}

/** Each row's 0-based position when ranked as the evaluation ranks: score descending, ties by row number. */
export function positions(scores: Float64Array): Int32Array {
  const order = new Int32Array(scores.length);
  for (let r = 0; r < order.length; r++) order[r] = r;
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const position = new Int32Array(scores.length);
  for (let p = 0; p < order.length; p++) position[order[p]!] = p;
  return position;
}
