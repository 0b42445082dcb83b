// Entry of a document worker thread. When mltriage runs from its TypeScript sources, the thread registers tsx
// itself: loader flags are not reliably inherited by worker threads (and jest's transform never is).
import { workerData } from "node:worker_threads";

if (workerData.typescript) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import(workerData.entry);
