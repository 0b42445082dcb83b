import type { SourceFile } from "../types.js";
import type { Tokenizer } from "./tokenize.js";
import { EMPTY_BAG, bagOf, mergeBags, type TermBag, type Vocabulary } from "./vocabulary.js";

/** The fields a file is indexed under. Non-Python files fill `content` only. */
export const FIELD_NAMES = ["content", "classes", "methods", "identifiers", "comments", "strings"] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** Named places in a file, kept for evidence (which definition matched, on which line). */
export interface DocumentStructure {
  classes: { name: string; line: number }[];
  functions: { name: string; line: number; className?: string }[];
  strings: { text: string; line: number }[];
  raises: { line: number; exception: string; message?: string }[];
  imports: string[];
}

/** A parsed, tokenized file. Independent of its path, so it can be cached by blob and shared across commits. */
export interface FileDocument {
  language: "python" | "text";
  bags: Record<FieldName, TermBag>;
  structure?: DocumentStructure;
  lineCount: number;
}

/** Structure extraction for Python, supplied by the caller so this module stays free of parser set-up. */
export interface StructureExtractor {
  extract(source: string): {
    classes: { name: string; line: number }[];
    functions: { name: string; line: number; className?: string }[];
    identifiers: string[];
    comments: string[];
    docstrings: string[];
    strings: { text: string; line: number }[];
    imports: string[];
    raises: { line: number; exception: string; message?: string }[];
  };
}

export interface DocumentBuilderOptions {
  tokenizer: Tokenizer;
  vocabulary: Vocabulary;
  python?: StructureExtractor;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

export function isPythonPath(path: string): boolean {
  return path.endsWith(".py") || path.endsWith(".pyi");
}

/** Builds the document of one file: every field tokenized and interned. */
export function buildDocument(file: SourceFile, options: DocumentBuilderOptions): FileDocument {
  const { tokenizer, vocabulary, python } = options;
  const bag = (text: string): TermBag => bagOf(tokenizer.terms(text), vocabulary);
  const lineCount = countLines(file.text);
  if (!python || !isPythonPath(file.path)) {
    const content = bag(file.text);
    return {
      language: isPythonPath(file.path) ? "python" : "text",
      bags: { content, classes: EMPTY_BAG, methods: EMPTY_BAG, identifiers: EMPTY_BAG, comments: EMPTY_BAG, strings: EMPTY_BAG },
      lineCount,
    };
  }
  const s = python.extract(file.text);
  const names = (list: readonly string[]): TermBag => {
    const terms: string[] = [];
    for (const name of list) for (const t of tokenizer.identifierTerms(name)) terms.push(t);
    return bagOf(terms, vocabulary);
  };
  const classes = names(s.classes.map((c) => c.name));
  const methods = names(s.functions.map((f) => f.name));
  const identifiers = names([...s.identifiers, ...s.imports.flatMap((i) => i.split("."))]);
  const comments = bag([...s.comments, ...s.docstrings].join("\n"));
  const strings = bag(s.strings.map((x) => x.text).join("\n"));
  return {
    language: "python",
    // Content is the union of the fields rather than a second pass over the text: the same terms
    // (keywords and numbers are not terms), at half the tokenizing cost.
    bags: { content: mergeBags([classes, methods, identifiers, comments, strings]), classes, methods, identifiers, comments, strings },
    structure: { classes: s.classes, functions: s.functions, strings: s.strings, raises: s.raises, imports: s.imports },
    lineCount,
  };
}
