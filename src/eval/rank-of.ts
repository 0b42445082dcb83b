/**
 * The 1-based rank a document would get in `orderByScore` (score descending, ties by document number),
 * without sorting: O(n) per document, cheaper than a sort when only the ground-truth files' ranks matter.
 * Null when the document scores 0 (not ranked).
 */
export function rankOfDoc(scores: Float64Array, doc: number): number | null {
  const s = scores[doc]!;
  if (!(s > 0)) return null;
  let rank = 1;
  for (let d = 0; d < scores.length; d++) {
    const o = scores[d]!;
    if (o > s || (o === s && d < doc)) rank++;
  }
  return rank;
}
