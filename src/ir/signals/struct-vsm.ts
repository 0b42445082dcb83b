import type { FieldIndex } from "../field-index.js";
import { scoreTfidfCosine } from "../scoring.js";
import type { SourceIndex } from "../source-index.js";
import { classOrStemBag } from "./class-field.js";
import { lengthFactors } from "./length-factor.js";

/** The reference implementation weights comment terms at 0.5 (PAPER §2.3). */
export const COMMENT_WEIGHT = 0.5;

/**
 * BLIA's structured rVSM: g(#terms_F) · Σ_{r ∈ {summary, description}} Σ_{f ∈ {class, method, variable, comment}}
 * w_f · cos(B_r, F_f), with log-tf × idf weights per field.
 */
export function structuredVsm(index: SourceIndex, title: string, body: string): Float64Array {
  const classBag = classOrStemBag(index);
  const fields: { field: FieldIndex; norms: Float64Array; weight: number }[] = [
    { field: index.derivedField("class-or-stem", classBag), norms: index.derivedNorms("class-or-stem", classBag), weight: 1 },
    { field: index.field("methods"), norms: index.tfidfNorms("methods"), weight: 1 },
    { field: index.field("identifiers"), norms: index.tfidfNorms("identifiers"), weight: 1 },
    { field: index.field("comments"), norms: index.tfidfNorms("comments"), weight: COMMENT_WEIGHT },
  ];
  const sum = new Float64Array(index.size);
  for (const text of [title, body]) {
    const query = index.query(text);
    if (query.ids.length === 0) continue;
    for (const { field, norms, weight } of fields) {
      const s = scoreTfidfCosine(field, norms, query);
      for (let d = 0; d < sum.length; d++) sum[d]! += weight * s[d]!;
    }
  }
  const g = lengthFactors(index.field("content"));
  for (let d = 0; d < sum.length; d++) sum[d]! *= g[d]!;
  return sum;
}
