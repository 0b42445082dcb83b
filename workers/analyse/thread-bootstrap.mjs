// Entry of the analysis worker thread. When the app runs from TypeScript sources (tsx), the thread registers
// tsx itself: loader flags are not reliably inherited by worker threads, and jest's loader never is.
import { workerData } from "node:worker_threads";

if (workerData.typescript) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import(workerData.entry);
