/**
 * Runs one job of any kind: one job per repository at a time on this worker, one structured log line per
 * outcome, and permanent failures turned into BullMQ's UnrecoverableError so they are not retried.
 */
import { UnrecoverableError } from "bullmq";
import { describeError, isPermanent } from "../../src/github/classify-error.js";
import type { JobContext, JobOutcome, JobProcessor } from "../../src/queue/job-queue.js";
import { issueKey, type TriageJob } from "../../src/queue/triage-job.js";
import { resolveJobConfig } from "./job-config.js";
import { runHelp } from "./run-help.js";
import { runLabels } from "./run-labels.js";
import { runTriage } from "./run-triage.js";
import type { WorkerDeps } from "./worker-deps.js";

function route(job: TriageJob, context: JobContext, deps: WorkerDeps): Promise<JobOutcome> {
  switch (job.kind) {
    case "triage":
    case "feedback":
      return runTriage(job, context, deps);
    case "labels":
      return runLabels(job, context, deps);
    case "help":
      return runHelp(job, context, deps);
  }
}

export function createJobProcessor(deps: WorkerDeps): JobProcessor {
  return async (job, context) => {
    const log = context.log.child({
      jobId: context.jobId,
      deliveryId: job.trigger.deliveryId,
      repo: `${job.repository.owner}/${job.repository.name}`,
      issue: job.issue.number,
      attempt: context.attempt,
    });
    const jobContext = { ...context, log };
    return deps.repoLocks.run(`${job.repository.owner}/${job.repository.name}`, async () => {
      const start = performance.now();
      const durationMs = () => Math.round(performance.now() - start);
      try {
        // The webhook may have left the config to the worker (it could not read it in time).
        const resolved = await resolveJobConfig(job, () => deps.getOctokit(job.installationId));
        const outcome = resolved.skip ? { kind: job.kind, status: "skipped", detail: resolved.skip } : await route(resolved.job, jobContext, deps);
        deps.metrics?.jobFinished(job.kind, outcome.status);
        log.info({ step: "done", outcome: outcome.status, durationMs: durationMs(), detail: outcome.detail }, `${job.kind} ${issueKey(job)}: ${outcome.status}`);
        return outcome;
      } catch (error) {
        const permanent = isPermanent(error);
        const final = permanent || context.attempt >= context.maxAttempts;
        deps.metrics?.jobFinished(job.kind, final ? "failed" : "retried");
        // Only the description is logged: an Octokit error object carries the request, headers included.
        const fields = { step: "done", outcome: final ? "failed" : "retry", durationMs: durationMs(), error: describeError(error) };
        if (final) log.error(fields, `${job.kind} ${issueKey(job)} failed${permanent ? " permanently" : ""}`);
        else log.warn(fields, `${job.kind} ${issueKey(job)} failed; will retry`);
        if (permanent) throw new UnrecoverableError(describeError(error));
        throw error;
      }
    });
  };
}
