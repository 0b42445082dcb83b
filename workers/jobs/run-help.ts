/**
 * `/mltriage help`: one reply per asking comment. The reply carries a hidden marker naming that comment, so a
 * retried job finds its earlier reply instead of posting a second one (the create itself is never retried).
 */
import { renderHelpComment } from "../../src/render/commands.js";
import { escapeMarkdown } from "../../src/render/render-comment.js";
import { findCommentWithMarker, upsertComment } from "../../src/github/bot-comment.js";
import type { JobContext, JobOutcome } from "../../src/queue/job-queue.js";
import type { TriageJob } from "../../src/queue/triage-job.js";
import { withPublishLock } from "./issue-lock.js";
import { jobConfig } from "./job-config.js";
import type { WorkerDeps } from "./worker-deps.js";

export function helpMarker(commentId: number | undefined): string {
  return `<!-- mltriage:help reply-to=${commentId ?? "unknown"} -->`;
}

export async function runHelp(job: Extract<TriageJob, { kind: "help" }>, context: JobContext, deps: WorkerDeps): Promise<JobOutcome> {
  const config = jobConfig(job.config);
  const coordinates = { owner: job.repository.owner, repo: job.repository.name, issue_number: job.issue.number };
  const marker = helpMarker(job.trigger.commentId);
  // The reason quotes the comment, so it is escaped like anything else taken from an issue.
  const intro = job.reason ? `I did not understand that command: ${escapeMarkdown(job.reason)}.\n\n` : "";
  const body = `${intro}${renderHelpComment()}\n\n${marker}`;
  if (config.dryRun || deps.dryRun) {
    context.log.info({ step: "help", dryRun: true }, "dry run: help reply not posted");
    return { kind: job.kind, status: "dry-run" };
  }
  const octokit = await deps.getOctokit(job.installationId);
  return withPublishLock(deps, job, async () => {
    const existing = await findCommentWithMarker(octokit, coordinates, marker);
    const { action } = await upsertComment(octokit, coordinates, body, existing);
    return { kind: job.kind, status: action };
  });
}
