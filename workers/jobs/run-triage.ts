/**
 * A triage job (new, reopened or edited issue, `/mltriage rerun`, `/mltriage files`), as numbered steps:
 * 1. fresh issue from the API  2. record feedback  3. fetch the repository  4. history  5. analyse
 * 6. labels  7. render  8. publish (or log, in dry run).
 */
import { labelsToApply, planLabels } from "../../src/labels/plan-labels.js";
import { labelSpecs } from "../../src/labels/label-specs.js";
import { COMMENT_MARKER, renderComment } from "../../src/render/render-comment.js";
import { readCommitHistory } from "../../src/history/git-history.js";
import { findCommentWithMarker, upsertComment } from "../../src/github/bot-comment.js";
import { PermanentJobError } from "../../src/github/classify-error.js";
import { feedbackAsPastFixes, feedbackForIssue } from "../../src/github/feedback-store.js";
import { addLabels, ensureLabels, labelsRemovedByHumans } from "../../src/github/issue-labels.js";
import { installationToken } from "../../src/github/octokit.js";
import { pastFixesFromCommits } from "../../src/github/past-issues.js";
import { syncRepository } from "../../src/github/repo-cache.js";
import type { JobContext, JobOutcome } from "../../src/queue/job-queue.js";
import type { TriageJob } from "../../src/queue/triage-job.js";
import { applyIssueFeedback } from "./apply-feedback.js";
import { withPublishLock } from "./issue-lock.js";
import { jobConfig } from "./job-config.js";
import { stepTimer } from "./timed-step.js";
import type { WorkerDeps } from "./worker-deps.js";

type TriageLikeJob = Extract<TriageJob, { kind: "triage" | "feedback" }>;

const DEFAULT_MAX_COMMITS = 2_000;

/** The first `maxBytes` of a text, cut on a character boundary. */
function clip(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, "utf8");
  return bytes.length <= maxBytes ? text : bytes.subarray(0, maxBytes).toString("utf8").replace(/\uFFFD+$/, "");
}

