/**
 * Builds the worker's dependencies from the parsed environment, for the worker process and for the web
 * process's in-process mode alike.
 */
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { Probot } from "probot";
import type { AppEnv } from "../src/config/env.js";
import { FileFeedbackStore, RedisFeedbackStore } from "../src/github/feedback-store.js";
import { KeyedMutex } from "../src/github/keyed-mutex.js";
import type { GitHubClient } from "../src/github/octokit.js";
import type { Metrics } from "../src/observability/metrics.js";
import { createThreadRunner, type AnalysisRunner } from "./analyse/analysis-runner.js";
import { RedisIssueLock } from "./jobs/issue-lock.js";
import type { WorkerDeps } from "./jobs/worker-deps.js";

/**
 * A Probot used only for its GitHub auth: installation tokens, GitHub Enterprise's base URL, Probot's default
 * throttling (writes spaced per installation; a primary rate limit retried twice; a secondary one not retried,
 * so the job fails and BullMQ retries it later with backoff).
 */
export function createAuthProbot(env: AppEnv, log: Logger): Probot {
  return new Probot({ appId: env.appId, privateKey: env.privateKey, log, ...(env.githubBaseUrl ? { baseUrl: env.githubBaseUrl } : {}) });
}

export function createWorkerDeps(options: { env: AppEnv; probot: Probot; redis?: Redis; metrics: Metrics; analysis?: AnalysisRunner }): WorkerDeps {
  const { env, probot } = options;
  return {
    getOctokit: async (installationId) => (await probot.auth(installationId)) as unknown as GitHubClient,
    analysis: options.analysis ?? createThreadRunner(),
    feedback: options.redis ? new RedisFeedbackStore(options.redis) : new FileFeedbackStore(env.cacheDir),
    repoLocks: new KeyedMutex(),
    ...(options.redis ? { publishLock: new RedisIssueLock(options.redis, { prefix: `mltriage:${env.queueName}:publish-lock` }) } : {}),
    cacheDir: env.cacheDir,
    gitTimeoutMs: env.gitTimeoutMs,
    maxReferencedIssues: env.maxReferencedIssues,
    maxRepoSizeMb: env.maxRepoSizeMb,
    gitHost: env.githubBaseUrl ? new URL(env.githubBaseUrl).host : "github.com",
    dryRun: env.dryRun,
    metrics: options.metrics,
  };
}
