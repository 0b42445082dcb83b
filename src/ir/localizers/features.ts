import { parseIssue, type ParsedIssue } from "../../issue/index.js";
import { codeWordsInProse } from "../../issue/code-evidence.js";
import { shortSubject } from "../short-subject.js";
import type { Evidence } from "../../types.js";
import { termsEvidence } from "../explain-terms.js";
import { BM25_DEFAULTS, minMax as paperMinMax, scoreBm25, scoreTfidfCosine } from "../scoring.js";
import { commitScores } from "../signals/commit-score.js";
import { definitionMatches } from "../signals/definitions.js";
import { testedNameMatches } from "../signals/tested-names.js";
import { similarReportEvidence } from "../signals/explain-similar.js";
import { traceEvidence } from "../signals/explain-trace.js";
import { fixHistory } from "../signals/fix-history.js";
import { lengthFactors } from "../signals/length-factor.js";
import { mentionedFiles } from "../signals/mentions.js";
import { messageMatches } from "../signals/messages.js";
import { ModuleIndex } from "../signals/module-index.js";
import { findSimilarReports, similarReportScores } from "../signals/similar-reports.js";
import { similarCommitScores } from "../signals/similar-commits.js";
import { cochangeSignal } from "../signals/cochange.js";
import { namedCommitFiles, namedNumberIn, referencedNumbers } from "../signals/named-commits.js";
import { isForeignName, namesOfForeignFrames, repositoryPackages } from "../signals/foreign-names.js";
import { stackTraceSignal } from "../signals/stack-trace.js";
import { structuredVsm } from "../signals/struct-vsm.js";
import { bluirScore } from "./bluir.js";
import { isTestPath, testPairs } from "../signals/test-pairs.js";
import type { LocalizerInput } from "./localizer.js";

/**
 * The evidence the learned ranker combines, one column per signal, each scaled to [0, 1] per report
 * (min–max over the snapshot's files, PAPER §5 "fuse late") unless it is already a bounded score.
 * The order is part of the model file format: append new features, never reorder.
 */
export const FEATURE_NAMES = [
  "bm25", // BM25 of title + body over file contents
  "bm25Title", // BM25 of the title alone: titles are short and focused
  "path", // BM25 over the file's path words
  "rvsm", // BugLocator's rVSM
  "structVsm", // BLIA's structured VSM over class/method/identifier/comment fields
  "definitions", // the file defines a class or function the issue's code names
  "codeIdentifiers", // BM25 of the issue's code identifiers over the file's identifiers
  "trace", // BLIA's stack-trace score: 1/rank from the innermost project frame, 0.1 for imported files
  "message", // error messages of the issue matched to the file's string literals
  "mentioned", // the issue names the file or its module
  "similarReports", // SimiScore: similar past issues were fixed in this file
  "fixCount", // how often the file was fixed before
  "fixRecency", // how recently it was fixed
  "recentFixCommits", // BLIA's 15-day commit score
  "isTest", // a test file
  "pairLexical", // best bm25 of the test/source file it pairs with
  "pairTrace", // best trace/mention score of the file it pairs with
  "length", // log file length, min–max
  "isInit", // an __init__.py
  "similarCommits", // past commits whose messages read like the issue changed this file
  "pathTitle", // BM25 of the title over the file's path words
  "testPairScore", // for a test file: its paired source file's lexical and trace evidence
  "sourceLexical", // for a non-test file: its own BM25 (lets the model weigh tests and code differently)
  "cochange", // changed together, in past commits, with the strongest first-pass candidates
  "bluir", // BLUiR's structured Indri score (8 field pairs)
  "pairSeed", // the first-pass fusion score of the test/source file it pairs with
  "testedNames", // a test file whose test functions are named after the issue's code names (`def test_topk`)
  "isExample", // an example, tutorial, docs or benchmark script rather than the library itself
  "exampleAsked", // such a script, when the issue speaks of an example, tutorial or demo
  "proseDefinitions", // the file defines a name the title or prose writes without code marks (`ModelCheckpoint fails`)
  "namedCommit", // changed by a commit the issue names by its hash ("broken since bd5bbfc")
] as const;

