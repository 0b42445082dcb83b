/**
 * Body of the analysis worker thread: answers `{id, request}` messages with `{id, result}` or `{id, error}`.
 * It keeps one document cache for its whole life, so a file unchanged between two commits is parsed once.
 */
import { parentPort } from "node:worker_threads";
import { createDocumentCache } from "../../src/ir/create-document-cache.js";
import { analyseSnapshot, type AnalysisRequest } from "./analyse-snapshot.js";

if (!parentPort) throw new Error("analysis-thread.ts must run as a worker thread");
const port = parentPort;
const cache = createDocumentCache();

port.on("message", async (message: { id: number; request: AnalysisRequest }) => {
  try {
    const result = await analyseSnapshot(message.request, await cache);
    port.postMessage({ id: message.id, result });
  } catch (error) {
    const e = error as Error & { files?: number; cap?: number };
    port.postMessage({ id: message.id, error: { name: e.name, message: e.message, files: e.files, cap: e.cap } });
  }
});
