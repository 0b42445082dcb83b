/**
 * How long a failed job waits before its next attempt: exponential from 5 s, and never less than what GitHub asked
 * for. A secondary rate limit answers with `retry-after` (seconds or a date), an exhausted quota with
 * `x-ratelimit-reset`; retried on the plain exponential schedule, three of five attempts fell inside the penalty and
 * the job failed for good before the limit lifted.
 */

/** The job option's backoff type that selects this schedule (a worker's `settings.backoffStrategy`). */
export const RATE_AWARE_BACKOFF = "rate-aware";
export const RETRY_BASE_DELAY_MS = 5_000;
/** Longer waits than this are not honoured: the job fails on its remaining attempts instead of sleeping for hours. */
export const MAX_ASKED_WAIT_MS = 60 * 60_000;
/** A second's margin past the time GitHub names. */
const MARGIN_MS = 1_000;

interface MaybeResponseError {
  response?: { headers?: Record<string, string | number | undefined> };
}

/** The wait before the attempt after `attemptsMade` attempts (1 after the first failure). */
export function retryDelayMs(attemptsMade: number, error: unknown, now = Date.now()): number {
  const exponential = RETRY_BASE_DELAY_MS * 2 ** Math.max(0, attemptsMade - 1);
  return Math.max(exponential, askedWaitMs(error, now) ?? 0);
}

/** The wait a GitHub response asked for, when it asked. */
export function askedWaitMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as MaybeResponseError | undefined)?.response?.headers ?? {};
  const header = (name: string) => (headers[name] === undefined ? undefined : String(headers[name]).trim());
  let wait: number | undefined;
  const retryAfter = header("retry-after");
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    const date = Date.parse(retryAfter);
    if (retryAfter !== "" && Number.isFinite(seconds)) wait = seconds * 1000;
    else if (Number.isFinite(date)) wait = date - now;
  } else if (header("x-ratelimit-remaining") === "0") {
    const reset = Number(header("x-ratelimit-reset"));
    if (Number.isFinite(reset) && reset > 0) wait = reset * 1000 - now;
  }
  if (wait === undefined || wait < 0) return undefined;
  return Math.min(wait + MARGIN_MS, MAX_ASKED_WAIT_MS);
}
