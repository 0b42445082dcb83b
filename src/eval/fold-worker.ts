/** A fold worker thread: holds the examples it was started with and trains the fold of each repository it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import type { FoldExample, FoldResult } from "./fold-models.js";
import { trainRanker } from "../ir/learn/ranker-model.js";

const port = parentPort;
if (!port) throw new Error("fold-worker.ts runs only as a worker thread");
const examples = (workerData as { examples: FoldExample[] }).examples;

port.on("message", (heldOut: string) => {
  let result: FoldResult;
  try {
    result = { heldOut, model: trainRanker(examples.filter((e) => e.repo !== heldOut).map((e) => e.example)) };
  } catch (err) {
    result = { heldOut, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(result);
});
