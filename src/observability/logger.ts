/**
 * One pino root logger for the whole process, handed to Probot too, so every line has the same shape.
 * Fixed keys for job lines: deliveryId, jobId, repo, issue, attempt, step, durationMs.
 */
import { pino, type Logger } from "pino";

export type { Logger } from "pino";

/** The keys every structured job line uses; kept here so the names never drift between files. */
export interface LogFields {
  deliveryId?: string;
  jobId?: string;
  repo?: string;
  issue?: number;
  attempt?: number;
  step?: string;
  durationMs?: number;
  outcome?: string;
}

/** Anything that could carry a credential is censored, even if someone logs a whole request by mistake. */
export const REDACTED_PATHS = [
  "token",
  "*.token",
  "privateKey",
  "*.privateKey",
  "authorization",
  "headers.authorization",
  "*.headers.authorization",
  "request.headers.authorization",
  "req.headers.authorization",
  "err.request.headers.authorization",
  // A webhook that fails (a bad signature, a handler's error) is logged by @octokit/webhooks and Probot with the
  // delivery attached: its whole payload, tens of KB of someone's issue text, unverified when the signature is bad.
  // The error's message and the delivery id say enough.
  "err.event.payload",
  "err.event.event.payload",
  "err.aggregateErrors[*].event.payload",
  // A Redis command that fails (out of memory, a read-only replica) carries its arguments: a whole job, issue text
  // included.
  "err.command.args",
  "err.aggregateErrors[*].command.args",
];

export function createRootLogger(options: { level: string; name?: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      name: options.name ?? "mltriage",
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      // Probot reads `msg`; keep pino's defaults otherwise (JSON lines, numeric levels as pino ships them).
    },
    options.destination,
  );
}
