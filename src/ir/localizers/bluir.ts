import type { Evidence } from "../../types.js";
import type { FieldIndex } from "../field-index.js";
import type { SourceIndex } from "../source-index.js";
import { termsEvidence } from "../explain-terms.js";
import { scoreIndriTfidf, type Bm25Params } from "../scoring.js";
import { classOrStemBag } from "../signals/class-field.js";
import type { Localizer } from "./localizer.js";

/** The original implementation's retrieval rule (Indri's defaults are 1.2 / 0.75), PAPER §2.2. */
export const BLUIR_PARAMS: Bm25Params = { k1: 1.0, b: 0.3 };

/**
 * BLUiR (Saha et al., ASE 2013): structured retrieval. Four code fields per file (class names, method names,
 * identifiers, comments) against two query fields (summary = title, description = body); the eight field-pair
 * Indri TF-IDF similarities are summed with equal weights. Python mapping: class = class names (the module stem
 * when none), method = function and method names, identifier = names, attributes, parameters and imports,
 * comment = `#` comments and docstrings.
 */
export const bluir: Localizer = {
  id: "bluir",
  version: "1",
  description: "BLUiR: 4 code fields × 2 query fields, Indri TF-IDF (k1 1.0, b 0.3, idf²), summed",
  localize({ index, issue }) {
    const scores = bluirScore(index, issue.title, issue.body);
    const text = `${issue.title}\n${issue.body}`;
    return { scores, explain: (doc): Evidence[] => termsEvidence(index, doc, text, ["classes", "methods", "identifiers", "comments"]) };
  },
};

/** BLUiR's score of every file: Σ over (title, body) × (class, method, identifier, comment) of Indri TF-IDF. */
export function bluirScore(index: SourceIndex, title: string, body: string): Float64Array {
  const fields: FieldIndex[] = [
    index.derivedField("class-or-stem", classOrStemBag(index)),
    index.field("methods"),
    index.field("identifiers"),
    index.field("comments"),
  ];
  const scores = new Float64Array(index.size);
  for (const text of [title, body]) {
    const query = index.query(text);
    if (query.ids.length === 0) continue;
    for (const f of fields) {
      const s = scoreIndriTfidf(f, query, BLUIR_PARAMS);
      for (let d = 0; d < scores.length; d++) scores[d]! += s[d]!;
    }
  }
  return scores;
}
