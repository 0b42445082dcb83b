import { getLocalizer } from "../ir/localizers/registry.js";
import type { Localizer } from "../ir/localizers/localizer.js";
import { isLearned } from "../ir/localizers/learned.js";
import type { RankingExample } from "../ir/learn/ranker-model.js";
import type { LinearModel } from "../ir/learn/listwise.js";
import { trainFoldModels, trainFoldModelsHere } from "./fold-models.js";
import type { FileDocument } from "../ir/document.js";
import { createDocumentCache } from "../ir/create-document-cache.js";
import { type DocumentCache, type PreparedDocuments, SourceIndex } from "../ir/source-index.js";
import { createDocumentPool, type DocumentPool } from "../ir/parallel/document-pool.js";
import { BlobReader, type TreeEntry } from "../repo/git.js";
import { TreeLister } from "../repo/tree-lister.js";
import { readIssueTemplates, selectEntries } from "../repo/read-git-snapshot.js";
import { historyWithoutTemplateText, templateSentences, withoutTemplateText } from "../issue/issue-template.js";
import { looksBinary } from "../ir/scope.js";
import type { History, IssueText, SourceFile } from "../types.js";
import { classifyIssue, estimateLocalizability, localizabilityFeatures } from "../classify/index.js";
import type { LocalizabilityInput } from "../classify/localizability.js";
import { parseIssue } from "../issue/index.js";
import { issueAnchors } from "../pipeline/localizability-input.js";
import { classifierOwnNames, projectPackage } from "../pipeline/project-package.js";
import type { BenchmarkBug } from "./dataset.js";
import { findGitDir } from "./git-root.js";
import { macroMetrics, meanMetrics, scoreBug, type BugScore, type Metrics } from "./metrics.js";
import { rankOfDoc } from "./rank-of.js";

/** Evaluation scope: every `.py` file, nothing excluded, so the search space equals the benchmark's. */
export const EVAL_SCOPE = { include: ["**/*.py"], exclude: [] as string[], maxFileBytes: 20_000_000 };

export interface BugOutcome {
  id: string;
  repo: string;
  bugType: string | null;
  extrinsic: boolean | null;
  filesIndexed: number;
  /** Ground-truth files present in the search space. */
  gtFiles: string[];
  /** Per localizer, the rank of each ground-truth file (null = not ranked). */
  ranks: Record<string, (number | null)[]>;
  /** Per localizer, the scores of its first ten files (what the localizability estimate reads). */
  topScores: Record<string, number[]>;
  /** How far the ranking of the default localizer was worth showing, as the product would have said. */
  localizability?: { confidence: number; features: Record<string, number>; top5Hit: boolean };
}

export interface SkippedBug {
  id: string;
  reason: string;
}

/** Supplies history for one bug; it must return only what existed before the bug's base commit. */
export type HistoryProvider = (bug: BenchmarkBug, gitDir: string) => Promise<History | undefined>;

export interface EvalOptions {
  bugs: BenchmarkBug[];
  gitRoot: string;
  localizers: string[];
  history?: HistoryProvider;
  /** Also estimate, per bug, the localizability of this localizer's ranking (classifies every issue). */
  localizabilityOf?: string;
  /** Called after each bug (done, total, id). */
  onProgress?: (done: number, total: number, id: string) => void;
  cache?: DocumentCache;
  /**
   * Scores the learned localizers with this one model (held-out evaluation: the shipped ranker on repositories it
   * was not trained on) instead of by cross-validation. The caller checks that the model never saw these bugs.
   */
  heldOutModel?: { model: LinearModel; name: string };
}

export interface LocalizerMetrics {
  all: Metrics;
  macro: Metrics;
  byRepo: Record<string, Metrics>;
  byBugType: Record<string, Metrics>;
  byExtrinsic: Record<string, Metrics>;
  /** Ranks of the ground-truth files, per bug id. */
  bugs: Record<string, (number | null)[]>;
}

export interface EvalRun {
  /** Notes on how learned localizers were scored (cross-validation folds, or why not). */
  notes: string[];
  /** Per learned localizer, each bug's feature matrix and ground truth (what a trainer needs). */
  examples: Map<string, Map<string, RankingExample>>;
  outcomes: BugOutcome[];
  skipped: SkippedBug[];
  elapsedMs: number;
  /** Of which: reading, indexing and scoring the bugs, and training the cross-validation folds afterwards. */
  phasesMs: { bugs: number; crossValidation: number };
  filesIndexed: number;
  localizers: Record<string, LocalizerMetrics>;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === null) continue;
    let g = m.get(k);
    if (!g) m.set(k, (g = []));
    g.push(it);
  }
  return m;
}

