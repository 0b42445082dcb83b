/** Building documents in worker threads: the pool, and the index built through it. */
export { createDocumentPool, defaultWorkerCount, DocumentPool, type DocumentPoolOptions, type RawDocumentJob } from "./document-pool.js";
export { buildSourceIndex } from "./build-source-index.js";
