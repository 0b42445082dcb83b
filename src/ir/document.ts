import type { SourceFile } from "../types.js";
import type { Tokenizer } from "./tokenize.js";
import { EMPTY_BAG, mergeBags, type TermBag, type Vocabulary } from "./vocabulary.js";
import type { PythonStructure } from "./python/types.js";

/** The fields a file is indexed under. Non-Python files fill `content` only. */
export const FIELD_NAMES = ["content", "classes", "methods", "identifiers", "comments", "strings"] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** Named places in a file, kept for evidence (which definition matched, on which line). */
export interface DocumentStructure {
  classes: { name: string; line: number; local?: true }[];
  functions: { name: string; line: number; className?: string; local?: true }[];
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
  extract(source: string): Omit<PythonStructure, "parsed" | "hasErrors">;
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

/**
 * A field's terms before interning: each distinct term once, in order of first occurrence (so interning them in
 * this order assigns the same ids as interning the token stream), with its count and the field's token total.
 */
export interface RawBag {
  terms: string[];
  counts: Int32Array;
  length: number;
}

/**
 * A document before its terms are interned: plain data that can cross a worker-thread boundary. Parsing and
 * tokenizing (the costly half) can run anywhere; interning must run where the shared vocabulary lives.
 */
export interface RawDocument {
  language: "python" | "text";
  /** Non-Python files: `content` only. Python files: every field but `content`, which is their union. */
  fields: Partial<Record<FieldName, RawBag>>;
  structure?: DocumentStructure;
  lineCount: number;
}

export interface RawDocumentOptions {
  tokenizer: Tokenizer;
  python?: StructureExtractor;
}

/** The fields a Python document is interned from, in the order their terms enter the vocabulary. */
const PYTHON_FIELDS = ["classes", "methods", "identifiers", "comments", "strings"] as const satisfies readonly FieldName[];

export function rawBagOf(terms: readonly string[]): RawBag {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { terms: [...counts.keys()], counts: Int32Array.from(counts.values()), length: terms.length };
}

/** Interns a raw bag: the same ids and counts `bagOf` gives for the token stream it came from. */
export function internBag(raw: RawBag, vocabulary: Vocabulary): TermBag {
  const n = raw.terms.length;
  if (n === 0) return EMPTY_BAG;
  const termIds = new Int32Array(n);
  for (let i = 0; i < n; i++) termIds[i] = vocabulary.intern(raw.terms[i]!);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = termIds[i - 1]! < termIds[i]!;
  // Terms new to the vocabulary get rising ids, so a file's bag often needs no sorting at all.
  if (sorted) return { ids: termIds, counts: Int32Array.from(raw.counts), length: raw.length };
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => termIds[a]! - termIds[b]!);
  const ids = new Int32Array(n);
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = termIds[order[i]!]!;
    counts[i] = raw.counts[order[i]!]!;
  }
  return { ids, counts, length: raw.length };
}

/** Parses and tokenizes one file without touching a vocabulary (safe to run in a worker thread). */
export function buildRawDocument(file: Pick<SourceFile, "path" | "text">, options: RawDocumentOptions): RawDocument {
  const { tokenizer, python } = options;
  const lineCount = countLines(file.text);
  if (!python || !isPythonPath(file.path)) {
    return { language: isPythonPath(file.path) ? "python" : "text", fields: { content: rawBagOf(tokenizer.terms(file.text)) }, lineCount };
  }
  const s = python.extract(file.text);
  const names = (list: readonly string[]): RawBag => {
    const terms: string[] = [];
    for (const name of list) for (const t of tokenizer.identifierTerms(name)) terms.push(t);
    return rawBagOf(terms);
  };
  return {
    language: "python",
    fields: {
      classes: names(s.classes.map((c) => c.name)),
      methods: names(s.functions.map((f) => f.name)),
      identifiers: names([...s.identifiers, ...s.imports.flatMap((i) => i.split("."))]),
      comments: rawBagOf(tokenizer.terms([...s.comments, ...s.docstrings].join("\n"))),
      strings: rawBagOf(tokenizer.terms(s.strings.map((x) => x.text).join("\n"))),
    },
    structure: { classes: s.classes, functions: s.functions, strings: s.strings, raises: s.raises, imports: s.imports },
    lineCount,
  };
}

/** Interns a raw document into the vocabulary: the second half of {@link buildDocument}. */
export function internDocument(raw: RawDocument, vocabulary: Vocabulary): FileDocument {
  const bag = (name: FieldName): TermBag => {
    const field = raw.fields[name];
    return field ? internBag(field, vocabulary) : EMPTY_BAG;
  };
  if (!raw.structure) {
    const content = bag("content");
    return {
      language: raw.language,
      bags: { content, classes: EMPTY_BAG, methods: EMPTY_BAG, identifiers: EMPTY_BAG, comments: EMPTY_BAG, strings: EMPTY_BAG },
      lineCount: raw.lineCount,
    };
  }
  // Interned field by field in a fixed order, so term ids do not depend on where the raw document was built.
  const [classes, methods, identifiers, comments, strings] = PYTHON_FIELDS.map(bag) as [TermBag, TermBag, TermBag, TermBag, TermBag];
  return {
    language: "python",
    // Content is the union of the fields rather than a second pass over the text: the same terms
    // (keywords and numbers are not terms), at half the tokenizing cost.
    bags: { content: mergeBags([classes, methods, identifiers, comments, strings]), classes, methods, identifiers, comments, strings },
    structure: raw.structure,
    lineCount: raw.lineCount,
  };
}

/** Builds the document of one file: every field tokenized and interned. */
export function buildDocument(file: SourceFile, options: DocumentBuilderOptions): FileDocument {
  return internDocument(buildRawDocument(file, options), options.vocabulary);
}
