/**
 * Classifies an issue: report kind, DL bug type with calibrated probabilities, extrinsic vs intrinsic with likely
 * causes, the stated environment, and what to ask for. Every label carries the words or facts that drove it.
 */

import { BUG_TYPES, type BugType, type Classification, type ExtrinsicCause, type IssueText, type Label } from "../types.js";
import { domainClassOf, isDomainFeature } from "./domain-prior.js";
import { analyseIssue, withQuotesFrom, type IssueAnalysis } from "./features.js";
import { isMeasurement } from "./environment.js";
import { quotedSample } from "./lexicon.js";
import { failedDockerBuild, failsOnCi, isBuildFailure, missingFacts } from "./missing-facts.js";
import { defaultClassifierModel, scoreTask, topContributions, type ClassifierModel, type LinearTask } from "./model.js";
import { isNamedCause } from "./causes.js";
import { missingDetails } from "./missing-details.js";
import { classifyReportKind } from "./report-kind.js";
import { prepareIssue, proseOf, stem, surfaceForms, type PreparedIssue } from "./text.js";

export type { ClassifierModel } from "./model.js";
export { extractEnvironment, describeEnvironment, describeBuildFacts } from "./environment.js";
export { estimateLocalizability, localizabilityFeatures, LOCALIZABILITY_THRESHOLDS } from "./localizability.js";

/** A cause is listed when p(extrinsic) × rule strength reaches this. */
const CAUSE_MIN_CONFIDENCE = 0.15;
const MAX_EVIDENCE = 4;
/** Cause-specific questions (install method, dataset, weights, other libraries) only for causes at least this likely. */
const ASK_CAUSE_CONFIDENCE = 0.3;

export interface ClassifyOptions {
  /**
   * The report says little beyond its title (reportSaysLittle() of bare-report.ts, which needs the parsed issue and
   * the repository, so the caller decides). The bug type is then marked `titleOnly`: its probabilities are what the
   * title's words give, but the calibration that makes them confidences was measured on labelled reports that all
   * say more, so a 77% read off "CUDA out of memory" alone is a guess, not a measured 77%. Marking it, rather than
   * shrinking the number by some factor, keeps the model's output intact and leaves no constant to tune.
   */
  reportSaysLittle?: boolean;
  /**
   * The issue without the repository's issue-template text, when the caller has the templates: what the report
   * shows (a script, steps, an error) is judged on the reporter's words, so that a template's own code block left in
   * place ("wget .../collect_env_details.py") is no reproducer, and evidence quotes only those words (not the
   * template's "Steps to reproduce the behavior:"). The models read the whole text, as trained.
   */
  reportersWords?: IssueText;
  /** The project's own names (its package, its repository's name): no outside cause or DL term in its own tracker. */
  ownNames?: readonly string[];
}

export function classifyIssue(issue: IssueText, model: ClassifierModel = defaultClassifierModel(), options: ClassifyOptions = {}): Classification {
  const prepared = prepareIssue(issue);
  const analysis = analyseIssue(prepared, options.ownNames);
  // Quoted from the reporter's words when the caller has them: the template's "Steps to reproduce" is nobody's quote.
  const quoting = options.reportersWords ? withQuotesFrom(analysis, prepared, prepareIssue(options.reportersWords)) : analysis;
  return classifyAnalysed(prepared, quoting, model, options);
}