/** Aggregates the outcomes of one localizer into the report's slices. */
export function summarize(outcomes: readonly BugOutcome[], localizer: string): LocalizerMetrics {
  const scored = outcomes.map((o) => ({ o, s: scoreBug(o.ranks[localizer] ?? o.gtFiles.map(() => null)) }));
  const slice = (key: (o: BugOutcome) => string | null): Record<string, Metrics> => {
    const out: Record<string, Metrics> = {};
    for (const [k, group] of groupBy(scored, ({ o }) => key(o))) out[k] = meanMetrics(group.map((g) => g.s));
    return out;
  };
  const byRepo = slice((o) => o.repo);
  return {
    all: meanMetrics(scored.map((x) => x.s)),
    macro: macroMetrics(Object.values(byRepo)),
    byRepo,
    byBugType: slice((o) => o.bugType),
    byExtrinsic: slice((o) => (o.extrinsic === null ? null : String(o.extrinsic))),
    bugs: Object.fromEntries(outcomes.map((o) => [o.id, o.ranks[localizer] ?? []])),
  };
}

/** A bug's search space, its missing documents under way (see {@link prepareSnapshot}). */
interface PreparedSnapshot {
  /** Text entries, in path order. */
  kept: TreeEntry[];
  pending: PreparedDocuments;
  /** The sentences of the commit's issue templates ({@link templateSentences}). */
  template: Set<string>;
}

/**
 * Lists a bug's search space, reads the blobs not yet cached or under way, and starts building their documents
 * (in the pool's worker threads). Interns nothing, so it can run while the previous bug is ranked. Null when the
 * commit is missing. `dropped` holds the repository's blobs found binary, too large or unreadable at an earlier
 * bug: they are not read again (they leave no document in the cache to say so).
 */
