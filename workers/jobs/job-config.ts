/** The repository config a job carries, validated again on this side of Redis; or read here when the webhook could not. */
import { parseRepoConfig, repoConfigSchema, type RepoConfig } from "../../src/config/repo-config.js";
import type { GitHubClient } from "../../src/github/octokit.js";
import type { TriageJob } from "../../src/queue/triage-job.js";
import { loadRepoConfig, REPO_CONFIG_FILE } from "../../src/webhooks/load-repo-config.js";
import type { PayloadIssue } from "../../src/webhooks/payload.js";
import { skipByConfig, skipByTrigger } from "../../src/webhooks/skip-reason.js";

export function jobConfig(raw: Record<string, unknown>): RepoConfig {
  const strict = repoConfigSchema.safeParse(raw);
  // The producer sent a config with defaults applied, so this is the normal path; anything else is repaired
  // field by field (its problems were already reported by the producer).
  return strict.success ? strict.data : parseRepoConfig(raw).config;
}

/**
 * `.github/mltriage.yml` as Probot's `context.config` reads it (with `_extends`), through the worker's client: the
 * files deep-merged as Probot merges them (deepmerge's defaults), not `config.get`'s own shallow merge, under which
 * a repository's `triggers: {edited: false}` would drop its organisation's `triggers: {opened: false}`.
 */
async function readConfigFile(octokit: GitHubClient, owner: string, repo: string): Promise<Record<string, unknown> | null> {
  const { config, files } = await octokit.config.get({
    owner,
    repo,
    path: `.github/${REPO_CONFIG_FILE}`,
    defaults: (configs: object[]) => configs.reduce<Record<string, unknown>>((merged, next) => deepMerge(merged, next as Record<string, unknown>), {}),
  });
  return files.some((file) => file.config !== null) ? (config as Record<string, unknown>) : null;
}

/** deepmerge's default merge, which Probot's `context.config` uses: objects merged key by key, arrays concatenated. */
function deepMerge(target: unknown, source: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
    const prior = out[key];
    if (Array.isArray(prior) && Array.isArray(value)) out[key] = [...prior, ...value];
    else if (isPlainObject(prior) && isPlainObject(value)) out[key] = deepMerge(prior, value);
    else out[key] = value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * For a job whose webhook could not read the config (`configUnread`): reads it now (a transient failure throws,
 * so the job is retried with backoff) and applies the skips the webhook left out (enabled, skipBots, the opt-out
 * label, the event's trigger) to the issue as it is now. Returns the job with the config it should run with, or
 * why it is skipped. Any other job is returned as it is.
 */
export async function resolveJobConfig(job: TriageJob, octokit: () => Promise<GitHubClient>): Promise<{ job: TriageJob; skip?: string }> {
  if (!job.configUnread) return { job };
  const client = await octokit();
  const { owner, name } = job.repository;
  const { config, problems } = await loadRepoConfig({ config: async () => (await readConfigFile(client, owner, name)) as never });
  const { data: issue } = await client.rest.issues.get({ owner, repo: name, issue_number: job.issue.number });
  const skip = skipByConfig(issue as unknown as PayloadIssue, config) ?? skipByTrigger(job.trigger.event, config);
  const { configUnread: _read, ...rest } = job;
  return { job: { ...rest, config: config as unknown as Record<string, unknown>, configProblems: problems } as TriageJob, ...(skip ? { skip } : {}) };
}
