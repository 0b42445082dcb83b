import type { SourceFile } from "../../src/types.js";

/** A source file for in-memory snapshots: size in bytes, as the repository readers report it. */
export function sourceFile(path: string, text = "x = 1\n", blobSha?: string): SourceFile {
  return { path, text, size: Buffer.byteLength(text), ...(blobSha ? { blobSha } : {}) };
}
