import { termsEvidence } from "../explain-terms.js";
import { minMax, scoreTfidfCosine } from "../scoring.js";
import { similarReportEvidence } from "../signals/explain-similar.js";
import { lengthFactors } from "../signals/length-factor.js";
import { findSimilarReports, similarReportScores } from "../signals/similar-reports.js";
import type { Localizer } from "./localizer.js";

/** Weight of the similar-report score; the original found 0.2–0.3 best, Bench4BL uses 0.2 (PAPER §2.1). */
export const BUGLOCATOR_ALPHA = 0.2;

/**
 * BugLocator (Zhou, Zhang & Lo, ICSE 2012): rVSM, a log-tf × idf cosine between the report and each file
 * scaled by the length function g, combined with SimiScore from similar fixed reports:
 * Final = (1 − α)·N(rVSM) + α·N(SimiScore), α = 0.2.
 * Without history, SimiScore is 0 for every file and the ranking is rVSM's.
 */
export const bugLocator: Localizer = {
  id: "buglocator",
  version: "1",
  description: "BugLocator: rVSM (log-tf·idf cosine × length factor) + similar fixed reports, α = 0.2",
  localize({ index, issue, history }) {
    const text = `${issue.title}\n${issue.body}`;
    const content = index.field("content");
    const cos = scoreTfidfCosine(content, index.tfidfNorms("content"), index.query(text));
    const g = lengthFactors(content);
    const rvsm = cos.map((c, d) => c * g[d]!);
    const similar = findSimilarReports(index, text, history?.pastFixes ?? []);
    const simi = similarReportScores(index, similar);
    const nr = minMax(rvsm);
    const ns = minMax(simi.scores);
    const scores = nr.map((r, d) => (1 - BUGLOCATOR_ALPHA) * r + BUGLOCATOR_ALPHA * ns[d]!);
    return {
      scores,
      explain: (doc) => [...termsEvidence(index, doc, text, ["content"]), ...similarReportEvidence(simi.sources.get(doc))],
    };
  },
};
