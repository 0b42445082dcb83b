/**
 * The repository's `.github/mltriage.yml`, through Probot's loader so `_extends` (an org-wide `.github`
 * repository) works. A file that cannot be parsed never fails the webhook: defaults apply and the problem is
 * carried in the job so the comment says so once.
 */
import { parseRepoConfig, type ConfigProblem, type RepoConfig } from "../config/repo-config.js";
import type { HandlerContext } from "./handler-deps.js";

export const REPO_CONFIG_FILE = "mltriage.yml";

export async function loadRepoConfig(context: Pick<HandlerContext, "config">): Promise<{ config: RepoConfig; problems: ConfigProblem[] }> {
  let raw: unknown;
  try {
    raw = await context.config<Record<string, unknown>>(REPO_CONFIG_FILE);
  } catch (error) {
    const status = (error as { status?: number }).status;
    // A server error is transient: let the webhook fail so the delivery is retried, not triaged with defaults.
    if (typeof status === "number" && status >= 500) throw error;
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

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? text).slice(0, 200);
}
