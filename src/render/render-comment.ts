/**
 * The bot's one comment on an issue, as markdown. Pure: the same input always gives the same text, so it is
 * snapshot-tested and the publisher can skip an update when nothing changed.
 *
 * Order: config problems (if any), a one-line summary, then either a short note (not a bug report) or the
 * files (plain, under a caution, or folded away, see file-display.ts) with the environment facts to add
 * first when the bug is probably extrinsic or the ranking weak; the bug type and cause with their evidence;
 * the label checkboxes; how to give feedback; a footer with versions and the hidden marker.
 * Everything that comes from the issue or the repository goes through escape-markdown.ts.
 */
import type { Classification, ExtrinsicCause, RankedFile, ReportKind, TriageResult } from "../types.js";
import type { RepoConfig } from "../config/repo-config-schema.js";
import type { ConfigProblem } from "../config/repo-config.js";
import { configProblemOutcome, REPO_CONFIG_PATH } from "../config/repo-config.js";
import type { SuggestedLabel } from "../labels/plan-labels.js";
import { managedLabelNames, sameLabel } from "../labels/label-specs.js";
import {
  bugTypeArticle,
  confidentNonBugKind,
  describeCause,
  isConfidentBugType,
  isConfidentIntrinsic,
  isProbablyExtrinsic,
  isUnclearBugType,
  leadingCauses,
  percent,
  saysLittle,
} from "../labels/classification-verdicts.js";
import { codeSpan, escapeHtml, escapeMarkdown, escapeMarkdownKeepingCode, truncateText } from "./escape-markdown.js";
import { fileUrl, repoWebUrl, type RepoRef } from "./file-link.js";
import { decideFileDisplay, type FileDisplay } from "./file-display.js";
import { anchorRange, evidenceLine, fileReason, sortEvidence } from "./evidence-text.js";
import { COMMENT_MARKER, renderMetaLine } from "./comment-marker.js";
import { renderLabelCheckboxes, type LabelCheckbox } from "./label-checkboxes.js";
import { COMMANDS } from "./commands.js";
import { factName, isProjectVersionFact, isRuntimeFact } from "../classify/missing-facts.js";
import { describeBuildFacts, describeEnvironment } from "../classify/environment.js";
import { environmentCommands } from "./environment-commands.js";
import { fitComment, type CommentPart } from "./fit-comment.js";

export { COMMENT_MARKER, isBotComment, parseCommentMeta } from "./comment-marker.js";
export { parseLabelCheckboxes } from "./label-checkboxes.js";
export { escapeMarkdown, escapeMarkdownKeepingCode, codeSpan } from "./escape-markdown.js";
export { MAX_COMMENT_LENGTH } from "./fit-comment.js";

export interface RenderInput {
  result: TriageResult;
  config: RepoConfig;
  /** Where file links point: `{htmlUrl or https://github.com/owner/name}/blob/<commit>/<path>#L<line>`. */
  repo: RepoRef;
  /** From planLabels. */
  suggestedLabels: SuggestedLabel[];
  /** Labels on the issue now: their boxes are ticked. */
  appliedLabels?: string[];
  /** Problems of `.github/mltriage.yml`: said once, at the top of the comment. */
  configProblems?: ConfigProblem[];
}

/** Longest path shown as link text (the link itself always has the full path). */
const MAX_PATH_CHARS = 200;
const MAX_PROBLEMS = 20;
const MAX_EVIDENCE_PER_FILE = 8;
/** Questions shown at most: a longer list is not read, and the first ones (the error, a reproducer) matter most. */
const MAX_QUESTIONS = 10;
const MAX_CLASSIFIER_EVIDENCE = 3;

/**
 * Below this share of the first file's score a file is not shown: the ranker gives it next to nothing, and its
 * reasons are then a few common words ("due", "match", "build"). Measured on the dev benchmark's cross-validated
 * rankings: the cut hides 17% of the files at ranks 2 to 5, among which 5% are fixed files, against 20% among those
 * it keeps; 2 of 578 bugs lose their only fixed file in the top five (a cut at 5% would hide 38% and lose 18).
 */
export const NEGLIGIBLE_SHARE = 0.01;

