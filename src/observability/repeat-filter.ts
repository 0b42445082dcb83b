import type { Logger } from "pino";

/**
 * Passes a message on at most once per interval for each distinct text, counting the repeats it held back. A Redis
 * that is down fails every reconnect attempt, on each of a worker's connections: one line per attempt (ten warnings,
 * twenty errors and their stack traces in 35 seconds) buries every other line of the log.
 */
export function repeatFilter(intervalMs: number, emit: (message: string, heldBack: number) => void, now: () => number = Date.now): (message: string) => void {
  const last = new Map<string, { at: number; heldBack: number }>();
  return (message) => {
    const seen = last.get(message);
    const t = now();
    if (seen && t - seen.at < intervalMs) {
      seen.heldBack++;
      return;
    }
    emit(message, seen?.heldBack ?? 0);
    // Deleted first, so the map's order is by last emission and the bound below drops the stalest message.
    last.delete(message);
    last.set(message, { at: t, heldBack: 0 });
    // Distinct texts are few (an error's message); a bound keeps a stream of ever-new ones from growing the map.
    if (last.size > 100) last.delete(last.keys().next().value!);
  };
}

/**
 * An error listener that logs each distinct error message at most once per half-minute, with `repeatsHeldBack` for
 * the repeats it did not log (see repeatFilter).
 */
export function repeatedErrorLogger(log: Logger, level: "warn" | "error", message: string): (error: Error) => void {
  const report = repeatFilter(30_000, (error, heldBack) => log[level]({ error, ...(heldBack > 0 ? { repeatsHeldBack: heldBack } : {}) }, message));
  return (error) => report(error.message);
}
