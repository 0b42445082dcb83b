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

type ThreadMessage = { id: number; result?: TriageResult; error?: { name: string; message: string; files?: number; cap?: number } };

/** One analysis thread, given one request at a time. */
export interface AnalysisThread {
  /** True once the thread crashed or exited: it takes no more requests. */
  readonly broken: boolean;
  /** The analysis of one request; rejects with the analysis's error, or when the thread crashes. */
  post(request: AnalysisRequest): Promise<TriageResult>;
  terminate(): Promise<void>;
}

/** Under tsx (TypeScript sources) the thread registers tsx itself, see thread-bootstrap.mjs. */
function spawnAnalysisThread(): AnalysisThread {
  const here = import.meta.url;
  const typescript = here.endsWith(".ts");
  const entry = new URL(`./analysis-thread.${typescript ? "ts" : "js"}`, here).href;
  const thread = new Worker(new URL("./thread-bootstrap.mjs", here), { workerData: { entry, typescript }, execArgv: [] });
  let waiter: { id: number; resolve: (r: TriageResult) => void; reject: (e: Error) => void } | undefined;
  let nextId = 1;
  let broken = false;

  thread.on("message", (message: ThreadMessage) => {
    if (!waiter || waiter.id !== message.id) return;
    const { resolve, reject } = waiter;
    waiter = undefined;
    if (message.result) resolve(message.result);
    else {
      const e = message.error!;
      reject(e.name === "RepositoryTooLargeError" ? new RepositoryTooLargeError(e.files ?? 0, e.cap ?? 0) : Object.assign(new Error(e.message), { name: e.name }));
    }
  });
  // A crashed thread (out of memory, say) fails the request it held; that job is retried, on a new thread.
  const fail = (error: Error) => {
    broken = true;
    waiter?.reject(error);
    waiter = undefined;
  };
  thread.on("error", fail);
  thread.on("exit", (code) => fail(new Error(`the analysis thread exited (code ${code})`)));

  return {
    get broken() {
      return broken;
    },
    post(request) {
      return new Promise<TriageResult>((resolve, reject) => {
        if (broken) return reject(new Error("the analysis thread has stopped"));
        const id = nextId++;
        waiter = { id, resolve, reject };
        thread.postMessage({ id, request });
      });
    },
    async terminate() {
      broken = true;
      await thread.terminate();
    },
  };
}

export interface ThreadRunner extends AnalysisRunner {
  /** How many threads were started so far (a new one after a crash or every `recycleAfter` analyses). */
  readonly threadsStarted: number;
}

type Queued = { request: AnalysisRequest; resolve: (r: TriageResult) => void; reject: (e: Error) => void };

/**
 * Analyses in a long-lived worker thread whose document cache is reused across jobs. The thread is replaced
 * after `recycleAfter` analyses (its vocabulary only grows, one repository after another), after a crash and after
 * a request that outlives its deadline.
 *
 * Requests wait here and go to the thread one at a time, so each one's deadline runs from when the thread starts on
 * it, and a stuck analysis fails alone: the requests queued behind it go to a fresh thread. (Sent all at once, a
 * six-file repository's job waited behind a stuck one and was failed with its deadline.)
 */
export function createThreadRunner(options: { recycleAfter?: number; timeoutMs?: number; spawn?: () => AnalysisThread } = {}): ThreadRunner {
  const recycleAfter = options.recycleAfter ?? 200;
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const spawn = options.spawn ?? spawnAnalysisThread;
  const queue: Queued[] = [];
  let current: AnalysisThread | undefined;
  let served = 0;
  let busy = false;
  let threadsStarted = 0;

  const drop = (thread: AnalysisThread) => {
    if (current === thread) current = undefined;
    void thread.terminate();
  };
  const next = () => {
    if (busy) return;
    const job = queue.shift();
    if (!job) return;
    if (!current || current.broken || served >= recycleAfter) {
      if (current) void current.terminate();
      current = spawn();
      served = 0;
      threadsStarted += 1;
    }
    const thread = current;
    busy = true;
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      busy = false;
      settle();
      next();
    };
    // A stuck analysis must not hold its job forever (the lock keeps being renewed while the main thread is free):
    // past the deadline its thread is dropped and the request fails, to be retried.
    const timer = setTimeout(() => {
      drop(thread);
      finish(() => job.reject(new Error(`the analysis took longer than ${Math.round(timeoutMs / 1000)} s`)));
    }, timeoutMs);
    timer.unref();
    thread.post(job.request).then(
      (result) => {
        served += 1;
        finish(() => job.resolve(result));
      },
      (error: Error) => {
        if (thread.broken) drop(thread);
        else served += 1;
        finish(() => job.reject(error));
      },
    );
  };

  return {
    get threadsStarted() {
      return threadsStarted;
    },
    analyse(request) {
      return new Promise<TriageResult>((resolve, reject) => {
        queue.push({ request, resolve, reject });
        next();
      });
    },
    async close() {
      for (const job of queue.splice(0)) job.reject(new Error("the analysis runner was closed"));
      const thread = current;
      current = undefined;
      await thread?.terminate();
    },
  };
}
