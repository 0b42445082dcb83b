/**
 * The Probot app: it only routes events to small handlers in src/webhooks/, which validate and enqueue.
 * Everything slow (git, indexing, ranking, publishing) happens in the worker.
 */
import type { ApplicationFunction } from "probot";
import type { HandlerContext, WebhookDeps } from "./webhooks/handler-deps.js";
import { onCommentCreated } from "./webhooks/on-comment-created.js";
import { onCommentEdited } from "./webhooks/on-comment-edited.js";
import { onIssueChanged } from "./webhooks/on-issue-changed.js";

/** The events the app subscribes to; app.yml lists exactly these (checked by a test). */
export const HANDLED_EVENTS = ["issues.opened", "issues.reopened", "issues.edited", "issue_comment.created", "issue_comment.edited"] as const;

export function createApp(deps: WebhookDeps): ApplicationFunction {
  return (app) => {
    // Probot's Context satisfies HandlerContext; the cast only narrows its very wide payload union.
    const route = (handler: (context: HandlerContext) => Promise<void>) => (context: unknown) => handler(context as HandlerContext);
    app.on(["issues.opened", "issues.reopened", "issues.edited"], route(onIssueChanged(deps)));
    app.on("issue_comment.created", route(onCommentCreated(deps)));
    app.on("issue_comment.edited", route(onCommentEdited(deps)));
  };
}
