/**
 * Where the analysis runs: in a worker thread (production: the event loop stays free, so BullMQ keeps renewing
 * the job's lock during a long index build) or inline (tests, the single-process mode).
 */
import { Worker } from "node:worker_threads";
import type { DocumentCache } from "../../src/ir/source-index.js";
import { createDocumentCache } from "../../src/ir/create-document-cache.js";
import type { TriageResult } from "../../src/types.js";
import { analyseSnapshot, RepositoryTooLargeError, type AnalysisRequest } from "./analyse-snapshot.js";

export interface AnalysisRunner {
  analyse(request: AnalysisRequest): Promise<TriageResult>;
  close(): Promise<void>;
}

export function createInlineRunner(): AnalysisRunner {
  let cache: Promise<DocumentCache> | undefined;
  return {
    async analyse(request) {
      cache ??= createDocumentCache();
      return analyseSnapshot(request, await cache);
    },
    async close() {},
  };
}

type Pending = { resolve: (r: TriageResult) => void; reject: (e: Error) => void };

/** One long-lived thread; requests are answered in order. Under tsx the thread loads TypeScript through tsx too. */
export function createThreadRunner(): AnalysisRunner {
  const here = import.meta.url;
  const typescript = here.endsWith(".ts");
  const entry = new URL(`./analysis-thread.${typescript ? "ts" : "js"}`, here).href;
  const thread = new Worker(new URL("./thread-bootstrap.mjs", here), { workerData: { entry, typescript }, execArgv: [] });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | undefined;

  thread.on("message", (message: { id: number; result?: TriageResult; error?: { name: string; message: string; files?: number; cap?: number } }) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.result) return waiter.resolve(message.result);
    const e = message.error!;
    const error = e.name === "RepositoryTooLargeError" ? new RepositoryTooLargeError(e.files ?? 0, e.cap ?? 0) : Object.assign(new Error(e.message), { name: e.name });
    waiter.reject(error);
  });
  const failAll = (error: Error) => {
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  thread.on("error", failAll);
  thread.on("exit", (code) => failAll(new Error(`the analysis thread exited (code ${code})`)));

  return {
    analyse(request) {
      if (failure) return Promise.reject(failure);
      return new Promise<TriageResult>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        thread.postMessage({ id, request });
      });
    },
    async close() {
      thread.removeAllListeners("exit");
      await thread.terminate();
    },
  };
}
