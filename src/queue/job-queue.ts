/** What the webhook layer needs from a queue, whatever carries the jobs (Redis or this process). */
import type { Logger } from "pino";
import type { TriageJob, TriageJobKind } from "./triage-job.js";

export interface EnqueueResult {
  jobId: string;
  /** False when a job with this id already existed and was kept (a redelivered webhook). */
  created: boolean;
  /** The id belonged to a job that had failed for good; it was replaced by this one (`created` is true). */
  replacedFailed?: boolean;
}

export interface JobQueue {
  readonly mode: "redis" | "inline";
  enqueue(job: TriageJob): Promise<EnqueueResult>;
  /** Jobs by state (waiting, active, delayed, failed...), for the metrics endpoint. */
  depth(): Promise<Record<string, number>>;
  /** True when the queue can take jobs (Redis answers PING). */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** What the worker is told about the run of one job, besides the job itself. */
export interface JobContext {
  jobId: string;
  /** 1-based. */
  attempt: number;
  maxAttempts: number;
  log: Logger;
}

export interface JobOutcome {
  kind: TriageJobKind;
  /** Short machine-readable result: published, updated, dry-run, skipped, labels-applied... */
  status: string;
  detail?: string;
}

/** Runs one job. Throws to retry; throws bullmq's UnrecoverableError for a permanent failure. */
export type JobProcessor = (job: TriageJob, context: JobContext) => Promise<JobOutcome>;

/** A permanent failure: retrying cannot help (BullMQ's UnrecoverableError or anything named like it). */
export function isPermanentError(error: unknown): boolean {
  return error instanceof Error && error.name === "UnrecoverableError";
}
