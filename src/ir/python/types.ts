/**
 * The structure of one Python file, as the structural localizers (BLUiR, BLIA) and the
 * message matcher need it. Plain data: it can be cached per blob and serialised.
 */
export interface PythonStructure {
  /**
   * Class definitions, 1-based line of the `class` keyword. `local` is set for a class defined inside a function
   * (a test's stand-in `class Net(nn.Block)` in `def test_x()`): no name the library offers its users.
   */
  classes: { name: string; line: number; local?: true }[];
  /**
   * Functions and methods; `className` is set when the function is defined directly in a class body, `local` when
   * it is defined inside a function, directly or in a local class.
   */
  functions: { name: string; line: number; className?: string; local?: true }[];
  /**
   * Names, attributes, parameters, keyword arguments, imported names and referenced names, in source order
   * and with repeats (term frequency matters). Class and function names being defined are not repeated here.
   */
  identifiers: string[];
  /** `#` comments without the leading `#`, trimmed. */
  comments: string[];
  /** Module, class and function docstrings (escape sequences decoded). */
  docstrings: string[];
  /**
   * String literals other than docstrings, escape sequences decoded. Adjacent literals ("a" "b") are joined;
   * an f-string keeps its literal parts with each `{expression}` replaced by `{}`, so it reads like a
   * `str.format` template.
   */
  strings: { text: string; line: number }[];
  /**
   * Dotted module names as written: `import a.b` gives "a.b"; `from .x import y` gives ".x" and ".x.y"
   * (the imported name may be a submodule, so a resolver can try both).
   */
  imports: string[];
  /** `raise` sites. A bare `raise` (re-raise) is not listed. `message` is the first string-like argument. */
  raises: { line: number; exception: string; message?: string }[];
  /** False when the tree parser failed or was unusable and the regex fallback produced this result. */
  parsed: boolean;
  /** True when the tree parsed but contained (recoverable) syntax errors. */
  hasErrors?: boolean;
}

export interface PythonParser {
  /** Extracts the structure of one file. Never throws: falls back to regex extraction on any failure. */
  extract(source: string): PythonStructure;
  /** Frees the WASM parser. The parser must not be used afterwards. */
  dispose(): void;
}

export interface PythonParserOptions {
  /** Sources longer than this (in UTF-16 code units) skip the tree parser and use the fallback. Default 1 MiB. */
  maxParseLength?: number;
  /**
   * Share of the source that may lie inside ERROR nodes before the tree is judged unusable and the fallback
   * is used instead. Default 0.5.
   */
  maxErrorShare?: number;
}

export function emptyStructure(parsed: boolean): PythonStructure {
  return { classes: [], functions: [], identifiers: [], comments: [], docstrings: [], strings: [], imports: [], raises: [], parsed };
}
