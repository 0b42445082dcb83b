import type { RawDocument } from "../document.js";

/** A file to parse and tokenize: what a worker needs of a `SourceFile`. */
export interface RawDocumentJob {
  path: string;
  text: string;
}

/** One batch of files, sent to a worker (batches amortise the per-message cost over many small files). */
export interface BuildRequest {
  id: number;
  files: RawDocumentJob[];
}

/** A file's result: its raw document, or why it could not be built (the caller then builds it itself). */
export type BuildResult = { raw: RawDocument } | { error: string };

export interface BuildResponse {
  id: number;
  /** One result per requested file, in request order. */
  results: BuildResult[];
}

/** The buffers of a raw document, handed over to the receiving thread instead of being copied. */
export function transferablesOf(raw: RawDocument): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const bag of Object.values(raw.fields)) if (bag && bag.counts.byteLength > 0) out.push(bag.counts.buffer as ArrayBuffer);
  return out;
}