/** The first `top` files, without those the ranker gives next to nothing beside the first one. */
export function shownFiles(ranked: readonly RankedFile[], top: number): RankedFile[] {
  const first = ranked[0]?.score ?? 0;
  return ranked.slice(0, top).filter((file, i) => i === 0 || !(first > 0) || file.score >= NEGLIGIBLE_SHARE * first);
}

export function renderComment(input: RenderInput): string {
  const { result, config } = input;
  const display = decideFileDisplay(result, config);
  const nonBug = confidentNonBugKind(result, config);
  const files = shownFiles(result.localization.ranked, config.topFiles);
  const parts: CommentPart[] = [];

  parts.push({ text: renderConfigProblems(input.configProblems ?? []) });
  parts.push({ text: renderSummary(result, config, display, files.length, nonBug) });

  if (nonBug) {
    parts.push({ text: renderNonBugNote(nonBug) });
  } else {
    const environmentRequest = renderEnvironmentRequest(result, config);
    // When the files are a weak guess, what the reporter can add matters more than the files: ask first.
    if (display.verdict !== "show") parts.push({ text: environmentRequest });
    if (files.length > 0) {
      parts.push({ text: renderFiles(input, files, display) });
      parts.push({ text: renderEvidenceDetails(files), drop: 2 });
      parts.push({ text: renderLocalizerDetails(input), drop: 3 });
    }
    parts.push({ text: renderClassification(result, config) });
    parts.push({ text: renderBugTypeDetails(result.classification), drop: 1 });
    if (display.verdict === "show") parts.push({ text: environmentRequest });
  }

  parts.push({ text: renderLabels(input), keep: true });
  parts.push({ text: renderFeedback(nonBug !== undefined), keep: true });
  parts.push({ text: renderFooter(input, nonBug !== undefined), keep: true });
  return fitComment(parts);
}

function renderConfigProblems(problems: readonly ConfigProblem[]): string {
  if (problems.length === 0) return "";
  const lines = [
    "> [!WARNING]",
    `> ${codeSpan(REPO_CONFIG_PATH)} has problems:`,
    ...problems
      .slice(0, MAX_PROBLEMS)
      .map((p) => `> - ${codeSpan(truncateText(p.path, 120))}: ${escapeMarkdown(truncateText(p.message, 200))}${configProblemOutcome(p)}`),
  ];
  if (problems.length > MAX_PROBLEMS) lines.push(`> - and ${problems.length - MAX_PROBLEMS} more`);
  return lines.join("\n");
}

/** How the comment qualifies a verdict read off the title of a report that says little else. */
const TITLE_ONLY_GUESS = "a guess from a few words";

/**
 * A verdict's probability as the comment shows it; for a bare report, TITLE_ONLY_GUESS instead of a number: the
 * probability was never calibrated on reports that say so little, and "a guess from a few words, 83%" reads as
 * a contradiction. The number stays in the JSON result and the bug-type details.
 */
function verdictConfidence(result: TriageResult, probability: number): string {
  return saysLittle(result) ? TITLE_ONLY_GUESS : percent(probability);
}

const KIND_WORDS: Record<Exclude<ReportKind, "bug">, string> = {
  question: "question",
  feature: "feature request",
  docs: "documentation issue",
};

