import { createPythonParser, extractPythonFallback } from "./python/index.js";
import { DocumentCache } from "./source-index.js";

/**
 * A document cache with Python structure extraction: tree-sitter when its WASM loads, the regex fallback
 * otherwise (a file is always indexed, only less precisely).
 */
/**
 * Files above this size are read by the regex extraction instead of the tree: tree walking costs about ten
 * times as much, and large files (generated tables, long test suites) gain little from the extra precision.
 */
export const TREE_PARSE_MAX_CHARS = 64 * 1024;

export async function createDocumentCache(): Promise<DocumentCache> {
  try {
    return new DocumentCache(await createPythonParser({ maxParseLength: TREE_PARSE_MAX_CHARS }));
  } catch {
    return new DocumentCache({ extract: extractPythonFallback });
  }
}
