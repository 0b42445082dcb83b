/**
 * issue_comment.edited on the bot's own comment: a maintainer ticked (apply) or unticked (remove) a label
 * checkbox. Steps: 1. only our comment, edited by a human, 2. what changed, 3. permission, 4. config, 5. enqueue.
 */
import { isBotComment, parseLabelCheckboxes } from "../render/render-comment.js";
import type { HandlerContext, WebhookDeps } from "./handler-deps.js";
import { jobFieldsFrom, requireInstallation } from "./build-job.js";
import { canTriage } from "./check-permission.js";
import { diffCheckboxes } from "./diff-checkboxes.js";
import { loadRepoConfigForWebhook } from "./load-repo-config.js";
import { enqueueJob } from "./enqueue-job.js";
import { limitWebhookRequests } from "./request-budget.js";
import { isBotUser, type IssueCommentPayload } from "./payload.js";
import { recordDecision } from "./record-decision.js";
import { issueCommentPayloadSchema, rejectMalformed } from "./validate-payload.js";
import { skipBeforeConfig, skipByConfig } from "./skip-reason.js";

export function onCommentEdited(deps: WebhookDeps) {
  return async (context: HandlerContext): Promise<void> => {
    if (rejectMalformed(deps, context, issueCommentPayloadSchema)) return;
    const payload = context.payload as IssueCommentPayload;
    const event = "issue_comment.edited";
    const owner = payload.repository.owner.login;
    const repo = payload.repository.name;
    const base = { event, repo: `${owner}/${repo}`, issue: payload.issue.number };
    const skip = (reason: string) => recordDecision(deps, context, { ...base, decision: "skipped", reason });

    // 1. Only the bot's comment, edited by a human (the bot's own updates come back as edits too).
    if (!isBotUser(payload.comment.user) || !isBotComment(payload.comment.body)) return skip("not-our-comment");
    if (isBotUser(payload.sender)) return skip("edited-by-bot");
    requireInstallation(payload.installation);
    const early = skipBeforeConfig(payload.issue, payload.repository);
    if (early) return skip(early);

    // 2. Which boxes changed.
    const before = payload.changes?.body?.from;
    if (before === undefined) return skip("no-body-change");
    const previousCheckbox = parseLabelCheckboxes(before);
    const checkbox = parseLabelCheckboxes(payload.comment.body);
    const { add, remove } = diffCheckboxes(previousCheckbox, checkbox);
    if (add.length + remove.length === 0) return skip("no-checkbox-change");

    // 3. Only maintainers steer labels.
    limitWebhookRequests(context, deps.requestBudgetMs);
    const actor = payload.sender.login;
    if (!(await canTriage(context, { owner, repo, username: actor }))) return skip("no-permission");

    // 4. Config (opt-out still wins; when it could not be read, the worker reads it and applies the skips).
    const repoConfig = await loadRepoConfigForWebhook(context);
    const { config, problems } = repoConfig;
    if (!repoConfig.unread) {
      const byConfig = skipByConfig(payload.issue, config);
      if (byConfig) return skip(byConfig);
    }

    // 5. Enqueue.
    await enqueueJob(deps, context, { ...base, reason: "labels" }, repoConfig, {
      kind: "labels",
      ...jobFieldsFrom(context.id, payload, event, { config, problems, configUnread: repoConfig.unread, at: payload.comment.updated_at, commentId: payload.comment.id, actor }),
      checkbox,
      previousCheckbox,
    });
  };
}
