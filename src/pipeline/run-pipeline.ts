import { topFiles } from "../ir/rank.js";
import { anchorTracebackLines } from "./anchor-lines.js";
import { getLocalizer, DEFAULT_LOCALIZER_ID, LOCALIZERS } from "../ir/localizers/registry.js";
import { createDocumentCache } from "../ir/create-document-cache.js";
import { type DocumentCache, SourceIndex } from "../ir/source-index.js";
import type { DocumentPool } from "../ir/parallel/document-pool.js";
import { classifyIssue, estimateLocalizability } from "../classify/index.js";
import { reportSaysLittle } from "../classify/bare-report.js";
import { indexRepoPaths, parseIssue } from "../issue/index.js";
import { removeHtmlComments } from "../issue/text.js";
import { classifierOwnNames, projectPackage, withProjectVersionQuestion } from "./project-package.js";
import { errorRaisedInLibrary, errorRaisedInProject } from "./raised-in-project.js";
import { proposedFixInProject } from "./proposed-fix.js";
import { findQuotedLines, withQuotedLineEvidence } from "./quoted-lines.js";
import { repositoryPackages } from "../ir/signals/foreign-names.js";
import { historyWithoutTemplateText, templateSentences, withoutTemplateText } from "../issue/issue-template.js";
import type { History, IssueText, LocalizerRanking, RepoSnapshot, TriageResult } from "../types.js";
import { issueAnchors } from "./localizability-input.js";
import { repositoryFramework, withFrameworkNamed } from "./repository-framework.js";
import { MLTRIAGE_VERSION } from "../version.js";

export interface PipelineDeps {
  /** Milliseconds; defaults to performance.now. */
  clock?: () => number;
  /** Called after each step, for logs and metrics. */
  onStep?: (step: string, durationMs: number) => void;
  /** Parsed documents reused across runs (by blob SHA); a fresh one per run when absent. */
  documentCache?: DocumentCache;
  /**
   * Worker threads that parse the snapshot's files beside this thread (the pool goes with a cache from
   * createDocumentCache); without one, every file is parsed on this thread. The caller closes it.
   */
  documentPool?: DocumentPool;
}

export interface PipelineInput {
  snapshot: RepoSnapshot;
  issue: IssueText;
  history?: History;
  /** How many ranked files to keep (default 10). */
  top?: number;
  /** Localizers to run beside the default, by id; "all" runs every registered one. */
  localizers?: string[];
  /** The repository's name (`opencv` of opencv/opencv), when known: one of the project's own names. */
  repositoryName?: string;
}

/**
 * The one pipeline that the CLI, the worker and the tests run: index the snapshot, rank its files for the
 * issue, and return a plain result. It reads no environment, queue or GitHub client: everything comes in
 * through `input` and `deps`.
 */
export async function runPipeline(input: PipelineInput, deps: PipelineDeps = {}): Promise<TriageResult> {
  const clock = deps.clock ?? (() => performance.now());
  const timings: Record<string, number> = {};
  const finish = (name: string, start: number): void => {
    timings[name] = Math.round((clock() - start) * 100) / 100;
    deps.onStep?.(name, timings[name]!);
  };
  const step = <T>(name: string, fn: () => T): T => {
    const start = clock();
    const value = fn();
    finish(name, start);
    return value;
  };

  const top = input.top ?? 10;
  // Issue templates leave HTML comments ("<!-- describe the bug -->") that are not the reporter's words.
  const issue: IssueText = { ...input.issue, body: removeHtmlComments(input.issue.body) };
  // The localizers read the reporter's words only: the repository's issue-template text is in every issue and
  // matches the same files for all of them. (Without the pasted environment too, they ranked worse: README.) The
  // classifier reads what it was trained on, template included.
  const template = templateSentences(input.snapshot.issueTemplates ?? []);
  const reported: IssueText = { ...issue, body: withoutTemplateText(issue.body, template) };
  const history = historyWithoutTemplateText(input.history, template);
  const cache = deps.documentCache ?? (await createDocumentCache());
  const indexStart = clock();
  const index = deps.documentPool
    ? await SourceIndex.buildAsync(input.snapshot.files, cache, deps.documentPool)
    : SourceIndex.build(input.snapshot.files, cache);
  finish("index", indexStart);

  const ids = new Set<string>([DEFAULT_LOCALIZER_ID]);
  for (const id of input.localizers ?? []) {
    if (id === "all") for (const known of LOCALIZERS.keys()) ids.add(known);
    else ids.add(getLocalizer(id).id);
  }
  const byLocalizer: Record<string, LocalizerRanking> = {};
  const { parsed, anchors } = step("parse", () => {
    const parsed = parseIssue(reported.title, reported.body);
    return { parsed, anchors: issueAnchors(index, parsed) };
  });
  const quoted = findQuotedLines(input.snapshot.files, parsed.quotedLines);
  // A reporter who proposes the change to the repository's line has found the bug: nothing is asked of them.
  const proposedFix = proposedFixInProject(reported.body, quoted);
  step("localize", () => {
    for (const id of ids) {
      const localizer = getLocalizer(id);
      const output = localizer.localize({ index, issue: reported, history, parsed });
      const ranked = withQuotedLineEvidence(anchorTracebackLines(topFiles(index, output, top), input.snapshot.files), quoted, proposedFix);
      byLocalizer[id] = { localizer: id, version: localizer.version, ranked };
    }
  });
  const shown = byLocalizer[DEFAULT_LOCALIZER_ID]!;
  // The classifier reads the issue as it was trained (template included); whether the report says little is
  // judged on the reporter's own words, as for the files.
  const pkg = projectPackage(index.paths);
  const classified = step("classify", () =>
    classifyIssue(issue, undefined, { reportSaysLittle: reportSaysLittle(anchors), reportersWords: reported, ownNames: classifierOwnNames(pkg, input.repositoryName) }),
  );
  const framework = repositoryFramework(index);
  const named = withFrameworkNamed(withProjectVersionQuestion(classified, pkg, `${issue.title}\n${issue.body}`), framework, `${reported.title}\n${reported.body}`);
  const packages = repositoryPackages(index.paths);
  const snapshotPaths = indexRepoPaths(input.snapshot.files.map((f) => f.path));
  const raisedInProject = errorRaisedInProject(parsed, input.snapshot.files, packages, snapshotPaths);
  const raisedInLibrary = raisedInProject ? undefined : errorRaisedInLibrary(parsed, input.snapshot.files, packages, snapshotPaths);
  const withRaised = raisedInProject ? { ...named, raisedInProject } : raisedInLibrary ? { ...named, raisedInLibrary } : named;
  const classification = proposedFix ? { ...withRaised, proposedFix, missingFacts: [], missingDetails: [] } : withRaised;
  const localizability = step("localizability", () => estimateLocalizability({ classification, ranked: shown.ranked, ...anchors }));

  return {
    tool: { name: "mltriage", version: MLTRIAGE_VERSION },
    repository: { source: input.snapshot.source, commit: input.snapshot.commit, ...(framework ? { framework } : {}) },
    issue: { title: input.issue.title, ...(input.issue.number !== undefined ? { number: input.issue.number } : {}) },
    filesIndexed: index.size,
    filesSkipped: input.snapshot.skipped.length,
    localization: { localizer: shown.localizer, version: shown.version, ranked: shown.ranked, byLocalizer },
    classification,
    localizability,
    timings,
  };
}
