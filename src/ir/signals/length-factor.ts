import type { FieldIndex } from "../field-index.js";

/**
 * BugLocator's document-length function g(#terms) = 1 / (1 + e^(−N(#terms))), with N the min–max normalised
 * token count over the snapshot's files. g lies in [0.5, 0.731]: larger files, statistically buggier, get a
 * mild boost (Zhou et al., ICSE 2012).
 */
export function lengthFactors(content: FieldIndex): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of content.docLengths) {
    if (l < lo) lo = l;
    if (l > hi) hi = l;
  }
  const g = new Float64Array(content.docCount);
  for (let d = 0; d < g.length; d++) {
    const n = hi > lo ? (content.docLengths[d]! - lo) / (hi - lo) : 0;
    g[d] = 1 / (1 + Math.exp(-n));
  }
  return g;
}
