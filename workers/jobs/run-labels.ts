/**
 * A maintainer ticked or unticked label boxes in the bot's comment (their permission was checked by the
 * webhook handler). Steps: 1. the issue's labels now, 2. the label policy, 3. create, add, remove.
 */
import { labelsToApply } from "../../src/labels/plan-labels.js";
import { labelSpecs, sameLabel } from "../../src/labels/label-specs.js";
import { addLabels, ensureLabels, removeLabels } from "../../src/github/issue-labels.js";
import type { JobContext, JobOutcome } from "../../src/queue/job-queue.js";
import type { TriageJob } from "../../src/queue/triage-job.js";
import { jobConfig } from "./job-config.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function runLabels(job: Extract<TriageJob, { kind: "labels" }>, context: JobContext, deps: WorkerDeps): Promise<JobOutcome> {
  const { owner, name } = job.repository;
  const coordinates = { owner, repo: name, issue_number: job.issue.number };
  const config = jobConfig(job.config);
  const octokit = await deps.getOctokit(job.installationId);

  // 1. Labels on the issue now.
  const { data: issue } = await octokit.rest.issues.get(coordinates);
  const current = issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter(Boolean);

  // 2. Only boxes whose state changed, only labels the bot manages (labelsToApply knows which).
  const { add, remove } = labelsToApply({ suggested: [], config, current, removedByHuman: [], checkbox: job.checkbox, previousCheckbox: job.previousCheckbox });
  if (add.length + remove.length === 0) return { kind: job.kind, status: "unchanged" };
  if (config.dryRun || deps.dryRun) {
    context.log.info({ step: "labels", dryRun: true, add, remove }, "dry run: labels not changed");
    return { kind: job.kind, status: "dry-run" };
  }

  // 3. Create what is missing, then apply.
  await ensureLabels(octokit, { owner, repo: name }, labelSpecs(config).filter((spec) => add.some((a) => sameLabel(a, spec.name))));
  await addLabels(octokit, coordinates, add);
  await removeLabels(octokit, coordinates, remove);
  return { kind: job.kind, status: "labels-applied", detail: `+[${add.join(", ")}] -[${remove.join(", ")}]` };
}
