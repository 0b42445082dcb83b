import type { PastFix } from "../../types.js";
import type { SourceIndex } from "../source-index.js";
import { creditChangedFiles, mostSimilar } from "./similar-texts.js";

export interface SimilarReport {
  fix: PastFix;
  similarity: number;
}

/**
 * Past fixed reports most similar to the new one: plain VSM cosine (log-tf × idf over the past reports),
 * keeping those with a similarity above 0, at most `limit` (BugLocator's SimiScore, PAPER §2.1).
 */
export function findSimilarReports(index: SourceIndex, issueText: string, pastFixes: readonly PastFix[], limit = 50): SimilarReport[] {
  return mostSimilar(index, issueText, pastFixes, (f) => `${f.title}\n${f.body}`, "report", limit).map(({ item, similarity }) => ({ fix: item, similarity }));
}

/**
 * SimiScore(F) = Σ over similar reports S_i whose fix touched F of Sim(B, S_i) / n_i, with n_i the number of
 * files S_i's fix touched. Also returns which reports credited each file, for evidence.
 */
export function similarReportScores(index: SourceIndex, similar: readonly SimilarReport[]): { scores: Float64Array; sources: Map<number, SimilarReport[]> } {
  return creditChangedFiles(index, similar, (s) => s.fix.files);
}
