/**
 * Features of one issue for the linear classifiers, in named groups. A group is L2-normalised after the model's
 * vocabulary is applied (vectorize() in model.ts), so a long paste cannot outweigh a short, precise title.
 *
 * Groups: title words (t:), words and bigrams of title + body (w:, b:), DL lexicon terms in the text (lx:) and in
 * the title (lt:), the share of lexicon hits per bug type in the whole text (lc:) and in the title (lct:), extrinsic
 * cause rules and hints (cz:), and a few shape facts about the report (m:).
 */

import { BUG_TYPES, type Environment } from "../types.js";
import { detectCauses, type CauseSignal } from "./causes.js";
import { environmentFactCount, extractEnvironment } from "./environment.js";
import { quotableText } from "./quotable-text.js";
import { CAUSE_LEXICON, EXTRINSIC_HINTS, TYPE_LEXICON, matchTerms, type LexiconHit, type Quotable } from "./lexicon.js";
import { bigrams, hasCodeBlock, hasTraceback, lexicalView, proseOf, tokenize, unmasked, type PreparedIssue } from "./text.js";
import { FRAME_HEADER } from "../issue/frame-header.js";

/** A traceback frame header at a line's start, counted for how deep the pasted tracebacks go. */
const FRAME_HEADER_AT_LINE_START = new RegExp(String.raw`^[ \t]*${FRAME_HEADER}`, "gm");

export const FEATURE_GROUPS = ["title", "words", "lexicon", "lexiconTitle", "lexiconShare", "causes", "meta"] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

/** Groups whose features are open-vocabulary words (pruned by document frequency at training time). */
export const WORD_GROUPS: readonly FeatureGroup[] = ["title", "words"];

export type RawFeatures = Record<FeatureGroup, Map<string, number>>;

