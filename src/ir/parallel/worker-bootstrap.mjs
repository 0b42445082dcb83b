// Entry of a worker thread started from the TypeScript sources (spawn-worker.ts: document and fold workers). The
// thread registers tsx itself: loader flags are not reliably inherited by worker threads (and jest's transform
// never is).
import { workerData } from "node:worker_threads";

if (workerData.typescript) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import(workerData.entry);
