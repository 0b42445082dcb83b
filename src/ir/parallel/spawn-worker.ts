import { Worker } from "node:worker_threads";

/**
 * Starts the worker module `name` that sits next to the calling module (`from`: its import.meta.url). From the
 * TypeScript sources the thread goes through worker-bootstrap.mjs, which registers tsx itself: loader flags are
 * not reliably inherited by worker threads (and jest's transform never is).
 */
export function spawnSiblingWorker(from: string, name: string, workerData: Record<string, unknown> = {}): Worker {
  const typescript = from.endsWith(".ts");
  const entry = new URL(`./${name}.${typescript ? "ts" : "js"}`, from);
  if (!typescript) return new Worker(entry, { workerData, execArgv: [] });
  return new Worker(new URL("./worker-bootstrap.mjs", import.meta.url), { workerData: { ...workerData, entry: entry.href, typescript }, execArgv: [] });
}