export interface IssueAnalysis {
  features: RawFeatures;
  environment: Environment;
  /** Type-lexicon hits over the whole text, keyed by feature id (lx:<term id>). */
  lexiconHits: Map<string, LexiconHit>;
  causes: CauseSignal[];
  /**
   * The lexicon terms that match in the reporter's own words (quotableText: without the template's bracketed
   * examples, native backtrace frames and filesystem paths), each with its first match there: the only ones quoted
   * as evidence, quoted as the reporter wrote them (see quotedSample). Null when the text holds none of those, and
   * every match is then quotable as first matched, without running the lexicon a second time. Features count every
   * match, as trained.
   */
  quotable: Quotable;
  traceback: boolean;
  /** The project's own names, masked where the lexicons read (see lexicalView). */
  ownNames: readonly string[];
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

export function analyseIssue(issue: PreparedIssue, ownNames: readonly string[] = []): IssueAnalysis {
  const lexical = lexicalView(issue, ownNames);
  const features: RawFeatures = {
    title: new Map(),
    words: new Map(),
    lexicon: new Map(),
    lexiconTitle: new Map(),
    lexiconShare: new Map(),
    causes: new Map(),
    meta: new Map(),
  };

  const titleTokens = tokenize(issue.title);
  for (const t of titleTokens) features.title.set(`t:${t}`, 1);

  const tokens = tokenize(`${issue.title}\n\n${proseOf(issue.body)}`);
  const counts = new Map<string, number>();
  for (const t of tokens) add(counts, `w:${t}`, 1);
  for (const b of bigrams(tokens)) add(counts, `b:${b}`, 1);
  for (const [k, c] of counts) features.words.set(k, Math.log1p(c));

  const lexiconHits = new Map<string, LexiconHit>();
  let totalShare = 0;
  const share = new Map<string, number>();
  let titleTotal = 0;
  const titleShare = new Map<string, number>();
  for (const type of BUG_TYPES) {
    for (const hit of matchTerms(lexical.all, TYPE_LEXICON[type])) {
      const key = `lx:${hit.id}`;
      lexiconHits.set(key, hit);
      features.lexicon.set(key, Math.log1p(hit.count));
      share.set(type, (share.get(type) ?? 0) + Math.log1p(hit.count));
      totalShare += Math.log1p(hit.count);
    }
    const titleHits = matchTerms(lexical.title, TYPE_LEXICON[type], 1);
    for (const hit of titleHits) features.lexiconTitle.set(`lt:${hit.id}`, 1);
    titleShare.set(type, titleHits.length);
    titleTotal += titleHits.length;
  }
  for (const type of BUG_TYPES) {
    features.lexiconShare.set(`lc:${type}`, totalShare > 0 ? (share.get(type) ?? 0) / totalShare : 0);
    // The title alone: the reporter's own summary, free of the noise of long bodies.
    features.lexiconShare.set(`lct:${type}`, titleTotal > 0 ? (titleShare.get(type) ?? 0) / titleTotal : 0);
  }

  const environment = extractEnvironment(issue.all);
  const quoted = quotableText(lexical.all);
  const quotable = quoted === lexical.all ? null : quotableTerms(quoted);
  const causes = detectCauses(lexical, environment, quotable);
  for (const c of causes) {
    features.causes.set(`cz:${c.cause}`, c.strength);
    for (const h of c.hits) features.causes.set(`cz:${h.id}`, Math.log1p(h.count));
  }
  for (const hit of matchTerms(lexical.all, EXTRINSIC_HINTS)) features.causes.set(`cz:${hit.id}`, Math.log1p(hit.count));

  const traceback = hasTraceback(issue.body);
  const meta = features.meta;
  meta.set("m:traceback", traceback ? 1 : 0);
  // How deep the pasted tracebacks go (Python frame headers), on a log scale up to 50 frames: a long trace through
  // the project's own code and a two-line error from a missing library are different reports, which the yes/no
  // above cannot tell apart.
  const frames = issue.body.match(FRAME_HEADER_AT_LINE_START)?.length ?? 0;
  meta.set("m:traceFrames", Math.min(Math.log1p(frames) / Math.log1p(50), 1));
  meta.set("m:code", hasCodeBlock(issue.body) ? 1 : 0);
  // How much of the reporter's own script is pasted (imports, definitions, assignments from calls), on a log scale
  // up to 50 lines: a reproducer written against the project's API points at its code more than a log of a failed
  // install does, whatever the project.
  const scriptLines = issue.body.match(/^[ \t]*(?:import \w|from \w[\w.]* import |def \w|class \w|\w+\s*=\s*\w[\w.]*\()/gm)?.length ?? 0;
  meta.set("m:script", Math.min(Math.log1p(scriptLines) / Math.log1p(50), 1));
  meta.set("m:envFacts", Math.min(environmentFactCount(environment), 6) / 6);
  meta.set("m:length", Math.min(Math.log10(1 + issue.body.length) / 5, 1));
  meta.set("m:emptyBody", issue.body.trim() === "" ? 1 : 0);
  meta.set("m:titleQuestion", /\?\s*$/.test(issue.title) ? 1 : 0);

  return withNamesWrittenBack({ features, environment, lexiconHits, causes, quotable, traceback, ownNames }, issue.all);
}

/**
 * The analysis with the project's name written back into what evidence may show: samples, quotes and cause
 * evidence were read off the masked text ("CUDA error: ownproject crashed" is "CUDA error: horovod crashed").
 */
function withNamesWrittenBack(analysis: IssueAnalysis, original: string): IssueAnalysis {
  const names = analysis.ownNames;
  if (names.length === 0) return analysis;
  const text = (t: string) => unmasked(t, names, original);
  const hit = (h: LexiconHit): LexiconHit => ({ ...h, sample: text(h.sample) });
  return {
    ...analysis,
    lexiconHits: new Map([...analysis.lexiconHits].map(([k, h]) => [k, hit(h)])),
    causes: analysis.causes.map((c) => ({ ...c, evidence: c.evidence.map(text), quotes: c.quotes.map(text), hits: c.hits.map(hit) })),
    quotable: analysis.quotable === null ? null : new Map([...analysis.quotable].map(([k, v]) => [k, text(v)])),
  };
}

/**
 * The analysis with its quotes taken from another text than the one its features were read from: the reporter's
 * words without the repository's template text ("Steps to reproduce the behavior:" is no reporter's "Steps").
 * Features, hits and cause strengths stay as computed; only what may be quoted, and so each cause's evidence, changes.
 */
export function withQuotesFrom(analysis: IssueAnalysis, issue: PreparedIssue, reporters: PreparedIssue): IssueAnalysis {
  // Quotable in both: the reporter's words (no template sentence) and, read with the template's keys still in place,
  // no environment line ("OS Platform and Distribution (...): Ubuntu 18.04.4" leaves a bare "Ubuntu 18.04.4" once
  // its template key is gone, which no longer reads as the environment line it is).
  const whole = lexicalView(issue, analysis.ownNames);
  const inWhole = analysis.quotable ?? quotableTerms(quotableText(whole.all));
  const quotable = new Map([...quotableTerms(quotableText(lexicalView(reporters, analysis.ownNames).all))].filter(([id]) => inWhole.has(id)));
  const byCause = new Map(detectCauses(whole, analysis.environment, quotable).map((c) => [c.cause, c]));
  const causes = analysis.causes.map((c) => {
    const requoted = byCause.get(c.cause);
    return requoted ? { ...c, evidence: requoted.evidence, quotes: requoted.quotes } : c;
  });
  return withNamesWrittenBack({ ...analysis, quotable, causes }, issue.all);
}

const ALL_TERMS = [...Object.values(TYPE_LEXICON).flat(), ...Object.values(CAUSE_LEXICON).flat(), ...EXTRINSIC_HINTS];

/** The terms that match in the quotable text (see quotableText), with their first match there. */
function quotableTerms(quoted: string): Map<string, string> {
  return new Map(matchTerms(quoted, ALL_TERMS, 1).map((h) => [h.id, h.sample]));
}