function renderSummary(
  result: TriageResult,
  config: RepoConfig,
  display: FileDisplay,
  fileCount: number,
  nonBug: Exclude<ReportKind, "bug"> | undefined,
): string {
  const classification = result.classification;
  if (nonBug && classification) {
    return `This looks like a **${KIND_WORDS[nonBug]}** (${percent(classification.reportKind.confidence)}) rather than a bug report, so I have not ranked files.`;
  }
  const sentences: string[] = [];
  if (classification) {
    const type = `**${escapeMarkdown(classification.bugType.label)}**`;
    const a = bugTypeArticle(classification.bugType.label);
    let sentence = isConfidentBugType(result, config)
      ? `Looks like ${a} ${type} bug`
      : isUnclearBugType(result, config)
        ? "A bug of unclear type"
        : `Might be ${a} ${type} bug (${saysLittle(result) ? TITLE_ONLY_GUESS : "low confidence"})`;
    if (isProbablyExtrinsic(result, config)) {
      const causes = leadingCauses(classification).map(describeCause);
      sentence += `, probably **extrinsic**${causes.length ? ` (${causes.join(", or ")})` : ""}`;
    } else if (isConfidentIntrinsic(result, config) || classification.proposedFix) {
      sentence += ` in this repository's code`;
    } else if (classification.extrinsic.label === "extrinsic" && classification.extrinsic.evidence.length > 0 && !isUnderEvenOdds(classification) && !classification.proposedFix) {
      // Not without a quote: "possibly extrinsic" leading a report whose own words point nowhere outside would be the
      // model's prior speaking; the cause line says the call and that nothing the reporter wrote backs it. Nor under
      // even odds: the first line gives the likelier reading. Nor when the reporter proposes the fix in the code.
      sentence += `, possibly extrinsic`;
    }
    sentences.push(`${sentence}.`);
  }
  if (fileCount === 0) sentences.push("No file of the repository matched the report.");
  else if (display.verdict === "show") sentences.push("The files most likely to hold it are below.");
  else if (display.verdict === "soften") sentences.push(display.rankingTrusted ? "Files are shown with a caution." : "Files are shown with low confidence.");
  else sentences.push("The ranking is too uncertain to point at files.");
  return sentences.join(" ");
}

function renderNonBugNote(kind: Exclude<ReportKind, "bug">): string {
  const advice =
    kind === "question"
      ? "If it is a bug after all, add the error message and the steps to reproduce it"
      : kind === "docs"
        ? "If the code is at fault rather than the documentation, add the steps that show it"
        : "If it describes a bug, add what happens, what you expected and the steps to reproduce it";
  return `${advice}, then comment ${codeSpan(COMMANDS.rerun.usage)}.`;
}

/**
 * Asks for the environment facts the classifier found missing, and for the error and a reproducer when the report
 * has neither; says plainly when the cause looks external.
 */
function renderEnvironmentRequest(result: TriageResult, config: RepoConfig): string {
  const classification = result.classification;
  if (!classification) return "";
  const extrinsic = isProbablyExtrinsic(result, config);
  // "Possibly outside, though the report names no outside cause" (the cause line) asks no environment: the
  // leaning comes from base rates and the report's shape, and a list of versions to paste would say otherwise. The
  // project's own release stays asked, a maintainer's first question whatever the cause; so do a GPU bug's facts.
  // (isProbablyExtrinsic itself needs evidence, so such a comment is never "probably extrinsic".)
  const unfounded = classification.extrinsic.label === "extrinsic" && classification.extrinsic.evidence.length === 0 && classification.bugType.label !== "GPU";
  const facts = unfounded ? classification.missingFacts.filter(isProjectVersionFact) : classification.missingFacts;
  // The error as text and a reproducer, which no environment fact replaces: asked first, so that the command line
  // that follows the list stands next to the facts it answers.
  const details = classification.missingDetails ?? [];
  const asked = [...details, ...facts];
  if (!extrinsic && asked.length === 0) return "";
  const lines: string[] = [];
  if (extrinsic && classification.buildFailure) {
    // A failed build is no run-time bug of the code, but its fix may well be in the repository's build files or
    // sources (a CUDA-only path compiled with USE_CUDNN=0): "not a bug in this repository's code" would overclaim.
    lines.push(`**This looks like a failure of the build, not of the code at run time.**${asked.length > 0 ? " To check, please add to the issue:" : ""}`);
  } else if (extrinsic) {
    const leading = leadingCauses(classification);
    const causes = leading.map(describeCause);
    lines.push(
      `**This is probably not a bug in this repository's code**${causes.length ? `: it looks caused by ${causes.join(", or ")}` : ""}.` +
        (asked.length > 0 ? " To check, please add to the issue:" : ` ${LIKELY_FIX[leading[0] ?? "unknown"]}`),
    );
  } else {
    lines.push("**To narrow it down, please add to the issue:**");
  }
  if (asked.length > 0) {
    const shown = asked.slice(0, MAX_QUESTIONS);
    // A failed build's questions each name the command that answers them (`nvcc --version`, `git rev-parse HEAD`);
    // a package list or nvidia-smi would answer none of them. Nor does any command print the error or a reproducer.
    // Only when something asked is a version or the GPU, which the commands print: not for build flags alone.
    // The pipeline asks "framework and version" by the framework's name ("the PyTorch version"), which counts too.
    const commands = shown.some(isRuntimeFact) && !classification.buildFailure ? environmentCommands(classification, result.repository.framework) : [];
    // A question whose hint names a command of the commands line (`pip list`, `nvidia-smi`) need not name it too.
    const questions = shown.map((fact) => (commands.some((c) => fact.includes(`\`${c}\``)) ? factName(fact) : fact));
    lines.push("", ...questions.map((fact) => `- ${escapeMarkdownKeepingCode(truncateText(fact, 120))}`));
    if (commands.length > 0) {
      // They print versions (and, nvidia-smi, the GPU), not build flags, datasets or weights: said so, not "all of it".
      const what = commands.includes("nvidia-smi") ? "the versions and the GPU" : "the versions";
      lines.push("", `For ${what}, the quickest way is to paste the output of ${commands.map((c) => codeSpan(c)).join(" and ")}.`);
    }
  }
  return lines.join("\n");
}