export async function runTriage(job: TriageLikeJob, context: JobContext, deps: WorkerDeps): Promise<JobOutcome> {
  const { owner, name } = job.repository;
  const coordinates = { owner, repo: name, issue_number: job.issue.number };
  const step = stepTimer(context.log, deps.metrics);
  const config = jobConfig(job.config);
  const octokit = await deps.getOctokit(job.installationId);

  // 1. The issue as it is now (a 404 is permanent); it may have been closed, locked or opted out meanwhile.
  const { data: issue } = await step("fetch-issue", () => octokit.rest.issues.get(coordinates));
  const current = issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter(Boolean);
  if (issue.pull_request) return { kind: job.kind, status: "skipped", detail: "pull-request" };
  if (issue.locked || issue.state !== "open") return { kind: job.kind, status: "skipped", detail: issue.locked ? "locked" : "closed" };
  if (current.some((l) => l.toLowerCase() === config.optOutLabel.toLowerCase())) return { kind: job.kind, status: "skipped", detail: "opt-out-label" };
  const issueText = {
    number: job.issue.number,
    title: clip(issue.title, config.maxIssueBytes),
    body: clip(issue.body ?? "", config.maxIssueBytes),
    createdAt: issue.created_at,
    author: issue.user?.login ?? job.issue.author,
    url: issue.html_url,
  };

  // 2. A maintainer's file feedback is recorded before anything can fail, so a retry never loses it.
  const repoKey = `${owner}/${name}`;
  if (job.kind === "feedback") {
    await deps.feedback.record(repoKey, {
      issueNumber: job.issue.number,
      title: issueText.title,
      body: issueText.body,
      add: job.add,
      remove: job.remove,
      actor: job.trigger.actor ?? "unknown",
      at: job.trigger.at,
    });
  }

  // 3. The repository at its default branch (size cap first: never clone what will not be analysed).
  if (job.repository.sizeKb > deps.maxRepoSizeMb * 1024) {
    throw new PermanentJobError(`${repoKey} is ${Math.round(job.repository.sizeKb / 1024)} MiB, over the ${deps.maxRepoSizeMb} MiB cap`, "too-large");
  }
  const local = job.repository.cloneUrl.startsWith("file://");
  if (local && !deps.allowLocalClones) {
    throw new PermanentJobError(`${repoKey}: a file:// clone URL is not cloned by the app (only in tests)`, "local-clone");
  }
  // The token goes only to the GitHub the app is installed on: a job naming another host (a forged or
  // corrupted job in Redis) must not collect it.
  const gitHost = deps.gitHost ?? "github.com";
  if (!local && new URL(job.repository.cloneUrl).host !== gitHost) {
    throw new PermanentJobError(`${repoKey}: clone URL host ${new URL(job.repository.cloneUrl).host} is not ${gitHost}; the token is not sent there`, "foreign-host");
  }
  const token = local ? undefined : await installationToken(octokit);
  const { gitDir, commit } = await step("fetch-repo", () =>
    syncRepository({ cloneUrl: job.repository.cloneUrl, owner, name, branch: job.repository.defaultBranch, token, cacheDir: deps.cacheDir, timeoutMs: deps.gitTimeoutMs }),
  );

  // 4. History: commits, issues they fixed, and maintainers' feedback on other issues; all before this issue.
  const feedback = await deps.feedback.list(repoKey);
  const history = await step("history", async () => {
    const commits = await readCommitHistory(gitDir, commit, { maxCommits: deps.maxCommits ?? DEFAULT_MAX_COMMITS });
    const fromCommits = await pastFixesFromCommits({ octokit, owner, repo: name, cacheDir: deps.cacheDir }, commits, {
      max: deps.maxReferencedIssues,
      before: issueText.createdAt,
      exclude: job.issue.number,
    });
    const fromFeedback = feedbackAsPastFixes(feedback, { excludeIssue: job.issue.number, before: issueText.createdAt });
    return { commits, pastFixes: [...fromCommits.pastFixes, ...fromFeedback] };
  });

  // 5. Rank and classify (in the analysis thread), then this issue's own feedback on top.
  const analysed = await step("analyse", () =>
    deps.analysis.analyse({
      gitDir,
      commit,
      source: repoKey,
      scope: { include: config.scope.include, exclude: config.scope.exclude, maxFileBytes: config.maxFileBytes },
      maxRepoFiles: config.maxRepoFiles,
      issue: issueText,
      history,
      top: Math.max(config.topFiles, 10),
    }),
  );
  for (const [name, ms] of Object.entries(analysed.timings)) deps.metrics?.stepTimed(`pipeline.${name}`, ms);
  const result = applyIssueFeedback(analysed, feedbackForIssue(feedback, job.issue.number));

  // 6. Labels: suggested by the classification, applied only as the policy allows.
  const suggested = planLabels(result, config);
  const removedByHuman = suggested.length > 0 && config.autoApplyLabels ? await labelsRemovedByHumans(octokit, coordinates) : [];
  const { add } = labelsToApply({ suggested, config, current, removedByHuman });

  // 7-8 run under the issue's publish lock (one publisher per issue across worker processes).
  return withPublishLock(deps, job, async () => {
    // 7. The comment.
    const existing = await step("find-comment", () => findCommentWithMarker(octokit, coordinates, COMMENT_MARKER));
    const body = renderComment({
      result,
      config,
      repo: { owner, name, htmlUrl: job.repository.htmlUrl },
      suggestedLabels: suggested,
      appliedLabels: [...current, ...add],
      configProblems: job.configProblems,
    });

    // 8. Publish, or say what would have been published.
    if (config.dryRun || deps.dryRun) {
      context.log.info({ step: "publish", dryRun: true, labels: add, commentChars: body.length, update: Boolean(existing) }, "dry run: nothing written");
      return { kind: job.kind, status: "dry-run" };
    }
    const published = await step("publish", async () => {
      if (add.length > 0) {
        await ensureLabels(octokit, { owner, repo: name }, labelSpecs(config).filter((spec) => add.includes(spec.name)));
        await addLabels(octokit, coordinates, add);
      }
      return upsertComment(octokit, coordinates, body, existing);
    });
    return { kind: job.kind, status: published.action, detail: add.length ? `labels: ${add.join(", ")}` : undefined };
  });
}
