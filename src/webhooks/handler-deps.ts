/** What every webhook handler receives besides the event: the queue and, optionally, metrics. */
import type { JobQueue } from "../queue/job-queue.js";
import type { Metrics } from "../observability/metrics.js";

export interface WebhookDeps {
  queue: JobQueue;
  metrics?: Metrics;
  /** The time budget of a delivery's GitHub requests (request-budget.ts); tests shorten it. */
  requestBudgetMs?: number;
}

/** The slice of Probot's Context the handlers use; a narrow type keeps them testable and readable. */
export interface HandlerContext {
  id: string;
  name: string;
  payload: unknown;
  log: import("pino").Logger;
  octokit: {
    rest: {
      repos: {
        getCollaboratorPermissionLevel(params: { owner: string; repo: string; username: string }): Promise<{
          data: { permission: string; role_name?: string };
        }>;
      };
    };
  };
  config<T>(fileName: string): Promise<T | null>;
}