/**
 * Where the fix of an extrinsic bug more likely lies, by its likeliest cause: "a change of driver" says nothing to
 * the reporter of a library's new release, whose fix is a pin or an update of the calling code.
 */
const LIKELY_FIX: Record<ExtrinsicCause | "unknown", string> = {
  "gpu-driver-cuda": "A change of driver, CUDA version or setting is more likely to fix it than a change of code.",
  "os-platform": "A platform setting, or a path of the code for that platform, is more likely to fix it.",
  "third-party-library": "A version pin, or an update of the code for the library's change, is more likely to fix it.",
  "training-data": "A change of the data is more likely to fix it than a change of code.",
  "pretrained-model": "Other weights, or a change of how they are loaded, are more likely to fix it.",
  "build-install": "A change of the installation is more likely to fix it than a change of code.",
  unknown: "A change of setting, version or driver is more likely to fix it than a change of code.",
};

function renderFiles(input: RenderInput, files: readonly RankedFile[], display: FileDisplay): string {
  const { result } = input;
  const commit = result.repository.commit;
  const at = commit ? ` (at ${commitLink(input.repo, commit)})` : "";
  // A fix changes a module and its test together, and both are ranked (a third of fixed files are tests): a test
  // says so, so that it does not read as where the bug itself lies.
  const list = files.map((file, i) => `${i + 1}. ${fileLink(input.repo, commit, file)}${file.test ? " (test)" : ""} — ${fileReason(file)}`).join("\n");
  // Next to a doubt, the number only when it is the doubt: a bare report's ranking is cautioned whatever its
  // confidence, and "low confidence (ranking confidence 81%)" contradicts itself.
  const confidenceIsLow = display.confidence !== undefined && display.confidence < input.config.thresholds.showFiles;
  const confidence = confidenceIsLow ? ` (ranking confidence ${percent(display.confidence!)})` : "";
  const why = display.reasons.length
    ? `: ${display.reasons.slice(0, 3).map((r) => escapeMarkdownKeepingCode(truncateText(r, 100))).join("; ")}`
    : "";
  switch (display.verdict) {
    case "show":
      return `**Files most likely to hold the bug**${at}:\n\n${list}`;
    case "soften":
      if (display.rankingTrusted) {
        // The ranking is sound; the doubt is whether the cause is in the code at all.
        const where = [commit ? `at ${commitLink(input.repo, commit)}` : "", display.confidence !== undefined ? `ranking confidence ${percent(display.confidence)}` : ""];
        const aside = where.filter(Boolean).join("; ");
        const ifInCode = input.result.classification?.buildFailure ? "If the fix is in the sources" : "If the cause is in the code after all";
        // An outside cause is the first line's and the cause section's to say, not a third time here; a failed
        // build's "the fix may lie in how it is built" is said here only.
        const doubt = input.result.classification?.buildFailure ? `**⚠️ Possible files**${why}.` : "**⚠️ Possible files.**";
        return `${doubt} ${ifInCode}, these are the likeliest places${aside ? ` (${aside})` : ""}:\n\n${list}`;
      }
      return `**⚠️ Possible files, low confidence**${confidence}${why}. A starting point, not an answer${at}:\n\n${list}`;
    case "withhold":
      return [
        `I am not pointing at files: the ranking is too uncertain${confidence}${why}.`,
        "",
        `<details><summary>Show the uncertain ranking anyway</summary>`,
        "",
        `Files${at}:`,
        "",
        list,
        "",
        "</details>",
      ].join("\n");
  }
}

