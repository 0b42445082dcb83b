import { PorterStemmer } from "natural/lib/natural/stemmers/index.js";
import { STOP_WORDS } from "./stopwords.js";

/**
 * Turns code or prose into index terms.
 *
 * Identifiers are split on snake_case, camelCase, and letter/digit boundaries, and the compound is kept too
 * (`getBatchSize` -> `getbatchsize`, `get`, `batch`, `size`), so a report that says "batch size" and one that
 * pastes `get_batch_size` both reach the same file. Terms are lower-cased, stop words (English, Python keywords)
 * dropped, and Porter-stemmed. Pure digits and one-letter tokens are dropped.
 */
export interface Tokenizer {
  /** Terms of a text, in order, with repeats (term frequency matters). */
  terms(text: string): string[];
  /** Terms with the word of the text each came from, for evidence a person can read ("initi" came from "initialization"). */
  annotated(text: string): { term: string; surface: string }[];
  /** Terms of one identifier (memoised: a repository repeats the same names thousands of times). */
  identifierTerms(identifier: string): readonly string[];
  /** Stem one already lower-cased word (memoised). */
  stem(word: string): string;
}

export interface TokenizerOptions {
  /** Keep the unsplit compound of an identifier beside its parts. Default true. */
  keepCompounds?: boolean;
  /** Apply Porter stemming. Default true. */
  stem?: boolean;
}

// A word starting with digits (`2d`, `3x3conv`) is only tried from the start of its digit run: tried from every digit,
// a run of 64,000 digits with no letter after it cost quadratic time (15 s).
const WORD = /[A-Za-z_][A-Za-z0-9_]*|(?<![0-9])[0-9]+[A-Za-z][A-Za-z0-9_]*/g;
// Zero-width (lookaround) boundaries: a consuming pattern misses a boundary that shares a character with the
// previous one, so "Conv2DTranspose" became conv|2|dtranspose instead of conv|2|d|transpose.
// An acronym's plural (`GPUs`, `IDs`) is one word: no boundary before a final lone "s".
const CAMEL_BOUNDARY = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])(?![A-Z]s(?![a-z]))/g;
const DIGIT_BOUNDARY = /(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/g;
const MAX_WORD = 60;

/** Splits one identifier into its lower-cased parts, without filtering. */
export function splitIdentifier(identifier: string): string[] {
  const spaced = identifier.replace(CAMEL_BOUNDARY, "_").replace(DIGIT_BOUNDARY, "_");
  return spaced
    .toLowerCase()
    .split("_")
    .filter((p) => p.length > 0);
}

function keepable(word: string): boolean {
  return word.length >= 2 && !/^[0-9]+$/.test(word) && !STOP_WORDS.has(word);
}

export function createTokenizer(options: TokenizerOptions = {}): Tokenizer {
  const keepCompounds = options.keepCompounds ?? true;
  const doStem = options.stem ?? true;
  // Memo of word -> stem; stemming dominates tokenizing time and vocabularies repeat heavily.
  const stems = new Map<string, string>();

  const stem = (word: string): string => {
    if (!doStem) return word;
    let s = stems.get(word);
    if (s === undefined) {
      s = PorterStemmer.stem(word);
      if (stems.size < 500_000) stems.set(word, s);
    }
    return s;
  };

  const visit = (text: string, emit: (term: string, surface: string) => void): void => {
    for (const match of text.matchAll(WORD)) {
      const raw = match[0];
      if (raw.length > MAX_WORD) continue; // hashes, base64 and minified blobs are not words
      const parts = splitIdentifier(raw);
      if (parts.length === 0) continue;
      if (parts.length > 1 && keepCompounds) {
        const compound = parts.join("");
        if (keepable(compound)) emit(compound, raw);
      }
      for (const part of parts) if (keepable(part)) emit(stem(part), parts.length > 1 ? part : raw);
    }
  };

  const terms = (text: string): string[] => {
    const out: string[] = [];
    visit(text, (t) => out.push(t));
    return out;
  };

  const annotated = (text: string): { term: string; surface: string }[] => {
    const out: { term: string; surface: string }[] = [];
    visit(text, (term, surface) => out.push({ term, surface }));
    return out;
  };

  const identifiers = new Map<string, readonly string[]>();
  const identifierTerms = (identifier: string): readonly string[] => {
    let t = identifiers.get(identifier);
    if (t === undefined) {
      t = terms(identifier);
      if (identifiers.size < 1_000_000) identifiers.set(identifier, t);
    }
    return t;
  };

  return { terms, annotated, identifierTerms, stem };
}
