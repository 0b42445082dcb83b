/**
 * The webhook's own GitHub requests (the config file, a permission check) run without client retries and within
 * a time budget. GitHub waits 10 s for the answer to a delivery; Probot answers 202 "still processing" after 9 s,
 * and whatever the handler does after that is invisible: an error is only logged, and GitHub never redelivers
 * by itself. Octokit's retries of one failing request (1 + 4 + 9 s) run past that. Without them a failure is
 * known in time: a config that could not be read is left to the worker (load-repo-config.ts), and any other
 * failure answers the delivery with a 500, which the maintainer sees in the app's Recent Deliveries.
 */
import { beforeDeadline } from "../before-deadline.js";
import type { HandlerContext } from "./handler-deps.js";

/** All of one delivery's GitHub requests must be done this long after the handler starts. */
export const WEBHOOK_REQUEST_BUDGET_MS = 6_000;

interface RequestOptions {
  request?: { retries?: number; signal?: AbortSignal };
}

/** Each client's current deadline. Probot gives every delivery its own client; the map keeps a shared one right. */
const deadlines = new WeakMap<object, AbortSignal>();

/** Call at the start of a handler, before its first GitHub request. */
export function limitWebhookRequests(context: Pick<HandlerContext, "octokit">, budgetMs = WEBHOOK_REQUEST_BUDGET_MS): void {
  const octokit = context.octokit as unknown as { hook?: { before(name: string, hook: (options: RequestOptions) => void): void } };
  if (typeof octokit?.hook?.before !== "function") return;
  const installed = deadlines.has(octokit);
  deadlines.set(octokit, AbortSignal.timeout(budgetMs));
  if (installed) return;
  octokit.hook.before("request", (options) => {
    options.request = { ...options.request, retries: 0, signal: options.request?.signal ?? deadlines.get(octokit) };
  });
  // Probot's throttling plugin waits out a primary rate limit (until its reset, up to an hour) whatever the signal
  // says, as no request is in flight while it waits: the handler then held the delivery until the reset. Past the
  // deadline the request fails here instead, and the config is left to the worker like any other failed read.
  const wrappable = octokit.hook as unknown as { wrap?(name: string, hook: (request: (options: unknown) => Promise<unknown>, options: unknown) => Promise<unknown>): void };
  wrappable.wrap?.("request", (request, options) => {
    const deadline = deadlines.get(octokit);
    return deadline ? beforeDeadline(request(options), deadline, budgetSpent) : request(options);
  });
}

function budgetSpent(): Error {
  return Object.assign(new Error(`the webhook's GitHub requests took longer than their budget`), { name: "TimeoutError" });
}
