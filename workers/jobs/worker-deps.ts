/** Everything a job needs from the outside world, passed in so tests and both run modes share the code. */
import type { FeedbackStore } from "../../src/github/feedback-store.js";
import type { KeyedMutex } from "../../src/github/keyed-mutex.js";
import type { GitHubClient } from "../../src/github/octokit.js";
import type { Metrics } from "../../src/observability/metrics.js";
import type { AnalysisRunner } from "../analyse/analysis-runner.js";
import type { IssueLock } from "./issue-lock.js";

export interface WorkerDeps {
  /** An installation client through Probot's auth (the job carries only the installation id). */
  getOctokit(installationId: number): Promise<GitHubClient>;
  analysis: AnalysisRunner;
  feedback: FeedbackStore;
  repoLocks: KeyedMutex;
  /**
   * Held around finding and publishing the bot's comment, so two worker processes never both create one on the
   * same issue (a Redis lock when the queue is in Redis; absent in the in-process mode, which runs one job at a time).
   */
  publishLock?: IssueLock;
  cacheDir: string;
  gitTimeoutMs: number;
  maxReferencedIssues: number;
  maxRepoSizeMb: number;
  /** The only host the installation token is sent to when cloning (github.com, or GHE_HOST). */
  gitHost?: string;
  /**
   * Whether a job may clone a `file://` URL (from this machine's disk, without a token): the tests' local
   * repositories. Off in the app: a signed webhook naming a path on the worker's disk gets no comment on it.
   */
  allowLocalClones?: boolean;
  /** Process-wide dry run (MLTRIAGE_DRY_RUN), on top of each repository's `dryRun`. */
  dryRun: boolean;
  /** Commits read for history (newest first). */
  maxCommits?: number;
  metrics?: Metrics;
}
