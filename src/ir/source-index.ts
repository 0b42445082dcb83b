import type { SourceFile } from "../types.js";
import { buildDocument, type FieldName, type FileDocument, type StructureExtractor } from "./document.js";
import { FieldIndex } from "./field-index.js";
import { tfidfNorms } from "./scoring.js";
import { createTokenizer, type Tokenizer } from "./tokenize.js";
import { bagOf, queryBagOf, type TermBag, Vocabulary } from "./vocabulary.js";

/** Bump when documents or fields change meaning: cached indexes keyed by an older version are rebuilt. */
export const INDEX_VERSION = "1";

/**
 * Parsed documents keyed by blob SHA (or content hash), shared by every snapshot that holds the same file.
 * The vocabulary lives here because documents store interned term ids.
 */
export class DocumentCache {
  readonly vocabulary = new Vocabulary();
  readonly tokenizer: Tokenizer;
  private readonly docs = new Map<string, FileDocument>();
  private readonly texts = new Map<string, TermBag>();

  constructor(
    readonly python?: StructureExtractor,
    readonly maxEntries = 200_000,
  ) {
    this.tokenizer = createTokenizer();
  }

  /** The document of a file, built at most once per blob. Files without a blob SHA are built every time. */
  document(file: SourceFile): FileDocument {
    const key = file.blobSha ? `${file.blobSha}:${file.path.endsWith(".py") ? "py" : "txt"}` : undefined;
    if (key) {
      const hit = this.docs.get(key);
      if (hit) return hit;
    }
    const doc = buildDocument(file, { tokenizer: this.tokenizer, vocabulary: this.vocabulary, python: this.python });
    if (key) {
      if (this.docs.size >= this.maxEntries) this.docs.delete(this.docs.keys().next().value!);
      this.docs.set(key, doc);
    }
    return doc;
  }

  /** The cached document of a blob, without reading the blob: lets a caller skip reading files it already parsed. */
  cached(blobSha: string, path: string): FileDocument | undefined {
    return this.docs.get(`${blobSha}:${path.endsWith(".py") ? "py" : "txt"}`);
  }

  get size(): number {
    return this.docs.size;
  }

  /** The bag of a text that recurs across queries (a past report), memoised under a caller's key. */
  textBag(key: string, text: string): TermBag {
    let bag = this.texts.get(key);
    if (!bag) {
      bag = bagOf(this.tokenizer.terms(text), this.vocabulary);
      if (this.texts.size >= this.maxEntries) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(key, bag);
    }
    return bag;
  }
}

/**
 * The searchable index of one snapshot: documents numbered in path order, one inverted index per field built
 * on first use (a localizer that reads only `content` never pays for the others).
 */
export class SourceIndex {
  readonly pathToDoc: ReadonlyMap<string, number>;
  private readonly fields = new Map<FieldName | "path", FieldIndex>();
  private readonly norms = new Map<string, Float64Array>();

  constructor(
    readonly paths: readonly string[],
    readonly docs: readonly FileDocument[],
    readonly cache: DocumentCache,
  ) {
    this.pathToDoc = new Map(paths.map((p, i) => [p, i]));
  }

  static build(files: readonly SourceFile[], cache: DocumentCache): SourceIndex {
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return new SourceIndex(
      sorted.map((f) => f.path),
      sorted.map((f) => cache.document(f)),
      cache,
    );
  }

  get size(): number {
    return this.paths.length;
  }

  get tokenizer(): Tokenizer {
    return this.cache.tokenizer;
  }

  get vocabulary(): Vocabulary {
    return this.cache.vocabulary;
  }

  field(name: FieldName | "path"): FieldIndex {
    let f = this.fields.get(name);
    if (!f) {
      const bags: TermBag[] =
        name === "path" ? this.paths.map((p) => bagOf(this.tokenizer.terms(p.replace(/\.py$/, "")), this.vocabulary)) : this.docs.map((d) => d.bags[name]);
      f = new FieldIndex(bags);
      this.fields.set(name, f);
    }
    return f;
  }

  /**
   * A field computed from documents and paths by the caller (e.g. BLUiR's "class names, or the module stem
   * when there is none"), built once per snapshot under `name`.
   */
  derivedField(name: string, bagFor: (doc: number) => TermBag): FieldIndex {
    const key = `derived:${name}` as FieldName;
    let f = this.fields.get(key);
    if (!f) {
      f = new FieldIndex(this.paths.map((_, d) => bagFor(d)));
      this.fields.set(key, f);
    }
    return f;
  }

  /** Norms of a derived field (see {@link derivedField}). */
  derivedNorms(name: string, bagFor: (doc: number) => TermBag): Float64Array {
    const key = `derived:${name}`;
    let n = this.norms.get(key);
    if (!n) {
      n = tfidfNorms(this.derivedField(name, bagFor));
      this.norms.set(key, n);
    }
    return n;
  }

  /** Document norms under log-tf × idf for one field, computed once. */
  tfidfNorms(name: FieldName | "path"): Float64Array {
    let n = this.norms.get(name);
    if (!n) {
      n = tfidfNorms(this.field(name));
      this.norms.set(name, n);
    }
    return n;
  }

  /** A query's bag of terms; terms absent from the vocabulary are dropped. */
  query(text: string): TermBag {
    return queryBagOf(this.tokenizer.terms(text), this.vocabulary);
  }
}
