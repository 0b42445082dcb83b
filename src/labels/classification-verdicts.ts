/**
 * Decisions read off a classification with the repository's thresholds, shared by the label planner and the
 * comment renderer so the two never disagree (a label suggested for a verdict the comment does not state).
 */
import type { Classification, ExtrinsicCause, ReportKind, TriageResult } from "../types.js";
import type { RepoConfig } from "../config/repo-config-schema.js";

/** The report kind when it is confidently not a bug report; undefined for bugs and for unsure calls. */
export function confidentNonBugKind(result: TriageResult, config: RepoConfig): Exclude<ReportKind, "bug"> | undefined {
  const kind = result.classification?.reportKind;
  if (!kind || kind.label === "bug") return undefined;
  return kind.confidence >= config.thresholds.labelConfidence ? kind.label : undefined;
}

/**
 * True when the classifier calls the bug extrinsic at or above its own threshold. It is stricter than the label
 * threshold because the claim steers the whole comment ("probably not a bug in this repository's code", files
 * under a caution): the extrinsic classifier separates the classes only moderately on projects it never saw, and
 * a reporter who fills in the template's GPU and CUDA lines should not be told at 55% to look elsewhere.
 */
export function isProbablyExtrinsic(result: TriageResult, config: RepoConfig): boolean {
  // Nor when the report's own traceback raises its error in the repository's code: whatever the report says of builds
  // and libraries, the code raised it, and the comment gives both sides rather than send the reporter elsewhere.
  // Nor when the reporter proposes the change to a line of the repository's code: they found the bug there.
  return isStatedCause(result, "extrinsic", config.thresholds.extrinsicConfidence) && !result.classification?.raisedInProject && !result.classification?.proposedFix;
}

/**
 * True when the comment may state plainly that the bug is in the repository's code. As for the type and the
 * extrinsic verdict, not for a bare report: "in this repository's code" read off a title is a guess. Nor when
 * nothing in the report points at the code: about two bugs in three are intrinsic, so a report that says nothing
 * either way comes out intrinsic at 60–70% from the base rate alone.
 */
export function isConfidentIntrinsic(result: TriageResult, config: RepoConfig): boolean {
  return isStatedCause(result, "intrinsic", config.thresholds.labelConfidence);
}

/**
 * Either cause verdict, stated plainly: not for a bare report, not below its threshold, and never from the report's
 * shape and the base rates alone, with no word of the report behind it.
 */
function isStatedCause(result: TriageResult, label: "extrinsic" | "intrinsic", threshold: number): boolean {
  const extrinsic = result.classification?.extrinsic;
  return !!extrinsic && !saysLittle(result) && extrinsic.label === label && extrinsic.evidence.length > 0 && extrinsic.confidence >= threshold;
}

/**
 * True for a bare report (a title and a few words; classify/bare-report.ts), which the classifier marks on its
 * bug type. Every verdict read off such a report is a guess from the title: none is stated plainly or labelled.
 */
export function saysLittle(result: TriageResult): boolean {
  return result.classification?.bugType.titleOnly === true;
}

/**
 * True when the bug type is confident enough to state plainly and to suggest its label. A type guessed from the
 * title alone (a bare report) never is, whatever its probability: that probability was never calibrated on such
 * reports, and a label applied on a title's word or two would outlive the guess.
 */
export function isConfidentBugType(result: TriageResult, config: RepoConfig): boolean {
  const bugType = result.classification?.bugType;
  return !!bugType && !bugType.titleOnly && bugType.confidence >= config.thresholds.labelConfidence;
}

/**
 * True when the comment names no bug type: the type is not confident and nothing in the report points at it, so
 * the likeliest type is the model's prior, not a reading of the report (a title "Crash" would read "Might be a
 * Training bug"). The first line and the bug type line both ask this, so they never disagree.
 */
export function isUnclearBugType(result: TriageResult, config: RepoConfig): boolean {
  const bugType = result.classification?.bugType;
  // Learned words alone ("fail" in "It fails") are no reading of the report either: they were learned from seven
  // projects and carry little to a new one; only the DL lexicon ties a report to a type by what the type means.
  if (!bugType || isConfidentBugType(result, config)) return false;
  return bugType.evidence.length === 0 || bugType.wordsOnly === true || isNearTie(bugType.probabilities);
}

/**
 * Under this lead over the runner-up, an unsure type is a coin toss ("Model 27%, GPU 26%"): the classifier's
 * probabilities are off by about 0.11 on projects it never saw (ECE, README "Classification"), so a few points
 * choose nothing.
 */
const NEAR_TIE = 0.05;

function isNearTie(probabilities: Partial<Record<string, number>>): boolean {
  const sorted = Object.values(probabilities)
    .filter((p): p is number => typeof p === "number")
    .sort((a, b) => b - a);
  return sorted.length >= 2 && sorted[0]! - sorted[1]! < NEAR_TIE;
}

const CAUSE_WORDS: Record<ExtrinsicCause, string> = {
  "gpu-driver-cuda": "GPU, driver or CUDA",
  "os-platform": "OS or platform",
  "third-party-library": "a third-party library",
  "training-data": "the training data",
  "pretrained-model": "a pretrained model",
  "build-install": "the build or installation",
};

/** Plain words for an extrinsic cause. */
export function describeCause(cause: ExtrinsicCause): string {
  return CAUSE_WORDS[cause] ?? cause;
}

/** The most likely extrinsic causes, best first (those within 0.15 of the best, at most two). */
export function leadingCauses(classification: Classification): ExtrinsicCause[] {
  const causes = [...classification.extrinsic.causes].sort((a, b) => b.confidence - a.confidence);
  const best = causes[0];
  if (!best) return [];
  return causes
    .filter((cause) => cause.confidence >= best.confidence - 0.15 && cause.confidence > 0)
    .slice(0, 2)
    .map((cause) => cause.label);
}

/** A probability as a whole percent, "?" when it is not a number. */
export function percent(probability: number): string {
  if (!Number.isFinite(probability)) return "?";
  return `${Math.round(Math.min(1, Math.max(0, probability)) * 100)}%`;
}

/** The article before a bug type read aloud: "an API bug", "a GPU bug", "a non-DL bug" (by the type's first letter). */
export function bugTypeArticle(bugType: string): "a" | "an" {
  return /^[AEIOU]/.test(bugType) ? "an" : "a";
}