function fileLink(repo: RepoRef, commit: string | null, file: RankedFile): string {
  const at = anchorRange(file);
  if (repo.local) {
    const where = at ? `:${at.line}${at.endLine ? `-${at.endLine}` : ""}` : "";
    return codeSpan(truncateText(`${file.path}${where}`, MAX_PATH_CHARS));
  }
  return `[${codeSpan(truncateText(file.path, MAX_PATH_CHARS))}](${fileUrl(repo, commit, file.path, at?.line, at?.endLine)})`;
}

function commitLink(repo: RepoRef, commit: string): string {
  if (repo.local || !/^[0-9a-fA-F]{7,64}$/.test(commit)) return codeSpan(truncateText(commit, 40).slice(0, repo.local ? 12 : 40));
  return `[${codeSpan(commit.slice(0, 7))}](${repoWebUrl(repo)}/commit/${commit})`;
}

function renderEvidenceDetails(files: readonly RankedFile[]): string {
  if (!files.some((file) => file.evidence.length > 1)) return "";
  const lines = ["<details><summary>Why these files</summary>", ""];
  for (const file of files) {
    lines.push(`- ${codeSpan(truncateText(file.path, MAX_PATH_CHARS))} (score ${formatScore(file.score)})`);
    const evidence = sortEvidence(file.evidence);
    for (const item of evidence.slice(0, MAX_EVIDENCE_PER_FILE)) lines.push(`  - ${evidenceLine(item)}`);
    if (evidence.length > MAX_EVIDENCE_PER_FILE) lines.push(`  - and ${evidence.length - MAX_EVIDENCE_PER_FILE} more`);
  }
  lines.push("", "</details>");
  return lines.join("\n");
}

function renderLocalizerDetails(input: RenderInput): string {
  const rankings = Object.values(input.result.localization.byLocalizer);
  if (rankings.length < 2) return "";
  const lines = ["<details><summary>Each localizer's ranking</summary>", ""];
  for (const ranking of rankings) {
    const top = ranking.ranked.slice(0, input.config.topFiles);
    const files = top.length ? top.map((file, i) => `${i + 1}. ${codeSpan(truncateText(file.path, MAX_PATH_CHARS))}`).join(" · ") : "no files";
    lines.push(`- ${codeSpan(truncateText(`${ranking.localizer} v${ranking.version}`, 60))}: ${files}`);
  }
  lines.push("", "</details>");
  return lines.join("\n");
}

/** An intrinsic call on a report that proposes a change to a line of the repository's code (pipeline/proposed-fix.ts). */
function isProposedIntrinsic(classification: NonNullable<TriageResult["classification"]>): boolean {
  return classification.proposedFix !== undefined && classification.extrinsic.label === "intrinsic";
}

/** An extrinsic call whose probability is under one half (the model's cut lies below it, for recall). */
function isUnderEvenOdds(classification: NonNullable<TriageResult["classification"]>): boolean {
  // On the percentage shown: "the code is likelier" beside "(extrinsic, 50%)" would contradict it.
  return classification.extrinsic.label === "extrinsic" && Math.round(classification.extrinsic.confidence * 100) < 50;
}

