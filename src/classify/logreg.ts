/**
 * Multinomial logistic regression over sparse rows, L2-regularised, fitted by Nesterov-accelerated full-batch
 * gradient descent with a fixed step from the Lipschitz bound. Full batch and a fixed iteration count make training
 * deterministic: the same rows give the same weights, bit for bit, on any machine.
 *
 * Objective: (1/Σw) Σ_i w_i · CE(softmax(W x_i + b), y_i) + (λ/2)·‖W − W₀‖², W₀ a prior mean (default 0). The
 * intercept b is not penalised.
 */

export interface SparseRow {
  idx: number[];
  val: number[];
}

export interface SoftmaxFit {
  /** weights[k][j] for class k, feature j. */
  weights: Float64Array[];
  bias: Float64Array;
}

export interface SoftmaxOptions {
  nFeatures: number;
  nClasses: number;
  l2: number;
  iterations: number;
  /** Per-row weights (e.g. inverse class frequency); default 1. */
  sampleWeights?: number[];
  /**
   * Prior mean of the weights (priorMean[k][j]; absent: 0): the L2 penalty pulls towards it instead of towards 0, so
   * domain knowledge ("this term points at class k") is the default the data can overrule.
   */
  priorMean?: ArrayLike<number>[];
}

export function logits(fit: { weights: ArrayLike<number>[]; bias: ArrayLike<number> }, row: SparseRow): number[] {
  const z: number[] = [];
  for (let k = 0; k < fit.weights.length; k++) {
    const w = fit.weights[k]!;
    let s = fit.bias[k]!;
    for (let n = 0; n < row.idx.length; n++) s += (w[row.idx[n]!] ?? 0) * row.val[n]!;
    z.push(s);
  }
  return z;
}

export function softmax(z: number[], temperature = 1): number[] {
  const scaled = z.map((v) => v / temperature);
  const max = Math.max(...scaled);
  const e = scaled.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

export function trainSoftmax(rows: SparseRow[], labels: number[], opts: SoftmaxOptions): SoftmaxFit {
  const { nFeatures: D, nClasses: K, l2, iterations } = opts;
  const sw = opts.sampleWeights ?? rows.map(() => 1);
  const totalWeight = sw.reduce((a, b) => a + b, 0) || 1;

  // Lipschitz constant of the gradient: the softmax Hessian in the logits is bounded by 1/2, so the loss Hessian is
  // bounded by 1/2 · λmax(Xᵀ diag(w/Σw) X) with X augmented by the intercept column; λmax by power iteration.
  const lambdaMax = largestEigenvalue(rows, sw.map((w) => w / totalWeight), D);
  const step = 1 / (0.5 * lambdaMax * 1.05 + l2);

  const size = K * (D + 1); // per class: D weights then the bias
  let theta = new Float64Array(size);
  let prev = new Float64Array(size);
  const grad = new Float64Array(size);
  const look = new Float64Array(size);

  for (let t = 1; t <= iterations; t++) {
    const momentum = (t - 1) / (t + 2);
    for (let p = 0; p < size; p++) look[p] = theta[p]! + momentum * (theta[p]! - prev[p]!);
    computeGradient(look, rows, labels, sw, totalWeight, K, D, l2, grad, opts.priorMean);
    prev = theta;
    theta = new Float64Array(size);
    for (let p = 0; p < size; p++) theta[p] = look[p]! - step * grad[p]!;
  }

  const weights: Float64Array[] = [];
  const bias = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    weights.push(theta.slice(k * (D + 1), k * (D + 1) + D));
    bias[k] = theta[k * (D + 1) + D]!;
  }
  return { weights, bias };
}

/** Largest eigenvalue of Σ_i w_i·[x_i,1][x_i,1]ᵀ, by 50 power iterations from a fixed start (deterministic). */
function largestEigenvalue(rows: SparseRow[], w: number[], D: number): number {
  let v = new Float64Array(D + 1).fill(1 / Math.sqrt(D + 1));
  let lambda = 0;
  for (let it = 0; it < 50; it++) {
    const next = new Float64Array(D + 1);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      let dot = v[D]!;
      for (let n = 0; n < row.idx.length; n++) dot += v[row.idx[n]!]! * row.val[n]!;
      const s = dot * w[i]!;
      for (let n = 0; n < row.idx.length; n++) next[row.idx[n]!]! += s * row.val[n]!;
      next[D]! += s;
    }
    let norm = 0;
    for (const x of next) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm === 0) return 1;
    lambda = norm;
    for (let j = 0; j <= D; j++) next[j]! /= norm;
    v = next;
  }
  return Math.max(lambda, 1e-9);
}

