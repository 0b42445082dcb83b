/**
 * issues.opened, issues.reopened and issues.edited (only when the title or body changed: a label or assignee
 * change is no reason to triage again). Steps: 1. skip what is not ours, 2. load the config, 3. enqueue.
 */
import type { HandlerContext, WebhookDeps } from "./handler-deps.js";
import { jobFieldsFrom, requireInstallation } from "./build-job.js";
import { loadRepoConfigForWebhook } from "./load-repo-config.js";
import { enqueueJob } from "./enqueue-job.js";
import { limitWebhookRequests } from "./request-budget.js";
import type { IssuesPayload } from "./payload.js";
import { recordDecision } from "./record-decision.js";
import { issuesPayloadSchema, rejectMalformed } from "./validate-payload.js";
import { skipBeforeConfig, skipByConfig, skipByTrigger } from "./skip-reason.js";

const TRIGGERS = { opened: "opened", reopened: "reopened", edited: "edited" } as const;

export function onIssueChanged(deps: WebhookDeps) {
  return async (context: HandlerContext): Promise<void> => {
    if (rejectMalformed(deps, context, issuesPayloadSchema)) return;
    const payload = context.payload as IssuesPayload;
    const event = `issues.${payload.action}`;
    const base = { event, repo: `${payload.repository.owner.login}/${payload.repository.name}`, issue: payload.issue.number };
    const skip = (reason: string) => recordDecision(deps, context, { ...base, decision: "skipped", reason });

    // 1. What is not ours.
    const trigger = TRIGGERS[payload.action as keyof typeof TRIGGERS];
    if (!trigger) return skip("action-not-handled");
    if (trigger === "edited" && !payload.changes?.title && !payload.changes?.body) return skip("no-text-change");
    requireInstallation(payload.installation);
    const early = skipBeforeConfig(payload.issue, payload.repository);
    if (early) return skip(early);

    // 2. The repository's config (when it could not be read, the worker reads it and applies these skips).
    limitWebhookRequests(context, deps.requestBudgetMs);
    const repoConfig = await loadRepoConfigForWebhook(context);
    const { config, problems } = repoConfig;
    if (!repoConfig.unread) {
      const byConfig = skipByConfig(payload.issue, config) ?? skipByTrigger(event, config);
      if (byConfig) return skip(byConfig);
    }

    // 3. Enqueue (throws when Redis is down: the webhook answers 500 and the delivery must be redelivered).
    await enqueueJob(deps, context, base, repoConfig, {
      kind: "triage",
      ...jobFieldsFrom(context.id, payload, event, { config, problems, configUnread: repoConfig.unread, at: payload.issue.updated_at, actor: payload.sender.login }),
    });
  };
}
