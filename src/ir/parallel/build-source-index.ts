import type { SourceFile } from "../../types.js";
import { type DocumentCache, SourceIndex } from "../source-index.js";
import type { DocumentPool } from "./document-pool.js";

/**
 * `SourceIndex.build` with the files parsed in the pool's worker threads: the same index (same documents, same
 * term ids), while the calling thread stays free for other work. Without a pool, files are built here.
 */
export async function buildSourceIndex(files: readonly SourceFile[], cache: DocumentCache, pool?: DocumentPool): Promise<SourceIndex> {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const docs = await cache.documentsAsync(sorted, pool);
  return new SourceIndex(
    sorted.map((f) => f.path),
    docs,
    cache,
  );
}
