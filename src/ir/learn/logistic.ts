/**
 * L2-regularised logistic regression with per-example weights, fitted by full-batch Newton steps
 * (IRLS). Small and exact enough for a few dozen features and a few hundred thousand rows; deterministic
 * (no random initialisation), so the shipped weights are reproducible.
 */
export interface LogisticModel {
  weights: number[];
  bias: number;
}

export interface TrainingSet {
  /** Row-major features, `rows × dims`. */
  x: Float32Array | Float64Array;
  y: Uint8Array;
  /** Weight of each row (e.g. so that every bug counts the same). */
  w: Float64Array;
  dims: number;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Solves A·x = b for a small symmetric positive-definite A (Cholesky). */
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
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/**
 * Fits weights minimising Σ w_i·logloss(y_i, σ(θ·x_i + b)) + (λ/2)·‖θ‖² (the bias is not penalised).
 */
export function trainLogistic(data: TrainingSet, lambda = 1, iterations = 25): LogisticModel {
  const d = data.dims;
  const n = data.y.length;
  const p = d + 1; // last coordinate is the bias
  let theta = new Float64Array(p);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(p);
    const hess = new Float64Array(p * p);
    const row = new Float64Array(p);
    row[d] = 1;
    for (let i = 0; i < n; i++) {
      let z = theta[d]!;
      for (let j = 0; j < d; j++) {
        row[j] = data.x[i * d + j]!;
        z += theta[j]! * row[j]!;
      }
      const pr = sigmoid(z);
      const wi = data.w[i]!;
      const r = wi * (pr - data.y[i]!);
      const h = wi * pr * (1 - pr);
      for (let j = 0; j < p; j++) {
        grad[j]! += r * row[j]!;
        if (h === 0) continue;
        const hj = h * row[j]!;
        for (let k = 0; k <= j; k++) hess[j * p + k]! += hj * row[k]!;
      }
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) hess[k * p + j] = hess[j * p + k]!;
    for (let j = 0; j < d; j++) {
      grad[j]! += lambda * theta[j]!;
      hess[j * p + j]! += lambda;
    }
    hess[d * p + d]! += 1e-9;
    const step = solve(hess, grad, p);
    let change = 0;
    const next = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      next[j] = theta[j]! - step[j]!;
      change = Math.max(change, Math.abs(step[j]!));
    }
    theta = next;
    if (change < 1e-7) break;
  }
  return { weights: Array.from(theta.subarray(0, d)), bias: theta[d]! };
}

/** The linear score θ·x + b of one row (monotone in the probability, so it ranks the same). */
export function linearScore(model: LogisticModel, x: ArrayLike<number>, offset = 0): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++) z += model.weights[j]! * x[offset + j]!;
  return z;
}

export { sigmoid };