async function prepareSnapshot(commit: string, lister: TreeLister, reader: BlobReader, cache: DocumentCache, dropped: Set<string>, pool?: DocumentPool): Promise<PreparedSnapshot | null> {
  let entries: TreeEntry[] | null;
  try {
    entries = await lister.list(commit);
  } catch {
    entries = null;
  }
  if (!entries) return null;
  // The lister knows no sizes: files are selected by path, and a file over the size limit is answered null by the
  // reader from the size git sends first. git still sends the whole blob through the pipe; the reader discards it
  // as it comes: the saving is memory and copying, not I/O (`--batch-check` first would spare the transfer).
  const { selected } = selectEntries(entries, EVAL_SCOPE);
  const template = templateSentences(await readIssueTemplates(entries, reader));
  const missing = selected.filter((e) => !dropped.has(e.sha) && !cache.known(e.sha, e.path));
  const contents = await Promise.all(missing.map((e) => reader.read(e.sha, EVAL_SCOPE.maxFileBytes)));
  const files: SourceFile[] = [];
  missing.forEach((e, i) => {
    const content = contents[i];
    if (!content || looksBinary(content)) dropped.add(e.sha);
    else files.push({ path: e.path, blobSha: e.sha, text: content.toString("utf8"), size: content.length });
  });
  const kept = selected.filter((e) => !dropped.has(e.sha)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { kept, pending: cache.prepare(files, pool), template };
}

/** Interns a prepared snapshot's new documents (in the order a one-thread run would) and returns them all. */
async function documentsAt(snapshot: PreparedSnapshot, cache: DocumentCache): Promise<{ paths: string[]; docs: FileDocument[] }> {
  await snapshot.pending.documents();
  return { paths: snapshot.kept.map((e) => e.path), docs: snapshot.kept.map((e) => cache.cached(e.sha, e.path)!) };
}

/**
 * Runs localizers over benchmark bugs, each at its own base commit read straight from a bare clone
 * (one `git cat-file --batch` per repository reads the trees and the blobs; repo/tree-lister.ts). Documents are cached by blob across bugs.
 * A missing repository or commit skips that bug with a reason; it never stops the run.
 */
export async function runEval(options: EvalOptions): Promise<EvalRun> {
  const started = performance.now();
  const localizers: Localizer[] = options.localizers.map((id) => getLocalizer(id));
  const ids = options.localizers;
  // Learned localizers are scored after the loop, by repository-grouped cross-validation: their features
  // are kept per bug and a bug is only ever ranked by a model trained on the other repositories.
  const learnedFeatures = new Map<string, Map<string, RankingExample>>();
  const localizabilityContext = new Map<string, Omit<LocalizabilityInput, "ranked">>();
  const cache = options.cache ?? (await createDocumentCache());
  // Files are parsed in worker threads when the cache is our own (a caller's cache may parse differently).
  const pool = options.cache ? undefined : createDocumentPool();
  const outcomes: BugOutcome[] = [];
  const skipped: SkippedBug[] = [];
  let filesIndexed = 0;
  let done = 0;
  const total = options.bugs.length;

  // The workers must stop whatever happens in the loop: queued parse jobs would keep the process alive.
  try {
    for (const [repo, bugs] of groupBy(options.bugs, (b) => b.repo)) {
      const gitDir = await findGitDir(options.gitRoot, repo);
      if (!gitDir) {
        for (const b of bugs) {
          skipped.push({ id: b.id, reason: `repository ${repo} not found under ${options.gitRoot}` });
          options.onProgress?.(++done, total, b.id);
        }
        continue;
      }
      const reader = new BlobReader(gitDir);
      const lister = new TreeLister(reader);
      const dropped = new Set<string>();
      const prepare = (i: number) => prepareSnapshot(bugs[i]!.base_commit, lister, reader, cache, dropped, pool);
      let next: Promise<PreparedSnapshot | null> | undefined = prepare(0);
      try {
        for (const [i, bug] of bugs.entries()) {
          const current: Promise<PreparedSnapshot | null> = next!;
          // One-bug lookahead: the next bug's tree, blobs and parsing start once this bug's are under way, and
          // overlap with this bug's ranking.
          next = i + 1 < bugs.length ? current.then(() => prepare(i + 1)) : undefined;
          next?.catch(() => undefined); // awaited in its turn; this only keeps an abandoned lookahead quiet
          try {
            const snapshot = await current;
            if (!snapshot) {
              skipped.push({ id: bug.id, reason: `commit ${bug.base_commit} not found in ${repo}` });
              continue;
            }
            const { paths, docs } = await documentsAt(snapshot, cache);
            const index = new SourceIndex(paths, docs, cache);
            filesIndexed += paths.length;
            const gtFiles = bug.gt_files.filter((f) => index.pathToDoc.has(f));
            if (gtFiles.length === 0) {
              skipped.push({ id: bug.id, reason: "no ground-truth file in the search space" });
              continue;
            }
            // As in the pipeline: the localizers read the reporter's words, without the repository's template text.
            const issue: IssueText = { title: bug.title, body: withoutTemplateText(bug.body, snapshot.template), number: bug.issue_number, createdAt: bug.created_at };
            let history: History | undefined;
            try {
              history = historyWithoutTemplateText(options.history ? await options.history(bug, gitDir) : undefined, snapshot.template);
            } catch (err) {
              skipped.push({ id: bug.id, reason: `history unreadable: ${(err as Error).message.split("\n")[0]}` });
              continue;
            }
            const ranks: Record<string, (number | null)[]> = {};
            const topScores: Record<string, number[]> = {};
            const featuresByLocalizer = new Map<Localizer, RankingExample>();
            // Parsed once for every localizer and the localizability anchors, as the pipeline does.
            const parsed = parseIssue(issue.title, issue.body);
            localizers.forEach((l, i) => {
              if (isLearned(l)) {
                let example = featuresByLocalizer.get(l);
                if (!example) {
                  const features = l.featurize({ index, issue, history, parsed });
                  example = {
                    matrix: features.matrix,
                    docCount: features.docCount,
                    relevant: gtFiles.map((f) => index.pathToDoc.get(f)!),
                  };
                  featuresByLocalizer.set(l, example);
                }
                let perBug = learnedFeatures.get(ids[i]!);
                if (!perBug) learnedFeatures.set(ids[i]!, (perBug = new Map()));
                perBug.set(bug.id, example);
                return;
              }
              const { scores } = l.localize({ index, issue, history, parsed });
              ranks[ids[i]!] = gtFiles.map((f) => rankOfDoc(scores, index.pathToDoc.get(f)!));
              topScores[ids[i]!] = topTen(scores);
            });
            const context = options.localizabilityOf
              ? { classification: classifyIssue({ ...issue, body: bug.body }, undefined, { ownNames: classifierOwnNames(projectPackage(index.paths), bug.repo.split("/")[1]) }), ...issueAnchors(index, parsed) }
              : undefined;
            outcomes.push({
              id: bug.id,
              repo,
              bugType: bug.bug_type ?? null,
              extrinsic: bug.extrinsic ?? null,
              filesIndexed: paths.length,
              gtFiles,
              ranks,
              topScores,
            });
            if (context) localizabilityContext.set(bug.id, context);
          } finally {
            options.onProgress?.(++done, total, bug.id);
          }
        }
      } finally {
        await next?.catch(() => undefined); // a lookahead still reading blobs must not outlive its reader
        reader.close();
      }
      // Bugs are grouped by repository, so its documents are not needed again (the features are kept per bug); a
      // cache the caller passed in is the caller's to keep.
      if (!options.cache) cache.clear();
    }
  } finally {
    await pool?.close();
  }

  const bugsDone = performance.now();
  // Fold models train in worker threads where documents were built in them too (not under an injected cache).
  const notes = options.heldOutModel
    ? scoreHeldOut(outcomes, learnedFeatures, localizers, ids, options.heldOutModel)
    : await crossValidate(outcomes, learnedFeatures, localizers, ids, pool !== undefined);
  const foldsDone = performance.now();
  if (options.localizabilityOf) {
    const id = options.localizabilityOf;
    for (const o of outcomes) {
      const context = localizabilityContext.get(o.id);
      const top = o.topScores[id];
      if (!context || !top) continue;
      const input: LocalizabilityInput = { ...context, ranked: top.map((score) => ({ path: "", score, evidence: [] })) };
      const first = o.ranks[id]?.filter((r): r is number => r !== null).sort((a, b) => a - b)[0];
      o.localizability = {
        confidence: estimateLocalizability(input).confidence,
        features: localizabilityFeatures(input),
        top5Hit: first !== undefined && first <= 5,
      };
    }
  }

  return {
    notes,
    examples: learnedFeatures,
    outcomes,
    skipped,
    elapsedMs: performance.now() - started,
    phasesMs: { bugs: bugsDone - started, crossValidation: foldsDone - bugsDone },
    filesIndexed,
    localizers: Object.fromEntries(ids.map((id) => [id, summarize(outcomes, id)])),
  };
}

/**
 * Leave-one-repository-out: for each repository, a model trained on the bugs of all the others ranks its bugs.
 * With a single repository there is nothing to train on, and the learned columns are left empty.
 */
async function crossValidate(
  outcomes: BugOutcome[],
  learned: Map<string, Map<string, RankingExample>>,
  localizers: Localizer[],
  ids: string[],
  inWorkers: boolean,
): Promise<string[]> {
  const notes: string[] = [];
  const repos = [...new Set(outcomes.map((o) => o.repo))];
  // `default` is `learned` under another id: the same localizer, the same features, so the same folds. Trained once.
  const foldsOf = new Map<Localizer, Map<string, LinearModel>>();
  for (const [id, perBug] of learned) {
    const localizer = localizers[ids.indexOf(id)]!;
    if (!isLearned(localizer)) continue;
    if (repos.length < 2) {
      notes.push(`${id}: not scored; repository-grouped cross-validation needs bugs of at least two repositories`);
      continue;
    }
    let models = foldsOf.get(localizer);
    if (!models) {
      const examples = outcomes.map((o) => ({ repo: o.repo, example: perBug.get(o.id)! }));
      models = inWorkers ? await trainFoldModels(examples, repos) : trainFoldModelsHere(examples, repos);
      foldsOf.set(localizer, models);
    }
    for (const o of outcomes) rankWith(o, id, localizer, models.get(o.repo)!, perBug.get(o.id)!);
    notes.push(`${id}: leave-one-repository-out cross-validation over ${repos.length} repositories (a bug is never ranked by a model that saw its repository)`);
  }
  return notes;
}

/** Ranks every bug with one given model: the figures a user of that model would see on these repositories. */
function scoreHeldOut(
  outcomes: BugOutcome[],
  learned: Map<string, Map<string, RankingExample>>,
  localizers: Localizer[],
  ids: string[],
  heldOut: { model: LinearModel; name: string },
): string[] {
  const notes: string[] = [];
  for (const [id, perBug] of learned) {
    const localizer = localizers[ids.indexOf(id)]!;
    if (!isLearned(localizer)) continue;
    for (const o of outcomes) rankWith(o, id, localizer, heldOut.model, perBug.get(o.id)!);
    notes.push(`${id}: scored by ${heldOut.name}, held out (no repository of this run was in its training data)`);
  }
  return notes;
}

/** Records a learned localizer's ranking of one bug under the given model. */
function rankWith(o: BugOutcome, id: string, localizer: Localizer, model: LinearModel, ex: RankingExample): void {
  if (!isLearned(localizer)) return;
  const scores = localizer.scoreFeatures(model, ex.matrix, ex.docCount);
  o.ranks[id] = ex.relevant.map((d) => rankOfDoc(scores, d));
  o.topScores[id] = topTen(scores);
}

/** The ten best scores, best first. */
function topTen(scores: Float64Array): number[] {
  const top: number[] = [];
  for (const s of scores) {
    if (!(s > 0)) continue;
    if (top.length < 10) {
      top.push(s);
      top.sort((a, b) => b - a);
    } else if (s > top[9]!) {
      top[9] = s;
      top.sort((a, b) => b - a);
    }
  }
  return top;
}

export type { BugScore };
