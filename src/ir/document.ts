import type { SourceFile } from "../types.js";
import type { Tokenizer } from "./tokenize.js";
import { EMPTY_BAG, bagOf, type TermBag, type Vocabulary } from "./vocabulary.js";

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
  const content = bag(file.text);
  const lineCount = countLines(file.text);
  if (!python || !isPythonPath(file.path)) {
    return {
      language: isPythonPath(file.path) ? "python" : "text",
      bags: { content, classes: EMPTY_BAG, methods: EMPTY_BAG, identifiers: EMPTY_BAG, comments: EMPTY_BAG, strings: EMPTY_BAG },
      lineCount,
    };
  }
  const s = python.extract(file.text);
  return {
    language: "python",
    bags: {
      content,
      classes: bag(s.classes.map((c) => c.name).join(" ")),
      methods: bag(s.functions.map((f) => f.name).join(" ")),
      identifiers: bag([...s.identifiers, ...s.imports].join(" ")),
      comments: bag([...s.comments, ...s.docstrings].join("\n")),
      strings: bag(s.strings.map((x) => x.text).join("\n")),
    },
    structure: { classes: s.classes, functions: s.functions, strings: s.strings, raises: s.raises, imports: s.imports },
    lineCount,
  };
}
