/**
 * Transient or permanent? Transient failures (5xx, rate limits, network, git timeouts) are retried with
 * backoff; permanent ones (issue or repository gone, no permission, repository too large, bad job data) are
 * turned into BullMQ's UnrecoverableError so no attempt is wasted on them.
 */
export class PermanentJobError extends Error {
  constructor(message: string, readonly reason: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

interface MaybeRequestError {
  status?: number;
  message?: string;
  name?: string;
  response?: { headers?: Record<string, string | undefined> };
}

export function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentJobError) return true;
  const e = error as MaybeRequestError;
  if (e?.name === "InvalidJobError" || e?.name === "UnrecoverableError" || e?.name === "RepositoryTooLargeError") return true;
  if (typeof e?.status === "number") {
    if (e.status === 404 || e.status === 410 || e.status === 422 || e.status === 451) return true;
    if (e.status === 403) {
      // A secondary rate limit is a 403 too; it says so, or carries retry-after / an exhausted quota.
      const headers = e.response?.headers ?? {};
      const rateLimited = /rate limit/i.test(e.message ?? "") || headers["retry-after"] !== undefined || headers["x-ratelimit-remaining"] === "0";
      return !rateLimited;
    }
    return false; // 401 (token expired mid-job), 429, 5xx: try again.
  }
  // GitHub answers a clone of a missing or inaccessible repository with "Repository not found" (or a 403). A
  // branch or repository name refused before git runs (`--upload-pack=...` as the default branch) is refused
  // the same way on every attempt. Anything else from git (network, timeout, a lock left by a crash) may pass
  // on a later attempt.
  if (e?.name === "GitError") return /not found|does not exist|returned error: 403|invalid branch name|unsafe repository name/i.test(e.message ?? "");
  return false;
}

/** Short text for logs, never a stack or a request (which could hold headers). */
export function describeError(error: unknown): string {
  const e = error as MaybeRequestError;
  const status = typeof e?.status === "number" ? `${e.status} ` : "";
  return `${status}${e?.name ?? "Error"}: ${String(e?.message ?? error).split("\n")[0]?.slice(0, 300)}`;
}
