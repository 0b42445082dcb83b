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
type ThreadMessage = { id: number; result?: TriageResult; error?: { name: string; message: string; files?: number; cap?: number } };

interface AnalysisThread {
  readonly served: number;
  readonly broken: boolean;
  send(request: AnalysisRequest): Promise<TriageResult>;
  /** Takes no new work; terminates once the requests it holds are answered. */
  retire(): void;
  terminate(): Promise<void>;
}

/** Under tsx (TypeScript sources) the thread registers tsx itself, see thread-bootstrap.mjs. */
function spawnAnalysisThread(timeoutMs: number): AnalysisThread {
  const here = import.meta.url;
  const typescript = here.endsWith(".ts");
  const entry = new URL(`./analysis-thread.${typescript ? "ts" : "js"}`, here).href;
  const thread = new Worker(new URL("./thread-bootstrap.mjs", here), { workerData: { entry, typescript }, execArgv: [] });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let served = 0;
  let broken = false;
  let retiring = false;
  const terminateIfIdle = () => {
    if (retiring && pending.size === 0) void thread.terminate();
  };

  thread.on("message", (message: ThreadMessage) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    served += 1;
    if (message.result) waiter.resolve(message.result);
    else {
      const e = message.error!;
      waiter.reject(e.name === "RepositoryTooLargeError" ? new RepositoryTooLargeError(e.files ?? 0, e.cap ?? 0) : Object.assign(new Error(e.message), { name: e.name }));
    }
    terminateIfIdle();
  });
  // A crashed thread (out of memory, say) fails what it held; those jobs are retried, on a new thread.
  const failAll = (error: Error) => {
    broken = true;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  thread.on("error", failAll);
  thread.on("exit", (code) => failAll(new Error(`the analysis thread exited (code ${code})`)));

  return {
    get served() {
      return served;
    },
    get broken() {
      return broken;
    },
    send(request) {
      return new Promise<TriageResult>((resolve, reject) => {
        const id = nextId++;
        // A stuck analysis must not hold its job forever (the lock keeps being renewed while the main
        // thread is free): past the deadline the thread is dropped, its requests fail and are retried.
        const timer = setTimeout(() => {
          failAll(new Error(`the analysis took longer than ${Math.round(timeoutMs / 1000)} s`));
          void thread.terminate();
        }, timeoutMs);
        timer.unref();
        const settle = <T>(fn: (v: T) => void) => (v: T) => {
          clearTimeout(timer);
          fn(v);
        };
        pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
        thread.postMessage({ id, request });
      });
    },
    retire() {
      retiring = true;
      terminateIfIdle();
    },
    async terminate() {
      thread.removeAllListeners("exit");
      await thread.terminate();
    },
  };
}

export interface ThreadRunner extends AnalysisRunner {
  /** How many threads were started so far (a new one after a crash or every `recycleAfter` analyses). */
  readonly threadsStarted: number;
}

/**
 * Analyses in a long-lived worker thread whose document cache is reused across jobs. The thread is replaced
 * after `recycleAfter` analyses (its vocabulary only grows, one repository after another) and after a crash.
 */
export function createThreadRunner(options: { recycleAfter?: number; timeoutMs?: number } = {}): ThreadRunner {
  const recycleAfter = options.recycleAfter ?? 200;
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  let current: AnalysisThread | undefined;
  let threadsStarted = 0;
  return {
    get threadsStarted() {
      return threadsStarted;
    },
    analyse(request) {
      if (!current || current.broken || current.served >= recycleAfter) {
        current?.retire();
        current = spawnAnalysisThread(timeoutMs);
        threadsStarted += 1;
      }
      return current.send(request);
    },
    async close() {
      await current?.terminate();
      current = undefined;
    },
  };
}
