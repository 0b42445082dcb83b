/** Runs one named step of a job, logging `step` and `durationMs` and feeding the step-duration metric. */
import type { Logger } from "pino";
import type { Metrics } from "../../src/observability/metrics.js";

export function stepTimer(log: Logger, metrics: Metrics | undefined) {
  return async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await run();
    } finally {
      const durationMs = Math.round(performance.now() - start);
      metrics?.stepTimed(name, durationMs);
      log.debug({ step: name, durationMs }, `step ${name} took ${durationMs} ms`);
    }
  };
}
