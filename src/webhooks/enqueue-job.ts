/**
 * The last step of every handler: enqueue the job and record the decision. A payload the job schema refuses (a
 * clone URL with credentials in it, an empty default branch...) is a malformed delivery like any other: one
 * warning naming the fields (never their values), answered 200, since a redelivery would carry the same payload.
 */
import { InvalidJobError, type TriageJob } from "../queue/triage-job.js";
import type { HandlerContext, WebhookDeps } from "./handler-deps.js";
import type { WebhookRepoConfig } from "./load-repo-config.js";
import { recordDecision } from "./record-decision.js";

export async function enqueueJob(
  deps: WebhookDeps,
  context: Pick<HandlerContext, "id" | "name" | "log">,
  base: { event: string; repo: string; issue: number; reason?: string },
  repoConfig: Pick<WebhookRepoConfig, "unread"> & { error?: string },
  job: TriageJob,
): Promise<void> {
  let result;
  try {
    // Throws when Redis is down: the webhook answers 500, and the delivery must then be redelivered.
    result = await deps.queue.enqueue(job);
  } catch (error) {
    if (!(error instanceof InvalidJobError)) throw error;
    const problem = error.issues.join("; ");
    deps.metrics?.webhookHandled(base.event, "malformed");
    context.log.warn({ deliveryId: context.id, event: base.event, repo: base.repo, issue: base.issue, problem }, `webhook ${base.event}: malformed payload, ignored (${problem})`);
    return;
  }
  if (repoConfig.unread) {
    context.log.warn(
      { deliveryId: context.id, ...base, jobId: result.jobId, error: repoConfig.error },
      `webhook ${base.event}: .github/mltriage.yml could not be read (${repoConfig.error}); enqueued anyway, the worker reads it`,
    );
  }
  const reason = result.replacedFailed ? [base.reason, "replaces a failed job"].filter(Boolean).join("; ") : base.reason;
  recordDecision(deps, context, { ...base, ...(reason ? { reason } : {}), decision: result.created ? "enqueued" : "duplicate", jobId: result.jobId });
}
