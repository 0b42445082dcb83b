/** Why an issue is left alone, or null when the bot may act on it. Order: cheapest and most common first. */
import type { RepoConfig } from "../config/repo-config.js";
import { isBotUser, labelNames, type PayloadIssue, type PayloadRepository } from "./payload.js";

export type SkipReason =
  | "pull-request"
  | "bot-author"
  | "locked"
  | "closed"
  | "archived"
  | "disabled-by-config"
  | "opt-out-label"
  | "trigger-off";

/** Checks that need no config: they run before the config is even fetched. */
export function skipBeforeConfig(issue: PayloadIssue, repository: PayloadRepository): SkipReason | null {
  if (issue.pull_request) return "pull-request";
  if (issue.locked) return "locked";
  if (issue.state !== "open") return "closed";
  if (repository.archived) return "archived";
  return null;
}

export function skipByConfig(issue: PayloadIssue, config: RepoConfig): SkipReason | null {
  if (!config.enabled) return "disabled-by-config";
  if (config.skipBots && isBotUser(issue.user)) return "bot-author";
  const optOut = config.optOutLabel.toLowerCase();
  if (labelNames(issue).some((name) => name.toLowerCase() === optOut)) return "opt-out-label";
  return null;
}

/** The `triggers` switch an event answers to; none for label checkboxes, which only maintainers tick. */
const TRIGGER_OF_EVENT: Record<string, keyof RepoConfig["triggers"]> = {
  "issues.opened": "opened",
  "issues.reopened": "reopened",
  "issues.edited": "edited",
  "issue_comment.created": "commands",
};

/** "trigger-off" when the config turned off the trigger of `event` (`issues.opened`, `issue_comment.created`...). */
export function skipByTrigger(event: string, config: RepoConfig): SkipReason | null {
  const trigger = TRIGGER_OF_EVENT[event];
  return trigger && !config.triggers[trigger] ? "trigger-off" : null;
}
