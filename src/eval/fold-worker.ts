/** A fold worker thread: holds the examples it was started with and trains the fold of each repository it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import { trainFold, type FoldExample, type FoldResult } from "./fold-models.js";

const port = parentPort;
if (!port) throw new Error("fold-worker.ts runs only as a worker thread");
const examples = (workerData as { examples: FoldExample[] }).examples;

port.on("message", (heldOut: string) => {
  let result: FoldResult;
  try {
    result = { heldOut, model: trainFold(examples, heldOut) };
  } catch (err) {
    result = { heldOut, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(result);
});
