/**
 * Agreement metrics between gold labels and predictions: accuracy, per-class precision/recall/F1, macro-F1,
 * confusion matrix and Cohen's kappa. Pure functions over label arrays.
 */

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface MulticlassReport {
  n: number;
  accuracy: number;
  macroF1: number;
  kappa: number;
  perClass: Record<string, ClassMetrics>;
  /** confusion.matrix[i][j]: gold labels[i] predicted as labels[j]. */
  confusion: { labels: string[]; matrix: number[][] };
}

export function confusionMatrix(gold: string[], predicted: string[], labels: string[]): number[][] {
  if (gold.length !== predicted.length) throw new Error("gold and predicted differ in length");
  const index = new Map(labels.map((l, i) => [l, i]));
  const m = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < gold.length; i++) {
    const g = index.get(gold[i]!);
    const p = index.get(predicted[i]!);
    if (g === undefined || p === undefined) throw new Error(`label outside ${labels.join(", ")}: ${gold[i]} / ${predicted[i]}`);
    m[g]![p]!++;
  }
  return m;
}

export function accuracy(gold: string[], predicted: string[]): number {
  if (gold.length === 0) return 0;
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) ok++;
  return ok / gold.length;
}

/** Precision, recall and F1 of one class; 0 where undefined (no prediction or no gold instance). */
export function classMetrics(gold: string[], predicted: string[], label: string): ClassMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] === label;
    const p = predicted[i] === label;
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support: tp + fn };
}

/** Unweighted mean of the per-class F1 over the given labels (every label counts, even one never predicted). */
export function macroF1(gold: string[], predicted: string[], labels: string[]): number {
  if (labels.length === 0) return 0;
  return labels.reduce((s, l) => s + classMetrics(gold, predicted, l).f1, 0) / labels.length;
}

/** Cohen's kappa: (p_o − p_e) / (1 − p_e); 0 when p_e = 1 (both raters constant and identical gives no information). */
export function cohensKappa(gold: string[], predicted: string[], labels: string[]): number {
  const n = gold.length;
  if (n === 0) return 0;
  const m = confusionMatrix(gold, predicted, labels);
  let po = 0;
  let pe = 0;
  for (let i = 0; i < labels.length; i++) {
    po += m[i]![i]!;
    const row = m[i]!.reduce((a, b) => a + b, 0);
    const col = m.reduce((a, r) => a + r[i]!, 0);
    pe += (row / n) * (col / n);
  }
  po /= n;
  return pe === 1 ? 0 : (po - pe) / (1 - pe);
}

export function multiclassReport(gold: string[], predicted: string[], labels: string[]): MulticlassReport {
  const perClass: Record<string, ClassMetrics> = {};
  for (const l of labels) perClass[l] = classMetrics(gold, predicted, l);
  return {
    n: gold.length,
    accuracy: accuracy(gold, predicted),
    macroF1: macroF1(gold, predicted, labels),
    kappa: cohensKappa(gold, predicted, labels),
    perClass,
    confusion: { labels, matrix: confusionMatrix(gold, predicted, labels) },
  };
}

/** The most frequent label (ties broken by the order of `labels`). */
export function majorityLabel(gold: string[], labels: string[]): string {
  let best = labels[0]!;
  let bestCount = -1;
  for (const l of labels) {
    const c = gold.filter((g) => g === l).length;
    if (c > bestCount) {
      best = l;
      bestCount = c;
    }
  }
  return best;
}

/**
 * Expected calibration error: the mean |accuracy − confidence| over equal-width confidence bins, weighted by bin
 * size. `confidence[i]` is the probability given to the predicted label, `correct[i]` whether it was right.
 */
export function expectedCalibrationError(confidence: number[], correct: boolean[], bins = 10): number {
  const n = confidence.length;
  if (n === 0) return 0;
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const lo = b / bins;
    const hi = (b + 1) / bins;
    const members = confidence.map((c, i) => i).filter((i) => confidence[i]! >= lo && (confidence[i]! < hi || (b === bins - 1 && confidence[i]! <= 1)));
    if (members.length === 0) continue;
    const acc = members.filter((i) => correct[i]).length / members.length;
    const conf = members.reduce((s, i) => s + confidence[i]!, 0) / members.length;
    ece += (members.length / n) * Math.abs(acc - conf);
  }
  return ece;
}
