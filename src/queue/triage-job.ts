/**
 * The one thing that crosses Redis: a `TriageJob`. Plain JSON, validated by the producer before it is added and
 * by the worker before it is used. It never holds a token (objects are strict: an extra key is an error), only
 * the installation id the worker authenticates with.
 */
import { RATE_AWARE_BACKOFF, RETRY_BASE_DELAY_MS } from "./retry-delay.js";
import { createHash } from "node:crypto";
import { z } from "zod";

const repositoryRefSchema = z.strictObject({
  owner: z.string().min(1),
  name: z.string().min(1),
  /** From the webhook payload, so GitHub Enterprise works; never contains credentials (checked below). */
  cloneUrl: z
    .string()
    .regex(/^(https?|file):\/\//, "must be an http(s) or file URL")
    .refine((url) => !/^[a-z]+:\/\/[^/]*@/i.test(url), "must not contain credentials"),
  defaultBranch: z.string().min(1),
  /** Web address (GitHub Enterprise has its own host); file links in the comment start with it. */
  htmlUrl: z.string().regex(/^https?:\/\/\S+$/, "must be an http(s) URL"),
  /** Repository size in KiB as GitHub reports it. */
  sizeKb: z.number().int().nonnegative(),
});

const issueRefSchema = z.strictObject({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  url: z.string(),
});

/** Why the config file is not used as written; carried so the comment can say so (once). */
const configProblemSchema = z.object({ path: z.string(), message: z.string() });

/** What set the job off: the webhook's delivery id and, for comment commands, the comment. */
const triggerSchema = z.strictObject({
  deliveryId: z.string().min(1),
  event: z.string().min(1),
  commentId: z.number().int().positive().optional(),
  actor: z.string().optional(),
  /** ISO time of the triggering change (issue or comment updated_at); part of the job id. */
  at: z.string().min(1),
});

const common = {
  installationId: z.number().int().positive(),
  repository: repositoryRefSchema,
  issue: issueRefSchema,
  trigger: triggerSchema,
  /** The repository config after defaults (validated again by the worker with the config schema). */
  config: z.record(z.string(), z.unknown()),
  configProblems: z.array(configProblemSchema),
  /**
   * The webhook could not read the config file (GitHub 5xx, a rate limit, its time budget): `config` holds the
   * defaults and the worker reads the file itself, then applies the config's skips (enabled, triggers...).
   */
  configUnread: z.literal(true).optional(),
};

const checkboxList = z.array(z.strictObject({ label: z.string().min(1).max(200), checked: z.boolean() })).max(50);

const pathList = z.array(z.string().min(1).max(1000)).max(100);

export const triageJobSchema = z.discriminatedUnion("kind", [
  /** Rank, classify, comment and label. */
  z.strictObject({ kind: z.literal("triage"), ...common }),
  /** A maintainer's `/mltriage files +a -b`: record it as history, then triage again. */
  z.strictObject({ kind: z.literal("feedback"), ...common, add: pathList, remove: pathList }),
  /**
   * A maintainer ticked or unticked label checkboxes in the bot's comment (permission already checked). Both
   * states travel so the worker applies only what changed, through the one label policy (labelsToApply).
   */
  z.strictObject({ kind: z.literal("labels"), ...common, checkbox: checkboxList, previousCheckbox: checkboxList }),
  /** `/mltriage help`, or a command not understood (`reason` says what was wrong): reply with the commands. */
  z.strictObject({ kind: z.literal("help"), ...common, reason: z.string().max(300).optional() }),
]);

export type TriageJob = z.infer<typeof triageJobSchema>;
export type TriageJobKind = TriageJob["kind"];
export type RepositoryRef = TriageJob["repository"];
export type IssueRef = TriageJob["issue"];
export type JobTrigger = TriageJob["trigger"];

export class InvalidJobError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid triage job: ${issues.join("; ")}`);
    this.name = "InvalidJobError";
  }
}

/** Validates job data; throws InvalidJobError naming each bad field (never echoing values). */
export function parseTriageJob(data: unknown): TriageJob {
  const parsed = triageJobSchema.safeParse(data);
  if (!parsed.success) {
    throw new InvalidJobError(parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
  }
  return parsed.data;
}

/** `owner/repo#12`, the human name of the issue in logs. */
export function issueKey(job: Pick<TriageJob, "repository" | "issue">): string {
  return `${job.repository.owner}/${job.repository.name}#${job.issue.number}`;
}

/**
 * Deterministic job id: a redelivered webhook maps to the same id (BullMQ then keeps one job), while an edit, a
 * reopen or a new command maps to a new one. Shape: `owner/repo#12-triage-<12 hex>`; never contains ':' and is
 * never all digits, as BullMQ requires.
 */
export function jobIdFor(job: TriageJob): string {
  const identity = [job.kind, job.trigger.event, job.trigger.at, job.trigger.commentId ?? "", job.issue.title, job.issue.body];
  if (job.kind === "feedback") identity.push(JSON.stringify([job.add, job.remove]));
  if (job.kind === "labels") identity.push(JSON.stringify([job.checkbox, job.previousCheckbox]));
  const digest = createHash("sha256").update(JSON.stringify(identity)).digest("hex").slice(0, 12);
  return `${issueKey(job)}-${job.kind}-${digest}`.replace(/:/g, "_");
}

/** Retry policy lives next to the job type. */
export const TRIAGE_JOB_OPTIONS = {
  attempts: 5,
  // Exponential from 5 s, and never sooner than a rate limit's retry-after or reset (queue/retry-delay.ts).
  backoff: { type: RATE_AWARE_BACKOFF, delay: RETRY_BASE_DELAY_MS },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 5_000 },
};