/** The same, from features already computed (cross-validation computes them once per issue). */
export function classifyAnalysed(prepared: PreparedIssue, analysis: IssueAnalysis, model: ClassifierModel, options: ClassifyOptions = {}): Classification {
  const gw = model.hyperparameters.groupWeights;

  const typeScore = scoreTask(model.type, analysis.features, gw);
  const probabilities: Partial<Record<BugType, number>> = {};
  model.type.classes.forEach((c, k) => (probabilities[c as BugType] = round(typeScore.probabilities[k]!)));
  const typeIndex = argmax(typeScore.probabilities);
  const bugType = model.type.classes[typeIndex] as BugType;

  const extScore = scoreTask(model.extrinsic, analysis.features, gw);
  const extIndex = model.extrinsic.classes.indexOf("extrinsic");
  const pExtrinsic = extScore.probabilities[extIndex]!;
  // The cut was chosen on out-of-fold F1 of the extrinsic class when training (absent in older models: 0.5).
  const extrinsicLabel = pExtrinsic >= (model.extrinsic.threshold ?? 0.5) ? "extrinsic" : "intrinsic";

  const causes: Label<ExtrinsicCause>[] = analysis.causes
    .filter((c) => isNamedCause(c, prepared.all))
    .map((c) => ({ label: c.cause, confidence: round(pExtrinsic * c.strength), evidence: c.evidence }))
    .filter((c) => c.confidence >= CAUSE_MIN_CONFIDENCE)
    .slice(0, 3);

  // The words as the reporter wrote them, read only when a word is quoted (the same text as the word features').
  let wordForms: Map<string, string> | undefined;
  const forms: WordForms = (token) => (wordForms ??= surfaceForms(`${prepared.title}\n\n${proseOf(prepared.body)}`)).get(token) ?? token;
  const extEvidence = explainClass(model.extrinsic, extScore.row, extrinsicLabel === "extrinsic" ? extIndex : 1 - extIndex, analysis, forms).phrases;

  const reportKind = classifyReportKind(prepared, analysis.traceback);
  const typeEvidence = explainClass(model.type, typeScore.row, typeIndex, analysis, forms);
  // A cause is asked about only when the reporter's own words name it: one that only an environment dump or a
  // backtrace fired ("GeForce" in collect_env's output) asked a hook-order bug for its cuDNN and driver versions.
  const named = new Set(analysis.causes.filter((c) => c.quotes.length > 0).map((c) => c.cause));
  const askedCauses = causes.filter((c) => c.confidence >= ASK_CAUSE_CONFIDENCE && named.has(c.label)).map((c) => c.label);
  return {
    modelVersion: model.modelVersion,
    reportKind,
    bugType: {
      label: bugType,
      confidence: round(typeScore.probabilities[typeIndex]!),
      evidence: typeEvidence.phrases,
      probabilities,
      ...(options.reportSaysLittle ? { titleOnly: true as const } : {}),
      ...(typeEvidence.phrases.length > 0 && !typeEvidence.domain ? { wordsOnly: true as const } : {}),
    },
    extrinsic: {
      label: extrinsicLabel,
      confidence: round(extrinsicLabel === "extrinsic" ? pExtrinsic : 1 - pExtrinsic),
      evidence: dedupe(extEvidence).slice(0, MAX_EVIDENCE),
      causes,
    },
    environment: analysis.environment,
    missingFacts: missingFacts({
      environment: analysis.environment,
      extrinsicProbability: pExtrinsic,
      gpuProbability: probabilities.GPU ?? 0,
      causes: askedCauses,
      isBugReport: reportKind.label === "bug",
      onCi: failsOnCi(prepared.all),
      dockerBuild: failedDockerBuild(prepared.all),
    }),
    ...(isBuildFailure(analysis.environment, askedCauses) ? { buildFailure: true as const } : {}),
    missingDetails: missingDetails(options.reportersWords ? prepareIssue(options.reportersWords) : prepared, { isBugReport: reportKind.label === "bug", traceback: analysis.traceback, saysLittle: options.reportSaysLittle === true }),
  };
}

/**
 * Human phrases for the features that pushed class k up the most, and whether any of them is domain knowledge (a
 * DL lexicon term or a type's share of the terms) rather than only words the model learned from seven projects.
 */
function explainClass(task: LinearTask, row: { idx: number[]; val: number[] }, k: number, analysis: IssueAnalysis, forms: WordForms): { phrases: string[]; domain: boolean } {
  let domain = false;
  const phrases: string[] = [];
  const label = task.classes[k]!;
  const sharesSaid = new Set<string>();
  for (const [name] of topContributions(task, row, k, 12)) {
    // A term is quoted only for the class domain knowledge ties it to, whatever weight the fit gave it elsewhere:
    // "mentions `print`" or "mentions `CUDA`" is no reason to call a bug intrinsic, "mostly Model terms" none for a
    // Training label, a cause rule none for intrinsic. Words and the report's shape stay learned evidence.
    if (isDomainFeature(name) && domainClassOf(name) !== label) continue;
    // A traceback shows where the error was raised, which speaks for the code; the model may still weigh it towards
    // extrinsic (long traces through libraries), but "extrinsic: has a traceback" explains nothing.
    if (name === "m:traceback" && label === "extrinsic") continue;
    // Nor does it say what kind of DL bug it is: "GPU: has a traceback".
    if (name === "m:traceback" && (BUG_TYPES as readonly string[]).includes(label)) continue;
    // "the title's DL terms are mostly GPU terms" of a title with one DL term says what "title mentions `GPU`" says.
    if (name.startsWith("lct:") && analysis.features.lexiconTitle.size <= 1) continue;
    // The report's and the title's share of a type's terms say the same thing when the terms are in the title: once.
    const share = /^lct?:(.+)$/.exec(name)?.[1];
    if (share !== undefined) {
      if (sharesSaid.has(share)) continue;
      sharesSaid.add(share);
    }
    const phrase = describeFeature(name, analysis, forms);
    if (!phrase) continue;
    phrases.push(phrase);
    if (isDomainFeature(name)) domain = true;
  }
  return { phrases: dedupe(phrases).slice(0, MAX_EVIDENCE), domain };
}