function computeGradient(
  theta: Float64Array,
  rows: SparseRow[],
  labels: number[],
  sw: number[],
  totalWeight: number,
  K: number,
  D: number,
  l2: number,
  grad: Float64Array,
  priorMean?: ArrayLike<number>[],
): void {
  grad.fill(0);
  const z = new Float64Array(K);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      const base = k * (D + 1);
      let s = theta[base + D]!;
      for (let n = 0; n < row.idx.length; n++) s += theta[base + row.idx[n]!]! * row.val[n]!;
      z[k] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let k = 0; k < K; k++) {
      z[k] = Math.exp(z[k]! - max);
      sum += z[k]!;
    }
    const scale = sw[i]! / totalWeight;
    for (let k = 0; k < K; k++) {
      const r = (z[k]! / sum - (labels[i] === k ? 1 : 0)) * scale;
      const base = k * (D + 1);
      for (let n = 0; n < row.idx.length; n++) grad[base + row.idx[n]!]! += r * row.val[n]!;
      grad[base + D]! += r;
    }
  }
  for (let k = 0; k < K; k++) {
    const base = k * (D + 1);
    const prior = priorMean?.[k];
    for (let j = 0; j < D; j++) grad[base + j]! += l2 * (theta[base + j]! - (prior ? prior[j]! : 0));
  }
}

/**
 * Temperature scaling (Guo et al., 2017): the T > 0 minimising the negative log-likelihood of softmax(z/T) on
 * held-out logits. Golden-section search over log T in [log 1e-4, log 100]; the NLL is unimodal in T.
 */
export function fitTemperature(heldOutLogits: number[][], labels: number[]): number {
  if (heldOutLogits.length === 0) return 1;
  const nll = (logT: number): number => {
    const T = Math.exp(logT);
    let s = 0;
    for (let i = 0; i < heldOutLogits.length; i++) {
      const p = softmax(heldOutLogits[i]!, T)[labels[i]!]!;
      s -= Math.log(Math.max(p, 1e-12));
    }
    return s;
  };
  let lo = Math.log(1e-4);
  let hi = Math.log(100);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let it = 0; it < 60; it++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = nll(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = nll(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * Complement naive Bayes (Rennie et al., 2003) with weight normalisation, returned as a linear model: class c scores
 * −Σ_j x_j·ŵ_cj, where ŵ_c are the log complement-class feature probabilities (Laplace smoothing α) scaled to unit
 * L1 norm. Needs non-negative features. Robust on small, imbalanced text sets; closed form, so deterministic.
 */
export function trainComplementNB(rows: SparseRow[], labels: number[], opts: { nFeatures: number; nClasses: number; alpha: number }): SoftmaxFit {
  const { nFeatures: D, nClasses: K, alpha } = opts;
  const perClass = Array.from({ length: K }, () => new Float64Array(D));
  const total = new Float64Array(D);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let n = 0; n < row.idx.length; n++) {
      const v = Math.max(0, row.val[n]!);
      perClass[labels[i]!]![row.idx[n]!]! += v;
      total[row.idx[n]!]! += v;
    }
  }
  const grand = total.reduce((a, b) => a + b, 0);
  const weights: Float64Array[] = [];
  for (let k = 0; k < K; k++) {
    const own = perClass[k]!;
    const ownSum = own.reduce((a, b) => a + b, 0);
    const denom = grand - ownSum + alpha * D;
    const w = new Float64Array(D);
    let l1 = 0;
    for (let j = 0; j < D; j++) {
      w[j] = Math.log((total[j]! - own[j]! + alpha) / denom);
      l1 += Math.abs(w[j]!);
    }
    for (let j = 0; j < D; j++) w[j] = -w[j]! / (l1 || 1);
    weights.push(w);
  }
  return { weights, bias: new Float64Array(K) };
}
