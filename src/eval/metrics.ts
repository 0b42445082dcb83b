/**
 * Ranking metrics of the paper (§3): Top@K, reciprocal rank and average precision per bug, and their means.
 * A ground-truth file that is not ranked contributes 0.
 */

/** The 1-based rank of each ground-truth file in `ranked`, or null when it is not ranked. */
export function ranksOf(ranked: readonly string[], groundTruth: readonly string[]): (number | null)[] {
  const position = new Map<string, number>();
  ranked.forEach((p, i) => {
    if (!position.has(p)) position.set(p, i + 1);
  });
  return groundTruth.map((g) => position.get(g) ?? null);
}

export interface BugScore {
  /** Best rank of a ground-truth file, or null. */
  firstRank: number | null;
  top1: boolean;
  top5: boolean;
  top10: boolean;
  rr: number;
  ap: number;
}

/** Scores one bug from the ranks of its ground-truth files (one entry per ground-truth file). */
export function scoreBug(ranks: readonly (number | null)[]): BugScore {
  const found = ranks.filter((r): r is number => r !== null).sort((a, b) => a - b);
  const first = found[0] ?? null;
  let ap = 0;
  found.forEach((rank, i) => {
    ap += (i + 1) / rank; // precision at this ground-truth file's rank
  });
  ap = ranks.length > 0 ? ap / ranks.length : 0;
  return {
    firstRank: first,
    top1: first !== null && first <= 1,
    top5: first !== null && first <= 5,
    top10: first !== null && first <= 10,
    rr: first !== null ? 1 / first : 0,
    ap,
  };
}

/** Mean metrics over a set of bugs: fractions in [0, 1]. */
export interface Metrics {
  n: number;
  top1: number;
  top5: number;
  top10: number;
  mrr: number;
  map: number;
}

export function meanMetrics(scores: readonly BugScore[]): Metrics {
  const n = scores.length;
  if (n === 0) return { n: 0, top1: 0, top5: 0, top10: 0, mrr: 0, map: 0 };
  const mean = (f: (s: BugScore) => number) => scores.reduce((a, s) => a + f(s), 0) / n;
  return {
    n,
    top1: mean((s) => (s.top1 ? 1 : 0)),
    top5: mean((s) => (s.top5 ? 1 : 0)),
    top10: mean((s) => (s.top10 ? 1 : 0)),
    mrr: mean((s) => s.rr),
    map: mean((s) => s.ap),
  };
}

/** The mean of per-group means: every repository weighs the same, however many bugs it has. */
export function macroMetrics(groups: readonly Metrics[]): Metrics {
  const g = groups.filter((m) => m.n > 0);
  const k = g.length;
  if (k === 0) return { n: 0, top1: 0, top5: 0, top10: 0, mrr: 0, map: 0 };
  const mean = (f: (m: Metrics) => number) => g.reduce((a, m) => a + f(m), 0) / k;
  return {
    n: g.reduce((a, m) => a + m.n, 0),
    top1: mean((m) => m.top1),
    top5: mean((m) => m.top5),
    top10: mean((m) => m.top10),
    mrr: mean((m) => m.mrr),
    map: mean((m) => m.map),
  };
}
