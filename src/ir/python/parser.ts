/**
 * The tree-sitter-backed Python parser. The WASM grammar is loaded once per parser; each `extract`
 * parses one file, walks it and frees the tree (trees live in WASM memory and are never
 * garbage-collected).
 */
import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";
import { buildNodeKinds, extractFromTree } from "./tree-extract.js";
import { extractPythonFallback } from "./fallback.js";
import type { PythonParser, PythonParserOptions, PythonStructure } from "./types.js";

const DEFAULT_MAX_PARSE_LENGTH = 1024 * 1024;
const DEFAULT_MAX_ERROR_SHARE = 0.5;

/** Path of the grammar shipped by the tree-sitter-python package, resolved like any dependency. */
export function pythonGrammarPath(): string {
  return createRequire(import.meta.url).resolve("tree-sitter-python/tree-sitter-python.wasm");
}

/**
 * Loads web-tree-sitter and the Python grammar. Rejects when the WASM cannot be loaded; callers that
 * must keep going can use `extractPythonFallback` instead.
 */
export async function createPythonParser(options: PythonParserOptions = {}): Promise<PythonParser> {
  const maxParseLength = options.maxParseLength ?? DEFAULT_MAX_PARSE_LENGTH;
  const maxErrorShare = options.maxErrorShare ?? DEFAULT_MAX_ERROR_SHARE;
  await Parser.init(); // idempotent: the runtime is initialised once per process
  const language = await Language.load(pythonGrammarPath());
  const parser = new Parser();
  parser.setLanguage(language);
  const kinds = buildNodeKinds(language);
  let disposed = false;

  const extract = (source: string): PythonStructure => {
    if (disposed || source.length > maxParseLength) return extractPythonFallback(source);
    let tree = null;
    try {
      tree = parser.parse(source);
      if (!tree) return extractPythonFallback(source);
      const { structure, errorLength } = extractFromTree(tree, source, kinds);
      if (source.length > 0 && errorLength / source.length > maxErrorShare) return extractPythonFallback(source);
      return structure;
    } catch {
      // A grammar or runtime failure on one file must not stop the indexing of the others.
      parser.reset();
      return extractPythonFallback(source);
    } finally {
      tree?.delete();
    }
  };

  return {
    extract,
    dispose: () => {
      if (!disposed) parser.delete();
      disposed = true;
    },
  };
}
