/**
 * A small pool of worker threads that parse and tokenize files into raw documents, so the costly half of
 * indexing (tree-sitter parsing, tokenizing) runs beside the main thread instead of on it. Interning the terms
 * stays with the caller: see `DocumentCache.prepare`.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { spawnSiblingWorker } from "./spawn-worker.js";
import type { RawDocument } from "../document.js";
import type { BuildRequest, BuildResponse, RawDocumentJob } from "./messages.js";

export type { RawDocumentJob } from "./messages.js";

export interface DocumentPoolOptions {
  /** Worker threads to run. Default: one per core but one, left to the main thread; at least one. */
  workers?: number;
  /**
   * The worker's module, run as is (a JavaScript module speaking the protocol of `messages.ts`). Default: the
   * project's own document worker, loaded through tsx when running from TypeScript sources.
   */
  entry?: URL;
}

/** Files per message, and characters per message: enough to amortise messaging, small enough to balance load. */
const BATCH_FILES = 64;
const BATCH_CHARS = 256 * 1024;
/** Batches a worker holds at once: the next one is waiting when it finishes a batch. */
const IN_FLIGHT_PER_WORKER = 2;

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

interface Job {
  file: RawDocumentJob;
  resolve: (raw: RawDocument) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  batches: Map<number, Job[]>;
  alive: boolean;
}

export class DocumentPool {
  readonly size: number;
  private readonly entry?: URL;
  private readonly queue: Job[] = [];
  private slots: Slot[] | undefined;
  private nextBatch = 1;
  private dispatchScheduled = false;
  private closed = false;
  private builtByWorkers = 0;
  private builtHere = 0;

  constructor(options: DocumentPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
    this.entry = options.entry;
  }

  /**
   * The raw document of one file, built by a worker. Rejects when its worker failed or the pool is closed:
   * the caller then builds the file itself, so a failure never loses a file.
   */
  build(file: RawDocumentJob): Promise<RawDocument> {
    if (this.closed) return Promise.reject(new Error("document pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ file: { path: file.path, text: file.text }, resolve, reject });
      if (!this.dispatchScheduled) {
        // Files submitted in one go (a snapshot) are batched together before anything is posted.
        this.dispatchScheduled = true;
        queueMicrotask(() => {
          this.dispatchScheduled = false;
          this.dispatch();
        });
      }
    });
  }

  /**
   * Builds, on the calling thread, the last file still queued for a worker: a caller about to wait for the pool
   * does a worker's job instead (on two cores, one worker plus a helping main thread keeps both busy). False
   * when nothing is queued.
   */
  helpOne(build: (file: RawDocumentJob) => RawDocument): boolean {
    const job = this.queue.pop();
    if (!job) return false;
    this.builtHere++;
    try {
      job.resolve(build(job.file));
    } catch (err) {
      job.reject(err instanceof Error ? err : new Error(String(err)));
    }
    return true;
  }

  /** Files built so far by the workers and by callers helping (see {@link helpOne}). */
  get stats(): { byWorkers: number; byCallers: number } {
    return { byWorkers: this.builtByWorkers, byCallers: this.builtHere };
  }

  /** Stops every worker; queued and unfinished files are rejected (their callers build them themselves). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failQueue(new Error("document pool is closed"));
    const slots = this.slots ?? [];
    for (const slot of slots) this.retire(slot, new Error("document pool is closed"));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private start(): Slot[] {
    if (this.slots) return this.slots;
    this.slots = [];
    for (let i = 0; i < this.size; i++) {
      try {
        this.slots.push(this.spawn());
      } catch {
        // A thread that cannot start leaves its share to the others, or to the caller when none started.
      }
    }
    return this.slots;
  }

  private spawn(): Slot {
    const worker = this.entry ? new Worker(this.entry, { execArgv: [] }) : spawnSiblingWorker(import.meta.url, "document-worker");
    const slot: Slot = { worker, batches: new Map(), alive: true };
    // Idle threads must not keep the process alive: a caller that forgets `close` still exits.
    worker.unref();
    worker.on("message", (response: BuildResponse) => this.receive(slot, response));
    worker.on("error", (error) => this.retire(slot, error));
    worker.on("messageerror", (error) => {
      this.retire(slot, error);
      void worker.terminate();
    });
    worker.on("exit", (code) => this.retire(slot, new Error(`document worker exited with code ${code}`)));
    return slot;
  }

  private dispatch(): void {
    if (this.closed || this.queue.length === 0) return;
    const live = this.start().filter((s) => s.alive);
    if (live.length === 0) return this.failQueue(new Error("no document worker is running"));
    for (let round = 0; round < IN_FLIGHT_PER_WORKER; round++) {
      for (const slot of live) {
        if (this.queue.length === 0) return;
        if (!slot.alive || slot.batches.size >= IN_FLIGHT_PER_WORKER) continue;
        this.post(slot, this.takeBatch());
      }
    }
  }

  private takeBatch(): Job[] {
    let chars = 0;
    let n = 0;
    while (n < this.queue.length && n < BATCH_FILES && (n === 0 || chars + this.queue[n]!.file.text.length <= BATCH_CHARS)) {
      chars += this.queue[n]!.file.text.length;
      n++;
    }
    return this.queue.splice(0, n);
  }

  private post(slot: Slot, jobs: Job[]): void {
    const id = this.nextBatch++;
    slot.batches.set(id, jobs);
    if (slot.batches.size === 1) slot.worker.ref();
    const request: BuildRequest = { id, files: jobs.map((j) => j.file) };
    try {
      slot.worker.postMessage(request);
    } catch (err) {
      this.retire(slot, err instanceof Error ? err : new Error(String(err)));
    }
  }

  private receive(slot: Slot, response: BuildResponse): void {
    const jobs = slot.batches.get(response.id);
    if (!jobs) return;
    slot.batches.delete(response.id);
    if (slot.batches.size === 0) slot.worker.unref();
    jobs.forEach((job, i) => {
      const result = response.results[i];
      if (result && "raw" in result) {
        this.builtByWorkers++;
        job.resolve(result.raw);
      }
      else job.reject(new Error(`document worker could not build ${job.file.path}: ${result?.error ?? "no result"}`));
    });
    this.dispatch();
  }

  /** Takes a failed thread out of service; the files it held are rejected, the queue goes to the others. */
  private retire(slot: Slot, error: Error): void {
    if (!slot.alive) return;
    slot.alive = false;
    slot.worker.unref();
    for (const jobs of slot.batches.values()) for (const job of jobs) job.reject(error);
    slot.batches.clear();
    this.dispatch();
  }

  private failQueue(error: Error): void {
    for (const job of this.queue.splice(0)) job.reject(error);
  }
}

/** The project's document worker; from TypeScript sources it goes through a bootstrap that registers tsx. */

export function createDocumentPool(options: DocumentPoolOptions = {}): DocumentPool {
  return new DocumentPool(options);
}
