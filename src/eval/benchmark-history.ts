import type { History } from "../types.js";
import type { BenchmarkBug } from "./dataset.js";
import type { HistoryProvider } from "./run-eval.js";

/**
 * History for benchmark bugs. Returns undefined until history-based localizers are registered; kept as the
 * single place where the benchmark's past is assembled.
 */
export async function benchmarkHistoryProvider(_all: readonly BenchmarkBug[]): Promise<HistoryProvider> {
  return async (): Promise<History | undefined> => undefined;
}
