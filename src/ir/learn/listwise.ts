/** Weights of a linear scoring function; the bias does not change a ranking but is kept for other uses. */
export interface LinearModel {
  weights: number[];
  bias: number;
}

/** One query's candidates: row-major features and which rows are relevant. */
export interface RankingList {
  x: Float32Array | Float64Array;
  rows: number;
  relevant: readonly number[];
}

/** θ·x + bias for every row of a row-major matrix. */
export function linearScores(theta: ArrayLike<number>, bias: number, x: ArrayLike<number>, rows: number, dims: number): Float64Array {
  const z = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = bias;
    for (let j = 0; j < dims; j++) s += theta[j]! * x[r * dims + j]!;
    z[r] = s;
  }
  return z;
}

/** Turns scores into their softmax in place (shifted by the maximum, so it never overflows); returns log Σ e^z. */
export function softmaxInPlace(z: Float64Array): number {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let r = 0; r < z.length; r++) sum += (z[r] = Math.exp(z[r]! - max));
  for (let r = 0; r < z.length; r++) z[r] = z[r]! / sum;
  return max + Math.log(sum);
}

/** Solves the symmetric positive-definite system A·s = b (Cholesky). */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  const out = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * out[k]!;
    out[i] = s / l[i * n + i]!;
  }
  return out;
}

/**
 * Listwise learning to rank (ListNet with a top-one softmax, Cao et al., ICML 2007): for each bug, the softmax of
 * the linear scores over all its files should put its mass on the ground-truth files. Minimises
 * Σ_bugs −(1/|G|)·Σ_{g∈G} log softmax(z)_g + (λ/2)·‖θ‖² by Newton steps. Convex, deterministic, and it
 * optimises the ranking inside each bug directly, which a pointwise classifier does not. Every bug weighs the
 * same whatever its number of files. There is no bias: a constant does not change a ranking.
 */
export function trainListwise(lists: readonly RankingList[], dims: number, lambda = 1, iterations = 30): LinearModel {
  let theta = new Float64Array(dims);
  let current = listwiseLoss(lists, dims, theta, lambda);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(dims);
    const hess = new Float64Array(dims * dims);
    for (const list of lists) {
      if (list.relevant.length === 0 || list.rows < 2) continue;
      const z = linearScores(theta, 0, list.x, list.rows, dims);
      softmaxInPlace(z);
      const mean = new Float64Array(dims); // E_softmax[x]
      for (let r = 0; r < list.rows; r++) {
        const p = z[r]!;
        if (p < 1e-12) continue;
        for (let j = 0; j < dims; j++) mean[j]! += p * list.x[r * dims + j]!;
      }
      const target = 1 / list.relevant.length;
      for (const g of list.relevant) for (let j = 0; j < dims; j++) grad[j]! -= target * list.x[g * dims + j]!;
      for (let j = 0; j < dims; j++) grad[j]! += mean[j]!;
      // Hessian of log-sum-exp: Cov_softmax[x] = E[x xᵀ] − E[x]E[x]ᵀ
      for (let r = 0; r < list.rows; r++) {
        const p = z[r]!;
        if (p < 1e-12) continue;
        for (let j = 0; j < dims; j++) {
          const pj = p * (list.x[r * dims + j]! - mean[j]!);
          if (pj === 0) continue;
          for (let k = 0; k <= j; k++) hess[j * dims + k]! += pj * (list.x[r * dims + k]! - mean[k]!);
        }
      }
    }
    for (let j = 0; j < dims; j++) for (let k = 0; k < j; k++) hess[k * dims + j] = hess[j * dims + k]!;
    for (let j = 0; j < dims; j++) {
      grad[j]! += lambda * theta[j]!;
      hess[j * dims + j]! += lambda;
    }
    const step = solve(hess, grad, dims);
    // Damped Newton: halve the step until the loss goes down (a full step can overshoot far from the optimum).
    let t = 1;
    let next = new Float64Array(dims);
    let loss = Infinity;
    for (let tries = 0; tries < 30; tries++, t /= 2) {
      next = theta.map((v, j) => v - t * step[j]!);
      loss = listwiseLoss(lists, dims, next, lambda);
      if (loss <= current) break;
    }
    if (!(loss <= current)) break;
    let change = 0;
    for (let j = 0; j < dims; j++) change = Math.max(change, Math.abs(next[j]! - theta[j]!));
    theta = next;
    const improvement = current - loss;
    current = loss;
    if (change < 1e-7 || improvement < 1e-10) break;
  }
  return { weights: Array.from(theta), bias: 0 };
}

/** The objective of {@link trainListwise} at θ. */
export function listwiseLoss(lists: readonly RankingList[], dims: number, theta: ArrayLike<number>, lambda: number): number {
  let loss = 0;
  for (const list of lists) {
    if (list.relevant.length === 0 || list.rows < 2) continue;
    const z = linearScores(theta, 0, list.x, list.rows, dims);
    const logits = Float64Array.from(z);
    const logSum = softmaxInPlace(z);
    for (const g of list.relevant) loss -= (logits[g]! - logSum) / list.relevant.length;
  }
  let norm = 0;
  for (let j = 0; j < dims; j++) norm += theta[j]! * theta[j]!;
  return loss + (lambda / 2) * norm;
}
