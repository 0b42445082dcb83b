import type { Evidence } from "../../types.js";
import { shortSubject } from "../short-subject.js";
import type { SimilarReport } from "./similar-reports.js";

/** "similar to #123 (fixed here)": the strongest past reports that credited a file. */
export function similarReportEvidence(sources: readonly SimilarReport[] | undefined, limit = 2): Evidence[] {
  if (!sources || sources.length === 0) return [];
  return [...sources]
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, limit)
    .map((s) => ({ kind: "similar-issue" as const, detail: `${s.fix.id} "${shortSubject(s.fix.title)}" was fixed here (similarity ${s.similarity.toFixed(2)})` }));
}
