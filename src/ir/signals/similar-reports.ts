import type { PastFix } from "../../types.js";
import { FieldIndex } from "../field-index.js";
import { scoreTfidfCosine, tfidfNorms } from "../scoring.js";
import type { SourceIndex } from "../source-index.js";

export interface SimilarReport {
  fix: PastFix;
  similarity: number;
}

/**
 * Past fixed reports most similar to the new one: plain VSM cosine (log-tf × idf over the past reports),
 * keeping those with a similarity above 0, at most `limit` (BugLocator's SimiScore, PAPER §2.1).
 */
export function findSimilarReports(index: SourceIndex, issueText: string, pastFixes: readonly PastFix[], limit = 50): SimilarReport[] {
  if (pastFixes.length === 0) return [];
  const bags = pastFixes.map((f) => index.cache.textBag("report", `${f.title}\n${f.body}`));
  const reports = new FieldIndex(bags);
  const sims = scoreTfidfCosine(reports, tfidfNorms(reports), index.query(issueText));
  const out: SimilarReport[] = [];
  pastFixes.forEach((fix, i) => {
    if (sims[i]! > 0) out.push({ fix, similarity: sims[i]! });
  });
  return out.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
}

/**
 * SimiScore(F) = Σ over similar reports S_i whose fix touched F of Sim(B, S_i) / n_i, with n_i the number of
 * files S_i's fix touched. Also returns which reports credited each file, for evidence.
 */
export function similarReportScores(index: SourceIndex, similar: readonly SimilarReport[]): { scores: Float64Array; sources: Map<number, SimilarReport[]> } {
  const scores = new Float64Array(index.size);
  const sources = new Map<number, SimilarReport[]>();
  for (const s of similar) {
    const n = s.fix.files.length;
    if (n === 0) continue;
    for (const path of s.fix.files) {
      const doc = index.pathToDoc.get(path);
      if (doc === undefined) continue;
      scores[doc]! += s.similarity / n;
      let list = sources.get(doc);
      if (!list) sources.set(doc, (list = []));
      list.push(s);
    }
  }
  return { scores, sources };
}
