/** A JobQueue that records jobs and deduplicates by job id exactly like BullMQ does. */
import type { EnqueueResult, JobQueue } from "../../../src/queue/job-queue.js";
import { jobIdFor, parseTriageJob, type TriageJob } from "../../../src/queue/triage-job.js";

export class RecordingQueue implements JobQueue {
  readonly mode = "inline" as const;
  readonly jobs: TriageJob[] = [];
  readonly ids: string[] = [];

  async enqueue(job: TriageJob): Promise<EnqueueResult> {
    const data = parseTriageJob(job);
    const jobId = jobIdFor(data);
    if (this.ids.includes(jobId)) return { jobId, created: false };
    this.ids.push(jobId);
    this.jobs.push(data);
    return { jobId, created: true };
  }
  async depth() {
    return { waiting: this.jobs.length };
  }
  async healthy() {
    return true;
  }
  async close() {}
}
