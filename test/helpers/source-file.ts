import { createDocumentCache } from "../../src/ir/create-document-cache.js";
import { SourceIndex } from "../../src/ir/source-index.js";
import type { SourceFile } from "../../src/types.js";

/** A source file for in-memory snapshots: size in bytes, as the repository readers report it. */
export function sourceFile(path: string, text = "x = 1\n", blobSha?: string): SourceFile {
  return { path, text, size: Buffer.byteLength(text), ...(blobSha ? { blobSha } : {}) };
}

/** An index of the given files, with the product's parser set-up (tree-sitter Python structure). */
export async function indexFiles(files: readonly SourceFile[]): Promise<SourceIndex> {
  return SourceIndex.build(files, await createDocumentCache());
}
