import type { FieldIndex } from "../field-index.js";
import { minMax } from "../scoring.js";

/**
 * BugLocator's document-length function g(#terms) = 1 / (1 + e^(−N(#terms))), with N the min–max normalised
 * token count over the snapshot's files. g lies in [0.5, 0.731]: larger files, statistically buggier, get a
 * mild boost (Zhou et al., ICSE 2012).
 */
export function lengthFactors(content: FieldIndex): Float64Array {
  return minMax(content.docLengths).map((n) => 1 / (1 + Math.exp(-n)));
}