function renderClassification(result: TriageResult, config: RepoConfig): string {
  const classification = result.classification;
  if (!classification) return "";
  const { bugType, extrinsic, environment } = classification;
  const lines: string[] = [];
  const typeConfidence = verdictConfidence(result, bugType.confidence);
  if (isUnclearBugType(result, config)) {
    // As in the first line: a type nothing points at is not stated as the report's.
    lines.push(`**Bug type:** unclear (likeliest: ${escapeMarkdown(bugType.label)}, ${percent(bugType.confidence)})`);
  } else {
    lines.push(`**Bug type:** ${escapeMarkdown(bugType.label)} (${typeConfidence})${evidenceSuffix(bugType.evidence)}`);
  }

  let cause: string;
  // Whether the cause already quotes the extrinsic evidence (else it follows the cause it supports).
  let evidenceSaid = false;
  const causeConfidence = verdictConfidence(result, extrinsic.confidence);
  if (isProbablyExtrinsic(result, config) && classification.buildFailure) {
    cause = `probably a failed build, not the code at run time (extrinsic, ${causeConfidence})`;
  } else if (isProbablyExtrinsic(result, config)) {
    const causes = leadingCauses(classification).map(describeCause);
    cause = `probably outside this repository (extrinsic, ${causeConfidence})${causes.length ? `, most likely ${causes.join(", or ")}` : ""}`;
  } else if (extrinsic.label === "extrinsic" && classification.proposedFix) {
    // The reporter found the line and proposes its change, checked against this commit: that outweighs the model's
    // leaning, which is said after it with the words it read (8 of 8 such dev and held-out reports were fixed in the
    // file named).
    const fix = classification.proposedFix;
    const leaning = `the classifier leaned outside, extrinsic ${causeConfidence}${evidenceSuffix(extrinsic.evidence)}`;
    cause = `probably in this repository's code, where the report proposes a change to line ${fix.line} of ${codeSpan(fix.path)} (${leaning})`;
    evidenceSaid = true;
  } else if (extrinsic.label === "extrinsic") {
    // Each doubt said, in one clause: under even odds the code is still the likelier place (the model flags an
    // outside cause from p ≈ 0.36, the cut that finds most extrinsic bugs); the report's traceback may raise its error
    // in the repository's code; with no quote left (the model read an environment dump or the report's shape), a bare
    // percentage would read as a finding.
    const raised = classification.raisedInProject;
    const where = raised?.throughStandardLibrary ? "is raised by a call in" : "is raised in";
    const raisedHere = raised ? `the error (${escapeMarkdown(raised.exceptionType)}) ${where} this repository's ${codeSpan(raised.path)}, printed as line ${raised.line}` : undefined;
    if (extrinsic.evidence.length === 0) {
      // Nothing the reporter wrote points outside (the model read a dump, the report's shape, its prior): "possibly
      // outside this repository" would read as a finding about a plain code bug. Said as what it is; under even
      // odds the classifier does not lean outside, it only flags the possibility.
      const leaning = isUnderEvenOdds(classification) ? "flags a possible outside cause" : "leans outside";
      // Where the error comes from, when an installed library raised it: a fact the reader can weigh (the project may
      // still call the library wrongly), beside a leaning that has no words of the report to show.
      const library = classification.raisedInLibrary;
      cause = library
        ? `unclear: the classifier ${leaning} (extrinsic, ${causeConfidence}); the report names no outside cause, but its error (${escapeMarkdown(library.exceptionType)}) is raised inside the installed ${codeSpan(library.library)}`
        : `unclear: the classifier ${leaning} (extrinsic, ${causeConfidence}), but the report names no outside cause${raisedHere ? `, and ${raisedHere}` : ""}`;
    } else {
      const doubts: string[] = [];
      if (isUnderEvenOdds(classification)) doubts.push("the code is likelier");
      if (raisedHere) doubts.push(raisedHere);
      // With doubts, the quotes go with the percentage they back: after the doubts they would read as the doubts'.
      cause = doubts.length
        ? `possibly outside this repository (extrinsic, ${causeConfidence}${evidenceSuffix(extrinsic.evidence)}), though ${doubts.join("; ")}`
        : `possibly outside this repository (extrinsic, ${causeConfidence})${evidenceSuffix(extrinsic.evidence)}`;
      evidenceSaid = true;
    }
  } else if (isProposedIntrinsic(classification)) {
    // The reporter found the line: the model's leaning and the reporter's reading agree.
    const fix = classification.proposedFix!;
    cause = `probably in this repository's code (intrinsic, ${causeConfidence}), where the report proposes a change to line ${fix.line} of ${codeSpan(fix.path)}`;
  } else if (isConfidentIntrinsic(result, config)) {
    cause = `probably in this repository's code (intrinsic, ${causeConfidence})`;
  } else if (extrinsic.evidence.length === 0) {
    // Nothing in the report points either way: the percentage is mostly the base rate (two bugs in three are
    // intrinsic), and "possibly in this repository's code (intrinsic, 89%)" would read as a contradiction.
    cause = `no sign of a cause outside this repository (intrinsic, ${causeConfidence})`;
  } else {
    cause = `possibly in this repository's code (intrinsic, ${causeConfidence})`;
  }
  lines.push(`**Cause:** ${cause}${evidenceSaid ? "" : evidenceSuffix(extrinsic.evidence)}`);

  const stated = [...describeEnvironment(environment), ...describeBuildFacts(environment)];
  if (stated.length > 0) {
    lines.push(`**Environment stated:** ${stated.slice(0, 12).map((fact) => codeSpan(truncateText(fact, 60))).join(", ")}`);
  }
  // Two trailing spaces would be invisible in review; separate lines with a backslash hard break instead.
  return lines.join("\\\n");
}

