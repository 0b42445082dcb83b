import type { FieldIndex } from "./field-index.js";
import type { TermBag } from "./vocabulary.js";

/**
 * Retrieval functions over one field. Each returns a dense score array (one score per document) and touches
 * only the postings of the query's terms.
 */

export interface Bm25Params {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation strength (0 = none, 1 = full). */
  b: number;
}

/** Okapi BM25 parameters of Robertson & Zaragoza's usual default. */
export const BM25_DEFAULTS: Bm25Params = { k1: 1.2, b: 0.75 };

/** BM25 idf, kept positive for terms in more than half of the documents (Lucene's variant). */
export function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Okapi BM25: Σ_t idf(t) · f·(k1+1) / (f + k1·(1 − b + b·|d|/avg|d|)), each query occurrence counted once per repeat. */
export function scoreBm25(index: FieldIndex, query: TermBag, params: Bm25Params = BM25_DEFAULTS, into?: Float64Array, weight = 1): Float64Array {
  const scores = into ?? new Float64Array(index.docCount);
  const { k1, b } = params;
  const avg = index.avgLength || 1;
  for (let i = 0; i < query.ids.length; i++) {
    const p = index.postingsOf(query.ids[i]!);
    if (!p) continue;
    const idf = bm25Idf(index.docCount, p.docs.length) * query.counts[i]! * weight;
    for (let j = 0; j < p.docs.length; j++) {
      const d = p.docs[j]!;
      const f = p.tfs[j]!;
      scores[d]! += (idf * (f * (k1 + 1))) / (f + k1 * (1 - b + (b * index.docLengths[d]!) / avg));
    }
  }
  return scores;
}

/** Classic idf of the VSM family: log(N / n_t). */
export function vsmIdf(n: number, df: number): number {
  return df > 0 ? Math.log(n / df) : 0;
}

/** Sublinear tf of BugLocator's rVSM: log(f) + 1. */
export function logTf(f: number): number {
  return f > 0 ? Math.log(f) + 1 : 0;
}

/** The norms of the document vectors under log-tf × idf, computed once per index. */
export function tfidfNorms(index: FieldIndex): Float64Array {
  const norms = new Float64Array(index.docCount);
  index.bags.forEach((bag, d) => {
    let s = 0;
    for (let i = 0; i < bag.ids.length; i++) {
      const w = logTf(bag.counts[i]!) * vsmIdf(index.docCount, index.df(bag.ids[i]!));
      s += w * w;
    }
    norms[d] = Math.sqrt(s);
  });
  return norms;
}

/**
 * Cosine similarity between the query and each document, both weighted log-tf × idf (BugLocator's VSM).
 * `norms` are the document norms from {@link tfidfNorms}.
 */
export function scoreTfidfCosine(index: FieldIndex, norms: Float64Array, query: TermBag): Float64Array {
  const scores = new Float64Array(index.docCount);
  let qNorm = 0;
  for (let i = 0; i < query.ids.length; i++) {
    const p = index.postingsOf(query.ids[i]!);
    if (!p) continue;
    const idf = vsmIdf(index.docCount, p.docs.length);
    const wq = logTf(query.counts[i]!) * idf;
    qNorm += wq * wq;
    for (let j = 0; j < p.docs.length; j++) scores[p.docs[j]!]! += wq * logTf(p.tfs[j]!) * idf;
  }
  qNorm = Math.sqrt(qNorm);
  if (qNorm === 0) return scores.fill(0);
  for (let d = 0; d < scores.length; d++) {
    const dn = norms[d]!;
    scores[d] = dn > 0 ? scores[d]! / (dn * qNorm) : 0;
  }
  return scores;
}

/**
 * Indri-style TF-IDF of BLUiR: tf(t,x) = k1·f/(f + k1·(1 − b + b·|x|/avg|x|)), sim = Σ_t tf(t,d)·tf(t,q)·idf(t)²,
 * with idf = log(N/n_t). The query's own tf uses the same formula with the query as the document
 * and its own length as the average (so a one-off query term has tf ≈ k1/(1+k1)).
 */
export function scoreIndriTfidf(index: FieldIndex, query: TermBag, params: Bm25Params): Float64Array {
  const scores = new Float64Array(index.docCount);
  const { k1, b } = params;
  const avg = index.avgLength || 1;
  for (let i = 0; i < query.ids.length; i++) {
    const p = index.postingsOf(query.ids[i]!);
    if (!p) continue;
    const idf = vsmIdf(index.docCount, p.docs.length);
    const fq = query.counts[i]!;
    const tfq = (k1 * fq) / (fq + k1);
    const w = tfq * idf * idf;
    for (let j = 0; j < p.docs.length; j++) {
      const d = p.docs[j]!;
      const f = p.tfs[j]!;
      scores[d]! += (w * k1 * f) / (f + k1 * (1 - b + (b * index.docLengths[d]!) / avg));
    }
  }
  return scores;
}

/** Min–max normalisation over one report's candidates (PAPER §2: N = 0 when max = min). */
export function minMax(scores: Float64Array): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  const out = new Float64Array(scores.length);
  if (!(hi > lo)) return out;
  for (let i = 0; i < scores.length; i++) out[i] = (scores[i]! - lo) / (hi - lo);
  return out;
}