/** The word a token was read from, found on first use (see surfaceForms). */
type WordForms = (token: string) => string;

function describeFeature(name: string, analysis: IssueAnalysis, forms: WordForms): string | undefined {
  const colon = name.indexOf(":");
  const kind = name.slice(0, colon);
  const rest = name.slice(colon + 1);
  switch (kind) {
    case "lx":
    case "lt": {
      const hit = analysis.lexiconHits.get(`lx:${rest}`);
      // Not a term only the template's bracketed examples hold ("(e.g., Linux Ubuntu 16.04)"): the reporter did not write it.
      const sample = hit && quotedSample(analysis.quotable, hit);
      // A learning rate or an accuracy ("0.003", "0.4986") is no version number.
      if (!sample || isMeasurement(sample)) return undefined;
      // A term that matches any version number quotes the first one, often not a library's ("mentions `16.04`",
      // Ubuntu's, as API evidence): say it is a version number, which is all the term saw in it.
      const quote = BARE_VERSION.test(sample) ? `a version number (\`${sample}\`)` : `\`${sample}\``;
      return kind === "lt" ? `title mentions ${quote}` : `mentions ${quote}`;
    }
    // A piece of one or two letters is no word a reader knows ("gp" of "GPUs", split as an acronym and a plural).
    case "t":
      return isGenericReportWord(rest) || rest.length < 3 ? undefined : `title word "${forms(rest)}"`;
    case "w":
      return isGenericReportWord(rest) || rest.length < 3 ? undefined : `word "${forms(rest)}"`;
    case "b": {
      const words = rest.split(" ");
      // A word twice is no phrase anyone wrote: the pieces of `x_train, y_train` read as "train train".
      if (words.length === 2 && words[0] === words[1]) return undefined;
      return words.every(isGenericReportWord) ? undefined : `phrase "${words.map(forms).join(" ")}"`;
    }
    // The non-DL lexicon holds general programming terms (files, strings, installs): "DL terms ... non-DL terms"
    // would contradict itself.
    case "lc":
      return rest === "non-DL" ? "most terms in the report are general programming ones, not DL-specific" : `most DL terms in the report are ${rest} terms`;
    case "lct":
      return rest === "non-DL" ? "the title's terms are general programming ones, not DL-specific" : `the title's DL terms are mostly ${rest} terms`;
    case "cz": {
      for (const c of analysis.causes) {
        if (rest === c.cause) return c.quotes[0];
        const hit = c.hits.find((h) => h.id === rest);
        if (hit) {
          const sample = quotedSample(analysis.quotable, hit);
          return sample ? `mentions \`${sample}\`` : undefined;
        }
      }
      return undefined;
    }
    case "m":
      return META_PHRASES[rest];
    default:
      return undefined;
  }
}

/**
 * Words every bug report uses, whatever the bug ("bug", "error", "fails", "problem"), and the pieces of links: the model may lean on them
 * (a project that files more Training reports says "bug" in more of them), but as evidence they say nothing about
 * what the bug is ('title word "bug"' for a Training label). Stemmed as the tokenizer stems them.
 */
const GENERIC_REPORT_WORDS = new Set(
  [
    ...["bug", "bugs", "issue", "problem", "error", "fail", "wrong", "work", "help", "question", "report", "thank", "please", "hello", "strange", "weird"],
    // and the pieces of pasted links and screenshots ('word "http"' from an image URL)
    ...["http", "https", "www", "com", "github", "githubusercontent", "png", "jpg", "blob", "tree", "master", "raw"],
    // and file extensions of linked or named files ('word "py"' from `.../classification.py#L847`)
    ...["py", "txt", "md", "yml", "yaml", "json", "html", "ipynb"],
    // and the keywords and stock names of pasted Python ('word "import"' of `import torchio as tio`, 'word "self"'
    // of a traceback's `self.pbar.close()`, 'title word "return"'): every script has them
    ...["import", "from", "self", "return", "def", "class", "none", "true", "false", "lambda", "print", "args", "kwargs", "cls", "elif", "else"],
    // and the language's name, which install paths spell in every traceback ('word "python"' of `/python3.6/site-packages/`)
    ...["python"],
    // and the filler of any report's sentences ('word "due"', 'word "current"'): no bug type's words
    ...["due", "current", "currently", "following", "below", "above", "seem", "try", "tried", "still", "anyone", "thing", "something", "reason", "new", "add", "result"],
  ].map(stem),
);