function evidenceSuffix(evidence: readonly string[]): string {
  if (evidence.length === 0) return "";
  return `: ${evidence
    .slice(0, MAX_CLASSIFIER_EVIDENCE)
    .map((item) => escapeMarkdownKeepingCode(truncateText(item, 120)))
    .join("; ")}`;
}

function renderBugTypeDetails(classification: Classification | undefined): string {
  if (!classification) return "";
  const entries = Object.entries(classification.bugType.probabilities)
    .filter((entry): entry is [string, number] => typeof entry[1] === "number")
    .sort((a, b) => b[1] - a[1]);
  if (entries.length < 2) return "";
  return [
    `<details><summary>All bug types (classifier ${escapeHtml(truncateText(classification.modelVersion, 40))})</summary>`,
    "",
    ...entries.map(([type, probability]) => `- ${escapeMarkdown(type)}: ${percent(probability)}`),
    "",
    "</details>",
  ].join("\n");
}

function renderLabels(input: RenderInput): string {
  const applied = input.appliedLabels ?? [];
  const boxes: LabelCheckbox[] = input.suggestedLabels.map((label) => ({
    label: label.name,
    checked: applied.some((name) => sameLabel(name, label.name)),
    reason: label.reason,
  }));
  // A managed label already on the issue but no longer suggested keeps its (ticked) box, so it can be unticked.
  for (const name of managedLabelNames(input.config)) {
    const onIssue = applied.find((label) => sameLabel(label, name));
    if (onIssue && !boxes.some((box) => sameLabel(box.label, name))) boxes.push({ label: name, checked: true, reason: "on the issue" });
  }
  if (boxes.length === 0) return "";
  const heading = input.config.autoApplyLabels
    ? "**Labels** (applied automatically; untick a box to remove a label):"
    : "**Suggested labels** (maintainers: tick a box to apply the label):";
  return `${heading}\n\n${renderLabelCheckboxes(boxes)}`;
}

function renderFeedback(nonBug: boolean): string {
  const files = nonBug ? "" : `Wrong files? Reply ${codeSpan(COMMANDS.files.usage)} to correct the ranking. `;
  return `<sub>${files}Added details? ${codeSpan(COMMANDS.rerun.usage)} runs the triage again. All commands: ${codeSpan(COMMANDS.help.usage)}.</sub>`;
}

/** `nonBug`: the comment ranks no files, so the visible line names no ranker (the hidden meta line still does). */
function renderFooter(input: RenderInput, nonBug: boolean): string {
  const { result } = input;
  const localization = result.localization;
  const classifier = result.classification?.modelVersion;
  const visible = [
    `mltriage ${escapeMarkdown(result.tool.version)}`,
    nonBug ? "" : `files ranked by ${escapeMarkdown(`${localization.localizer} v${localization.version}`)}`,
    classifier ? `classifier ${escapeMarkdown(classifier)}` : "",
    "a suggestion by a bot, which never closes issues",
  ].filter((part) => part !== "");
  const meta = renderMetaLine({
    version: result.tool.version,
    localizer: `${localization.localizer}@${localization.version}`,
    classifier,
    commit: result.repository.commit ?? undefined,
  });
  return ["---", "", `<sub>${visible.join(" · ")}</sub>`, "", COMMENT_MARKER, meta].join("\n");
}

function formatScore(score: number): string {
  return Number.isFinite(score) ? score.toFixed(2) : "?";
}