export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Features that say something about a file whatever the issue says: they rank, but never alone. */
const ISSUE_INDEPENDENT: ReadonlySet<string> = new Set(["fixCount", "fixRecency", "recentFixCommits", "isTest", "length", "isInit", "isExample", "exampleAsked"]);

/**
 * Scripts around the library rather than the library: most bugs are fixed in the package, and a script matches
 * many issues' words because it calls every API. Only when the issue is about such a script do they gain.
 */
const EXAMPLE_PATH = /(^|\/)(\w*examples?|tutorials?|docs?|benchmarks?|demos?)\//;
const ASKS_ABOUT_EXAMPLE = /\b(examples?|tutorials?|demos?|notebooks?)\b/i;
const ISSUE_DEPENDENT_COLUMNS = FEATURE_NAMES.map((n, i) => (ISSUE_INDEPENDENT.has(n) ? -1 : i)).filter((i) => i >= 0);

/**
 * True when something in the issue points at the file (a matched word, a frame, a name, a similar past
 * issue...). A file with no such evidence is not ranked at all, as in BM25 (score 0) and BLIA (BL = 0):
 * being large or often fixed is no reason to show a file for this issue.
 */
export function hasIssueEvidence(matrix: Float32Array, doc: number): boolean {
  for (const j of ISSUE_DEPENDENT_COLUMNS) if (matrix[doc * FEATURE_COUNT + j]! > 0) return true;
  return false;
}
const F = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<(typeof FEATURE_NAMES)[number], number>;

export interface FeatureSet {
  /** Row-major `docs × FEATURE_COUNT`. */
  matrix: Float32Array;
  docCount: number;
  explain(doc: number): Evidence[];
  parsed: ParsedIssue;
}

/**
 * Min–max over the snapshot's files, except that when every file scores the same positive value (one
 * candidate, or a signal that hit every file equally) they all get 1, not 0: PAPER's N = 0 for max = min
 * would erase the only evidence a one-file repository has.
 */
function minMax(scores: Float64Array): Float64Array {
  const out = paperMinMax(scores);
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  if (scores.length > 0 && hi === lo && hi > 0) out.fill(1);
  return out;
}

function normalizedLog(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.log1p(values[i]!);
  return minMax(out);
}