function isGenericReportWord(token: string): boolean {
  return GENERIC_REPORT_WORDS.has(token);
}

/** A lexicon match that is only a version number: "3.6.4", "16.04", "v1.2", "2.0rc1". */
const BARE_VERSION = /^v?\d+(?:\.\d+)+[a-z]*\d*$/i;

/**
 * The report's shape as evidence: only the traceback, which shows where the error was raised. The other shape
 * features (a code block, a stated environment, the length, an empty body, a question in the title) weigh in the
 * models, but they say how a report is written, not what the bug is or where its cause lies: "probably in this
 * repository's code: title is a question" or "extrinsic: states `numpy 1.15.1`" explains nothing to a maintainer,
 * and a verdict whose only support they are is not stated plainly (labels/classification-verdicts.ts). The stated
 * environment has its own line in the comment.
 */
const META_PHRASES: Record<string, string> = {
  traceback: "has a traceback",
};

function argmax(xs: number[]): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i]! > xs[best]!) best = i;
  return best;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * Each phrase once, and a phrase dropped when everything it quotes was quoted before, whatever the case:
 * "title mentions `DDP`" then "mentions `DDP`", 'word "bug"' then 'title word "bug"', or "`Windows 10`" then
 * "`windows 10`", say one thing. A quote whose words are a run of an earlier quote's words was quoted too:
 * "`torch 1.6.0+cu101`" then "`cu101`" or "`torch 1.6.0`", "`torch 1.12.1`" then "`torch 1.12`",
 * "`macOS (Darwin 17.7.0)`" then "`Darwin`" (but "`CUDA_HOME`" does not quote "`CUDA`").
 */
function dedupe(xs: string[]): string[] {
  const quoted: string[][] = [];
  const out: { phrase: string; samples: string[][] }[] = [];
  for (const x of new Set(xs)) {
    const samples = quotedSamples(x).map(quoteWords);
    if (samples.length > 0 && samples.every((q) => quoted.some((earlier) => containsRun(earlier, q)))) continue;
    quoted.push(...samples);
    // A later quote that says more than an earlier one (`Shape mismatch` after `Shape`) takes its place.
    const narrower = out.findIndex((e) => e.samples.length > 0 && e.samples.every((q) => samples.some((later) => containsRun(later, q))));
    if (narrower >= 0) out.splice(narrower, 1, { phrase: x, samples });
    else out.push({ phrase: x, samples });
  }
  return out.map((e) => e.phrase);
}

/**
 * What a phrase quotes: its code spans, or the word of a learned word feature ('word "bug"', 'title word "bug"',
 * 'phrase "out of memory"'), which is the same word as the title's or a lexicon term's quote of it.
 */
function quotedSamples(phrase: string): string[] {
  const word = /^(?:title word|word|phrase) "(.+)"$/.exec(phrase);
  if (word) return [word[1]!];
  return [...phrase.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

/** A quote's words, lower-cased: identifiers and version numbers, split at anything else (`==`, `+`, spaces). */
function quoteWords(quote: string): string[] {
  return quote
    .toLowerCase()
    .split(/[^\p{L}\p{N}_.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ""))
    .filter(Boolean);
}

function containsRun(words: string[], run: string[]): boolean {
  if (run.length === 0) return false;
  for (let at = 0; at + run.length <= words.length; at++) {
    if (run.every((w, i) => quotesWord(words[at + i]!, w))) return true;
  }
  return false;
}

/**
 * True when an earlier quote's word already says the later one: the same word, or a version the later one
 * shortens ("1.12.1" says "1.12": the lexicon quotes `torch 1.12` of a report's "torch 1.12.1", which the
 * environment states as `torch 1.12.1`). Only at a dot: "1.12.1" does not say "1.1".
 */
function quotesWord(earlier: string, later: string): boolean {
  return earlier === later || (VERSION.test(later) && earlier.startsWith(`${later}.`));
}

const VERSION = /^\d+(?:\.\d+)+$/;

export { BUG_TYPES };
