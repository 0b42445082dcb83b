import { createHash } from "node:crypto";
import type { SourceFile } from "../types.js";
import { indexRepoPaths, type RepoPathIndex } from "../issue/map-frame.js";
import { buildDocument, buildRawDocument, internDocument, type FieldName, type FileDocument, type RawDocument, type StructureExtractor } from "./document.js";
import type { DocumentPool } from "./parallel/document-pool.js";
import { FieldIndex } from "./field-index.js";
import { tfidfNorms } from "./scoring.js";
import { createTokenizer, type Tokenizer } from "./tokenize.js";
import { bagOf, queryBagOf, type TermBag, Vocabulary } from "./vocabulary.js";

/** Documents under way (see {@link DocumentCache.prepare}), interned when their owner asks for them. */
export interface PreparedDocuments {
  /** The documents of the prepared files, in their order; files are interned in that order too. */
  documents(): Promise<FileDocument[]>;
}

/**
 * Parsed documents keyed by blob SHA (or content hash), shared by every snapshot that holds the same file.
 * The vocabulary lives here because documents store interned term ids.
 */
export class DocumentCache {
  readonly vocabulary = new Vocabulary();
  readonly tokenizer: Tokenizer;
  private readonly docs = new Map<string, FileDocument>();
  private readonly texts = new Map<string, TermBag>();
  /** Raw documents being built in a pool, by cache key: a blob is sent to a worker at most once. */
  private readonly building = new Map<string, Promise<RawDocument | undefined>>();

  constructor(
    readonly python?: StructureExtractor,
    readonly maxEntries = 200_000,
  ) {
    this.tokenizer = createTokenizer();
  }

  private keyOf(file: Pick<SourceFile, "path" | "blobSha">): string | undefined {
    return file.blobSha ? `${file.blobSha}:${file.path.endsWith(".py") ? "py" : "txt"}` : undefined;
  }

  private store(key: string | undefined, doc: FileDocument): FileDocument {
    if (key) {
      if (this.docs.size >= this.maxEntries) this.docs.delete(this.docs.keys().next().value!);
      this.docs.set(key, doc);
      this.building.delete(key);
    }
    return doc;
  }

  /** The document of a file, built at most once per blob. Files without a blob SHA are built every time. */
  document(file: SourceFile): FileDocument {
    const key = this.keyOf(file);
    const hit = key && this.docs.get(key);
    if (hit) return hit;
    return this.store(key, buildDocument(file, { tokenizer: this.tokenizer, vocabulary: this.vocabulary, python: this.python }));
  }

  /**
   * Stores the document of a file from its raw half built elsewhere (a worker thread), interning its terms now.
   * A blob already cached keeps the document it has.
   */
  addRaw(file: Pick<SourceFile, "path" | "blobSha">, raw: RawDocument): FileDocument {
    const key = this.keyOf(file);
    const hit = key && this.docs.get(key);
    if (hit) return hit;
    return this.store(key, internDocument(raw, this.vocabulary));
  }

  /**
   * Starts building the documents of files not yet cached in the pool's worker threads, and returns at once.
   * Nothing is interned until `documents()` is called: then files are interned one by one in the order given,
   * the order `document` would have used, so term ids (and every score) equal those of the one-thread path.
   * While the next file is not back yet, this thread builds files still queued for a worker. A file its worker
   * could not build is built on this thread instead. Without a pool, everything is built
   * on this thread when `documents()` is called. The pool must build documents the way this cache does (a
   * pool with the default worker goes with a cache from `createDocumentCache`).
   */
  prepare(files: readonly SourceFile[], pool?: DocumentPool): PreparedDocuments {
    const raws = files.map((file) => {
      const key = this.keyOf(file);
      if (!pool || (key && this.docs.has(key))) return undefined;
      const underway = key && this.building.get(key);
      if (underway) return underway;
      const raw = pool.build(file).then(
        (r): RawDocument | undefined => r,
        () => undefined,
      );
      if (key) this.building.set(key, raw);
      return raw;
    });
    return {
      documents: async () => {
        const docs: FileDocument[] = [];
        for (let i = 0; i < files.length; i++) {
          const pending = raws[i];
          if (pending && pool) {
            let ready = false;
            void pending.then(() => (ready = true));
            // Yielding after each file lets the workers' answers in, so this stops as soon as the file is back.
            while (!ready && pool.helpOne((f) => buildRawDocument(f, this))) await new Promise((r) => setImmediate(r));
          }
          const raw = await pending;
          docs.push(raw ? this.addRaw(files[i]!, raw) : this.document(files[i]!));
        }
        return docs;
      },
    };
  }

  /** The documents of many files, parsed in the pool's worker threads: `files.map(f => this.document(f))`, faster. */
  documentsAsync(files: readonly SourceFile[], pool?: DocumentPool): Promise<FileDocument[]> {
    return this.prepare(files, pool).documents();
  }

  /** Whether a blob's document is cached or being built: a caller need not read that blob again. */
  known(blobSha: string, path: string): boolean {
    const key = this.keyOf({ blobSha, path })!;
    return this.docs.has(key) || this.building.has(key);
  }

  /** The cached document of a blob, without reading the blob: lets a caller skip reading files it already parsed. */
  cached(blobSha: string, path: string): FileDocument | undefined {
    return this.docs.get(this.keyOf({ blobSha, path })!);
  }

  get size(): number {
    return this.docs.size;
  }

  /**
   * Forgets every document and text bag (the vocabulary stays: documents made later intern into it). For a caller
   * done with a repository: its documents would only weigh on the garbage collector while the next one is read.
   */
  clear(): void {
    this.docs.clear();
    this.texts.clear();
    this.building.clear();
  }

  /**
   * The bag of a text that recurs across queries (a past report, a commit message), memoised by its content:
   * the same key with another text (issue #12 of another repository, an edited report) is another entry.
   */
  textBag(kind: string, text: string): TermBag {
    const key = `${kind}:${createHash("sha1").update(text).digest("base64")}`;
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

  private framePaths?: RepoPathIndex;

  /** The paths by file name, to map traceback frames and named paths (built once, on first use). */
  get repoPaths(): RepoPathIndex {
    return (this.framePaths ??= indexRepoPaths(this.paths));
  }

  static build(files: readonly SourceFile[], cache: DocumentCache): SourceIndex {
    const sorted = byPath(files);
    return new SourceIndex(
      sorted.map((f) => f.path),
      sorted.map((f) => cache.document(f)),
      cache,
    );
  }

  /** As {@link build}, with the files parsed in the pool's worker threads (the same documents, in the same order). */
  static async buildAsync(files: readonly SourceFile[], cache: DocumentCache, pool?: DocumentPool): Promise<SourceIndex> {
    const sorted = byPath(files);
    return new SourceIndex(
      sorted.map((f) => f.path),
      await cache.documentsAsync(sorted, pool),
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
    // Path words are interned when the path field is built; build it first, or a word found only in paths
    // ("pkg") would be dropped from every query made before the path field's first use.
    this.field("path");
    return queryBagOf(this.tokenizer.terms(text), this.vocabulary);
  }
}

/** The files in path order: documents are numbered so, which makes every ranking independent of file order. */
function byPath(files: readonly SourceFile[]): SourceFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
