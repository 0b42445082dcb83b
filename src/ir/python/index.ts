/** Python structure extraction: classes, functions, identifiers, comments, docstrings, strings, imports, raises. */
export type { PythonParser, PythonParserOptions, PythonStructure } from "./types.js";
export { emptyStructure } from "./types.js";
export { createPythonParser, pythonGrammarPath } from "./parser.js";
export { extractPythonFallback, FALLBACK_MAX_LENGTH } from "./fallback.js";
export { decodeEscapes } from "./string-literal.js";
export { resolvePythonImport } from "./resolve-import.js";
