/**
 * A document worker thread: parses and tokenizes the files it is sent and answers with raw documents (terms as
 * strings). It never interns: term ids belong to the main thread's vocabulary.
 */
import { parentPort } from "node:worker_threads";
import { createDocumentCache } from "../create-document-cache.js";
import { buildRawDocument } from "../document.js";
import { transferablesOf, type BuildRequest, type BuildResponse, type BuildResult } from "./messages.js";

const port = parentPort;
if (!port) throw new Error("document-worker.ts runs only as a worker thread");

// The parser set-up and tokenizer of the main thread's cache (same grammar, same size limit, same fallback),
// so a document built here is the one the main thread would have built.
const { python, tokenizer } = await createDocumentCache();

port.on("message", (request: BuildRequest) => {
  const transfer: ArrayBuffer[] = [];
  const results = request.files.map((file): BuildResult => {
    try {
      const raw = buildRawDocument(file, { tokenizer, python });
      transfer.push(...transferablesOf(raw));
      return { raw };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  });
  const response: BuildResponse = { id: request.id, results };
  port.postMessage(response, transfer);
});
