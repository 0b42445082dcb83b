/**
 * issue_comment.created: commands addressed to the bot. Steps: 1. skip what is not ours, 2. parse the command,
 * 3. load the config, 4. check who may run it, 5. enqueue.
 * `/mltriage help` (or anything unparsable after /mltriage) anyone may ask; `/mltriage rerun` the issue's author
 * or a maintainer; `/mltriage files` only a maintainer (triage permission or more), as it becomes history.
 */
import type { HandlerContext, WebhookDeps } from "./handler-deps.js";
import { jobFieldsFrom, requireInstallation } from "./build-job.js";
import { canTriage } from "./check-permission.js";
import { loadRepoConfigForWebhook } from "./load-repo-config.js";
import { enqueueJob } from "./enqueue-job.js";
import { limitWebhookRequests } from "./request-budget.js";
import { parseCommand } from "./parse-command.js";
import { isBotUser, type IssueCommentPayload } from "./payload.js";
import { recordDecision } from "./record-decision.js";
import { issueCommentPayloadSchema, rejectMalformed } from "./validate-payload.js";
import { skipBeforeConfig, skipByConfig, skipByTrigger } from "./skip-reason.js";

export function onCommentCreated(deps: WebhookDeps) {
  return async (context: HandlerContext): Promise<void> => {
    if (rejectMalformed(deps, context, issueCommentPayloadSchema)) return;
    const payload = context.payload as IssueCommentPayload;
    const event = "issue_comment.created";
    const owner = payload.repository.owner.login;
    const repo = payload.repository.name;
    const base = { event, repo: `${owner}/${repo}`, issue: payload.issue.number };
    const skip = (reason: string) => recordDecision(deps, context, { ...base, decision: "skipped", reason });

    // 1. What is not ours: bots (including this one) never command the bot.
    if (isBotUser(payload.comment.user) || isBotUser(payload.sender)) return skip("bot-comment");
    requireInstallation(payload.installation);
    const early = skipBeforeConfig(payload.issue, payload.repository);
    if (early) return skip(early);

    // 2. The command; most comments are conversation, decided without any API call.
    const command = parseCommand(payload.comment.body);
    if (!command) return skip("not-a-command");

    // 3. The repository's config (when it could not be read, the worker reads it and applies these skips), and who
    // may run the command, asked at once: both share the webhook's time budget, and a config read that used it all
    // (GitHub slow) would leave the permission check none, failing the delivery instead of leaving the config to
    // the worker.
    limitWebhookRequests(context, deps.requestBudgetMs);
    const actor = payload.comment.user?.login ?? payload.sender.login;
    const isAuthor = actor === payload.issue.user?.login;
    const mayRun = command.kind === "files" || (command.kind === "rerun" && !isAuthor) ? canTriage(context, { owner, repo, username: actor }) : Promise.resolve(true);
    mayRun.catch(() => undefined); // not awaited when the config skips the command
    const repoConfig = await loadRepoConfigForWebhook(context);
    const { config, problems } = repoConfig;
    if (!repoConfig.unread) {
      const byConfig = skipByConfig(payload.issue, config) ?? skipByTrigger(event, config);
      if (byConfig) return skip(byConfig);
    }

    // 4. Who may run it.
    if (!(await mayRun)) return skip("no-permission");

    // 5. Enqueue.
    const fields = jobFieldsFrom(context.id, payload, event, { config, problems, configUnread: repoConfig.unread, at: payload.comment.updated_at, commentId: payload.comment.id, actor });
    const job =
      command.kind === "rerun"
        ? ({ kind: "triage", ...fields } as const)
        : command.kind === "files"
          ? ({ kind: "feedback", ...fields, add: command.add, remove: command.remove } as const)
          : ({ kind: "help", ...fields, ...(command.kind === "invalid" ? { reason: command.reason } : {}) } as const);
    await enqueueJob(deps, context, { ...base, reason: command.kind }, repoConfig, job);
  };
}
