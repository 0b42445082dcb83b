import { parseIssue } from "../../issue/index.js";
import { termsEvidence } from "../explain-terms.js";
import { minMax } from "../scoring.js";
import { commitScores } from "../signals/commit-score.js";
import { similarReportEvidence } from "../signals/explain-similar.js";
import { traceEvidence } from "../signals/explain-trace.js";
import { ModuleIndex } from "../signals/module-index.js";
import { findSimilarReports, similarReportScores } from "../signals/similar-reports.js";
import { stackTraceSignal } from "../signals/stack-trace.js";
import { structuredVsm } from "../signals/struct-vsm.js";
import type { Evidence } from "../../types.js";
import type { Localizer } from "./localizer.js";

/** Bench4BL reference settings (PAPER §2.3): α weighs similar reports, β commit history, k the window in days. */
export const BLIA_PARAMS = { alpha: 0.2, beta: 0.2, k: 15 } as const;

/**
 * BLIA (Youm et al., IST 2017): structured rVSM + similar reports + stack trace + commit history.
 * BL = (1 − α)·N(StructVSM) + α·N(SimiScore); BLIA = (1 − β)·(BL + STScore) + β·CommScore when BL > 0, else 0.
 * STScore and CommScore stay unnormalised, as in the original. Commits count only when dated before the issue.
 */
export const blia: Localizer = {
  id: "blia",
  version: "1",
  description: "BLIA: structured rVSM + similar reports (α 0.2) + stack trace + fix commits within 15 days (β 0.2)",
  localize({ index, issue, history, parsed: given }) {
    const text = `${issue.title}\n${issue.body}`;
    const parsed = given ?? parseIssue(issue.title, issue.body);
    const struct = minMax(structuredVsm(index, issue.title, issue.body));
    const similar = findSimilarReports(index, text, history?.pastFixes ?? []);
    const simi = similarReportScores(index, similar);
    const ns = minMax(simi.scores);
    const trace = stackTraceSignal(index, parsed, new ModuleIndex(index.paths));
    const reportTime = issue.createdAt ? Date.parse(issue.createdAt) : Date.now();
    const comm = commitScores(index, history?.commits ?? [], reportTime, BLIA_PARAMS.k);
    const { alpha, beta } = BLIA_PARAMS;
    const scores = new Float64Array(index.size);
    for (let d = 0; d < scores.length; d++) {
      const bl = (1 - alpha) * struct[d]! + alpha * ns[d]!;
      scores[d] = bl > 0 ? (1 - beta) * (bl + trace.scores[d]!) + beta * comm.scores[d]! : 0;
    }
    return {
      scores,
      explain: (doc): Evidence[] => [
        ...traceEvidence(index, trace, doc),
        ...termsEvidence(index, doc, text, ["classes", "methods", "identifiers", "comments"]),
        ...similarReportEvidence(simi.sources.get(doc)),
        ...(comm.counts[doc]! > 0 ? [{ kind: "commit" as const, detail: `${comm.counts[doc]} fix commit(s) in the ${BLIA_PARAMS.k} days before the issue` }] : []),
      ],
    };
  },
};
