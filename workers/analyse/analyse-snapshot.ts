/**
 * The CPU-heavy part of a triage: read the default branch's files at a commit and run the pipeline. Runs inside
 * the analysis thread (analysis-thread.ts) in production so the main thread stays free to renew job locks;
 * the same function runs inline in tests and in the single-process mode.
 */
import { runPipeline } from "../../src/pipeline/run-pipeline.js";
import type { DocumentCache } from "../../src/ir/source-index.js";
import type { ScopeOptions } from "../../src/ir/scope.js";
import { listTree } from "../../src/repo/git.js";
import { readGitSnapshot, selectEntries } from "../../src/repo/read-git-snapshot.js";
import type { History, IssueText, TriageResult } from "../../src/types.js";

export interface AnalysisRequest {
  gitDir: string;
  commit: string;
  /** Label for the snapshot in the result (owner/name), instead of a local path. */
  source: string;
  scope: ScopeOptions;
  /** More files in scope than this: the repository is over the size cap and is not analysed. */
  maxRepoFiles: number;
  issue: IssueText;
  history: History;
  top: number;
}

/** Thrown when the repository is over the size cap; permanent, retrying cannot help. */
export class RepositoryTooLargeError extends Error {
  constructor(readonly files: number, readonly cap: number) {
    super(`the repository has more than ${cap} files in scope (maxRepoFiles); it is not analysed`);
    this.name = "RepositoryTooLargeError";
  }
}

export async function analyseSnapshot(request: AnalysisRequest, documentCache?: DocumentCache): Promise<TriageResult> {
  // Counting the tree is cheap (no blob is read); do it before reading thousands of files.
  const counted = selectEntries(await listTree(request.gitDir, request.commit), { ...request.scope, maxFiles: request.maxRepoFiles + 1 });
  if (counted.selected.length > request.maxRepoFiles) throw new RepositoryTooLargeError(counted.selected.length, request.maxRepoFiles);
  const snapshot = await readGitSnapshot(request.gitDir, request.commit, { ...request.scope, maxFiles: request.maxRepoFiles });
  return runPipeline(
    {
      snapshot: { ...snapshot, source: request.source },
      issue: request.issue,
      history: request.history,
      top: request.top,
      ...(request.source.includes("/") ? { repositoryName: request.source.split("/").pop()! } : {}),
    },
    documentCache ? { documentCache } : {},
  );
}
