import { termsEvidence } from "../explain-terms.js";
import { BM25_DEFAULTS, scoreBm25 } from "../scoring.js";
import type { Localizer } from "./localizer.js";

/**
 * Plain BM25 over each file's text and its path, with the title and body as one query. The baseline every
 * other localizer is measured against.
 */
export const bm25Localizer: Localizer = {
  id: "bm25",
  version: "1",
  description: "Okapi BM25 (k1 1.2, b 0.75) over file contents plus file path, query = title + body",
  localize({ index, issue }) {
    const text = `${issue.title}\n${issue.body}`;
    const query = index.query(text);
    const scores = scoreBm25(index.field("content"), query, BM25_DEFAULTS);
    scoreBm25(index.field("path"), query, BM25_DEFAULTS, scores);
    return { scores, explain: (doc) => termsEvidence(index, doc, text) };
  },
};