/** Computes every feature of every file of the snapshot for one issue. */
export function computeFeatures({ index, issue, history, parsed: given }: LocalizerInput): FeatureSet {
  const n = index.size;
  const parsed = given ?? parseIssue(issue.title, issue.body);
  const text = `${issue.title}\n${issue.body}`;
  const query = index.query(text);
  const content = index.field("content");
  const modules = new ModuleIndex(index.paths);
  const aboutExample = ASKS_ABOUT_EXAMPLE.test(text) ? 1 : 0;
  const reportTime = issue.createdAt ? Date.parse(issue.createdAt) : Date.now();

  const bm25 = minMax(scoreBm25(content, query, BM25_DEFAULTS));
  const bm25Title = minMax(scoreBm25(content, index.query(issue.title), BM25_DEFAULTS));
  const path = minMax(scoreBm25(index.field("path"), query, BM25_DEFAULTS));
  const g = lengthFactors(content);
  const rvsm = minMax(scoreTfidfCosine(content, index.tfidfNorms("content"), query).map((c, d) => c * g[d]!));
  const struct = minMax(structuredVsm(index, issue.title, issue.body));
  const bluirScores = minMax(bluirScore(index, issue.title, issue.body));
  const packages = repositoryPackages(index.paths);
  // Not the names only an installed library's printed code lines give (its traceback frames' `forward_call`).
  const framesForeign = namesOfForeignFrames(parsed, index.paths, packages, index.repoPaths);
  const codeNames = [...parsed.identifiers, ...parsed.apiNames].filter((name) => !framesForeign.has(name));
  // Names the issue's imports bind to another library (`np.random.rand` after `import numpy as np`) name no
  // definition or test of this repository.
  const foreignNames = parsed.apiNames.filter((name) => isForeignName(name, parsed.importBindings, packages));
  // The bare identifiers read off such a name (`rand` of `np.random.rand`) are that library's too.
  const foreignParts = new Set(foreignNames.flatMap((name) => name.split(".")));
  const ours = (name: string) => !isForeignName(name, parsed.importBindings, packages) && (name.includes(".") || !foreignParts.has(name));
  // The reporter's own classes (`class TestModel(LightningModule)`, `class MyCallback(Callback)`) are their script's,
  // not the repository's: the repository's test fixtures of the same name are not what the report is about. Not
  // their functions: a reporter who pastes the repository's own code to point at the bug (`def _run_sanity_check`)
  // pastes functions far more often than classes. (Leaving functions out too measured the same, MAP 0.627.)
  const ownDefinitions = classesDefinedInCode(parsed.codeBlocks);
  const issueWords = new Set(text.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  const defs = definitionMatches(index, codeNames.filter((name) => ours(name) && !name.split(".").some((part) => ownDefinitions.has(part))), issueWords);
  const definitions = minMax(defs.scores);
  const inCode = new Set(codeNames);
  const proseNames = codeWordsInProse(issue.title, parsed.prose).filter((w) => !inCode.has(w));
  // A test named after a word of the reporter's own script (`images`, `batch`) tests no API: a bare identifier
  // counts only when the repository defines it or the reporter marked it as code inline. Dotted names count in
  // all their parts, receivers included: `optimizer.step` or `trainer.fit` name the API's object, and a run that
  // also dropped receivers and namespaces not defined in the repository ranked worse (MAP 0.613 against 0.617).
  // Code names written in prose count too.
  const definedNames = new Set([...defs.matches.values()].flat().map((m) => m.name));
  const inlineWords = new Set(parsed.inlineCode.flatMap((c) => c.match(/[A-Za-z_]\w*/g) ?? []));
  const apiLike = parsed.identifiers.filter((id) => !framesForeign.has(id) && (definedNames.has(id) || inlineWords.has(id)));
  const projectNames = new Set([...packages].map((name) => name.toLowerCase()));
  const tested = testedNameMatches(index, [...parsed.apiNames.filter((name) => !framesForeign.has(name)), ...apiLike, ...proseNames].filter(ours), projectNames);
  const proseDefs = definitionMatches(index, proseNames);
  const proseDefinitions = minMax(proseDefs.scores);
  const testedNames = minMax(tested.scores);
  const codeQuery = index.query(codeNames.join(" "));
  const codeIdentifiers = minMax(codeQuery.ids.length ? scoreBm25(index.field("identifiers"), codeQuery, BM25_DEFAULTS) : new Float64Array(n));
  const trace = stackTraceSignal(index, parsed, modules);
  const messages = messageMatches(index, parsed.exceptionMessages);
  const message = minMax(messages.scores);
  const mentioned = mentionedFiles(index, modules, parsed.mentionedPaths);
  const similar = findSimilarReports(index, text, history?.pastFixes ?? []);
  const simi = similarReportScores(index, similar);
  const similarReports = minMax(simi.scores);
  const fixes = fixHistory(index, history?.commits ?? [], reportTime);
  const fixCount = normalizedLog(fixes.counts);
  const recent = commitScores(index, history?.commits ?? [], reportTime);
  const length = normalizedLog(content.docLengths);
  const pairs = testPairs(index);
  const commitsBefore = (history?.commits ?? []).filter((c) => Date.parse(c.date) < reportTime);
  const simCommits = similarCommitScores(index, text, commitsBefore);
  const similarCommits = minMax(simCommits.scores);
  const pathTitle = minMax(scoreBm25(index.field("path"), index.query(issue.title), BM25_DEFAULTS));
  // First pass for the neighbour signals: a fixed, unlearned fusion of the strongest direct evidence
  // (PAPER §5, "fuse late"), so that neighbours depend on no trained weight.
  const seed = new Float64Array(n);
  for (let d = 0; d < n; d++) seed[d] = (bm25[d]! + struct[d]! + path[d]!) / 3 + trace.scores[d]! + (mentioned.has(d) ? 1 : 0);
  const named = namedCommitFiles(index, text, commitsBefore);
  const numbersNamed = referencedNumbers(text);
  const neighbors = cochangeSignal(index, seed, commitsBefore);
  const cochange = minMax(neighbors.scores);

  const matrix = new Float32Array(n * FEATURE_COUNT);
  for (let d = 0; d < n; d++) {
    const row = d * FEATURE_COUNT;
    const p = index.paths[d]!;
    matrix[row + F.bm25] = bm25[d]!;
    matrix[row + F.bm25Title] = bm25Title[d]!;
    matrix[row + F.path] = path[d]!;
    matrix[row + F.rvsm] = rvsm[d]!;
    matrix[row + F.structVsm] = struct[d]!;
    matrix[row + F.definitions] = definitions[d]!;
    matrix[row + F.codeIdentifiers] = codeIdentifiers[d]!;
    matrix[row + F.trace] = trace.scores[d]!;
    matrix[row + F.message] = message[d]!;
    matrix[row + F.mentioned] = mentioned.has(d) ? 1 : 0;
    matrix[row + F.similarReports] = similarReports[d]!;
    matrix[row + F.fixCount] = fixCount[d]!;
    matrix[row + F.fixRecency] = fixes.recency[d]!;
    matrix[row + F.recentFixCommits] = Math.min(1, recent.scores[d]!);
    matrix[row + F.isTest] = isTestPath(p) ? 1 : 0;
    matrix[row + F.length] = length[d]!;
    matrix[row + F.isInit] = p.endsWith("__init__.py") ? 1 : 0;
    matrix[row + F.similarCommits] = similarCommits[d]!;
    matrix[row + F.pathTitle] = pathTitle[d]!;
    matrix[row + F.sourceLexical] = isTestPath(p) ? 0 : bm25[d]!;
    matrix[row + F.cochange] = cochange[d]!;
    matrix[row + F.bluir] = bluirScores[d]!;
    matrix[row + F.testedNames] = testedNames[d]!;
    matrix[row + F.proseDefinitions] = proseDefinitions[d]!;
    matrix[row + F.namedCommit] = named.files.has(d) ? 1 : 0;
    const example = EXAMPLE_PATH.test(p) ? 1 : 0;
    matrix[row + F.isExample] = example;
    matrix[row + F.exampleAsked] = example * aboutExample;
  }
  let seedMax = 0;
  for (const v of seed) if (v > seedMax) seedMax = v;
  for (const [d, partners] of pairs) {
    let lex = 0;
    let tr = 0;
    let best = 0;
    for (const q of partners) {
      best = Math.max(best, seedMax > 0 ? seed[q]! / seedMax : 0);
      lex = Math.max(lex, bm25[q]!);
      tr = Math.max(tr, trace.scores[q]!, mentioned.has(q) ? 1 : 0);
    }
    matrix[d * FEATURE_COUNT + F.pairLexical] = lex;
    matrix[d * FEATURE_COUNT + F.pairTrace] = tr;
    matrix[d * FEATURE_COUNT + F.pairSeed] = best;
    if (isTestPath(index.paths[d]!)) matrix[d * FEATURE_COUNT + F.testPairScore] = Math.max(lex, tr);
  }

  const explain = (doc: number): Evidence[] => {
    const out: Evidence[] = [...traceEvidence(index, trace, doc)];
    const namedPath = mentioned.get(doc);
    if (namedPath) {
      const line = parsed.mentionedLines[namedPath];
      out.push({ kind: "path", detail: `\`${namedPath}\``, ...(line !== undefined ? { line } : {}) });
    }
    const namedCommit = named.files.get(doc);
    if (namedCommit) out.push({ kind: "commit", detail: `changed by commit ${namedCommit}, which the issue names` });
    const site = messages.sites.get(doc);
    if (site) out.push({ kind: "message", detail: `"${site.text.slice(0, 100)}"`, line: site.line });
    const def = defs.matches.get(doc) ?? proseDefs.matches.get(doc);
    if (def) {
      // The evidence's line is the first name's (the link's); a name defined elsewhere in the file says where.
      const first = def[0]!.line;
      // How many files define the leading (rarest) name says how telling it is, as for tested names: `hybrid_forward`
      // is defined by every block of mxnet.
      const among = def[0]!.files > 1 ? ` (one of ${def[0]!.files} files that define it)` : "";
      const names = def.slice(0, 4).map((m, i) => (i === 0 ? `\`${m.name}\`${among}` : m.line === first ? `\`${m.name}\`` : `\`${m.name}\` (line ${m.line})`));
      out.push({ kind: "identifier", detail: `defines ${names.join(", ")}`, line: first });
    }
    out.push(...similarReportEvidence(simi.sources.get(doc)));
    const commits = simCommits.sources.get(doc);
    if (commits) {
      // The change the report blames by its number ("broken since #17734") is what it is, not "a similar" one.
      const blamed = commits.map((c) => ({ c, n: namedNumberIn(c.commit.message, numbersNamed) })).find((x) => x.n !== undefined);
      const best = blamed?.c ?? [...commits].sort((a, b) => b.similarity - a.similarity)[0]!;
      const what = blamed ? `the change the issue names (#${blamed.n})` : "a similar past change";
      out.push({ kind: "commit", detail: `${what} ${best.commit.sha.slice(0, 7)} "${shortSubject(best.commit.message)}" touched it` });
    }
    const partners = pairs.get(doc);
    if (partners && matrix[doc * FEATURE_COUNT + F.pairTrace]! + matrix[doc * FEATURE_COUNT + F.pairLexical]! > 0.5) {
      const best = [...partners].sort((a, b) => bm25[b]! - bm25[a]!)[0]!;
      out.push({ kind: "paired-test", detail: `\`${index.paths[best]}\`` });
    }
    const test = tested.matches.get(doc);
    if (test) {
      // How many test files test the same name says how telling the match is: one is a pointer, twenty are noise.
      const among = test.files > 1 ? ` (one of ${test.files} test files that test it)` : "";
      out.push({ kind: "tested-name", detail: `\`${test.tested}\` in \`${test.name}\`${among}`, line: test.line });
    }
    // "changed by", not "fixed": a test file is changed by the fixes it checks, it was not itself broken.
    if (fixes.counts[doc]! > 0) out.push({ kind: "fix-count", detail: `changed by ${fixes.counts[doc] === 1 ? "an earlier fix" : `${fixes.counts[doc]} earlier fixes`}` });
    const lent = neighbors.via.get(doc);
    if (lent !== undefined && cochange[doc]! >= 0.3) {
      out.push({ kind: "commit", detail: `often changed together with \`${index.paths[lent]}\`` });
    }
    out.push(...termsEvidence(index, doc, text));
    return out;
  };

  return { matrix, docCount: n, explain, parsed };
}

/** Names the issue's code blocks define with `class`. */
function classesDefinedInCode(codeBlocks: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const block of codeBlocks) for (const m of block.matchAll(/^[ \t]*class[ \t]+([A-Za-z_]\w*)/gm)) names.add(m[1]!);
  return names;
}
