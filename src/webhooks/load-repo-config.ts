/**
 * The repository's `.github/mltriage.yml`, through Probot's loader so `_extends` (an org-wide `.github`
 * repository) works. A file that cannot be parsed never fails the webhook: defaults apply and the problem is
 * carried in the job so the comment says so once.
 *
 * A file that could not be *read* (GitHub 5xx, a rate limit, a network error or the webhook's time budget) is
 * another matter. The webhook reads the config first because most of its decisions depend on it (`enabled`,
 * `triggers`, the opt-out label, `skipBots`): a repository that turned the bot off gets no job at all. But the
 * webhook has under 10 s before GitHub gives up on the delivery (GitHub then records a 202 "still processing",
 * and an error after it is lost: GitHub never redelivers on its own). Octokit's retries alone take 1 + 4 + 9 s.
 * So the webhook reads the config once, without client retries (see limitWebhookRequests), and when that read
 * fails it still enqueues the job, marked `configUnread`: the worker reads the config again with the client's
 * retries and the job's backoff, and applies the config's skips itself. The issue is not lost, and a repository
 * whose config says no is still left alone.
 */
import { parseRepoConfig, type ConfigProblem, type RepoConfig } from "../config/repo-config.js";
import { isPermanent } from "../github/classify-error.js";
import type { HandlerContext } from "./handler-deps.js";

export const REPO_CONFIG_FILE = "mltriage.yml";

/** Probot's config plugin names itself in the errors it throws for a file it read but could not use. */
const CONFIG_PLUGIN_ERROR = /^\[@probot\/octokit-plugin-config\]/;

/**
 * Whether reading the config failed for a reason a later attempt may not have: a server error, a rate limit, a
 * network error or a timeout. A file GitHub served but that is not valid YAML, and a permanent refusal (403
 * without a rate limit), are not transient: they are reported in the comment and the defaults are used.
 */
export function isTransientConfigError(error: unknown): boolean {
  const e = error as { status?: unknown; message?: unknown };
  if (typeof e?.status === "number") return !isPermanent(error);
  return !CONFIG_PLUGIN_ERROR.test(String(e?.message ?? ""));
}

/** Reads and validates the config; throws when the file could not be read for a transient reason. */
export async function loadRepoConfig(context: Pick<HandlerContext, "config">): Promise<{ config: RepoConfig; problems: ConfigProblem[] }> {
  let raw: unknown;
  try {
    raw = await context.config<Record<string, unknown>>(REPO_CONFIG_FILE);
  } catch (error) {
    if (isTransientConfigError(error)) throw error;
    const status = (error as { status?: number }).status;
    const { config } = parseRepoConfig(null);
    // Probot's loader wraps the YAML parser's error (which names the line and column) in its own, URL and all.
    const cause = (error as { cause?: unknown }).cause;
    const detail = firstLine(cause instanceof Error ? cause.message : String((error as Error).message));
    const reason = /yaml/i.test(String((error as Error).message))
      ? `.github/${REPO_CONFIG_FILE} is not valid YAML: ${detail}`
      : `.github/${REPO_CONFIG_FILE} could not be read (${status ?? (error as Error).name})`;
    return { config, problems: [{ path: "(file)", message: reason }] };
  }
  return parseRepoConfig(raw);
}

/** What the webhook knows of the config: read, or (`unread`) to be read by the worker. */
export type WebhookRepoConfig =
  | { unread: false; config: RepoConfig; problems: ConfigProblem[] }
  | { unread: true; config: RepoConfig; problems: ConfigProblem[]; error: string };

/** {@link loadRepoConfig} for a webhook handler: a transient failure becomes `unread` instead of an error. */
export async function loadRepoConfigForWebhook(context: Pick<HandlerContext, "config">): Promise<WebhookRepoConfig> {
  try {
    return { unread: false, ...(await loadRepoConfig(context)) };
  } catch (error) {
    const e = error as { status?: number; name?: string; message?: string };
    const description = `${typeof e?.status === "number" ? `${e.status} ` : ""}${e?.name ?? "Error"}: ${String(e?.message ?? error).split("\n")[0]?.slice(0, 200)}`;
    return { unread: true, config: parseRepoConfig(null).config, problems: [], error: description };
  }
}

function firstLine(text: string): string {
  // The YAML parser's first line ends with ':' before the excerpt it prints on the next lines.
  return (text.split("\n")[0] ?? text).slice(0, 200).replace(/:\s*$/, "");
}
