import type { Evidence } from "../types.js";
import { bm25Idf } from "./scoring.js";
import type { SourceIndex } from "./source-index.js";
import type { FieldName } from "./document.js";
import { isReadableWord, withoutContainedWords, withoutListingLines, withoutTracebackFraming, withoutUrls } from "./readable-words.js";

/**
 * The query words a document matched, strongest first (by idf × log tf), as the reporter wrote them.
 * Used as the "terms" evidence line of a ranked file. Only explains: words a reader would not recognise
 * (number pieces, one- and two-letter fragments, CPU flags, the words of links, traceback framing and install paths,
 * a word inside a longer one shown) are left out here, while scoring
 * still uses them.
 */
export function matchedTerms(index: SourceIndex, doc: number, queryText: string, fields: readonly (FieldName | "path")[] = ["content", "path"], limit = 6): string[] {
  const seen = new Map<string, { surface: string; weight: number }>();
  for (const { term, surface } of index.tokenizer.annotated(withoutTracebackFraming(withoutUrls(withoutListingLines(queryText))))) {
    // An unreadable spelling does not claim its term: a later, readable spelling of it may still be shown.
    if (seen.has(term) || !isReadableWord(surface)) continue;
    const id = index.vocabulary.lookup(term);
    if (id === undefined) continue;
    let weight = 0;
    for (const name of fields) {
      const f = index.field(name);
      const tf = f.tf(doc, id);
      if (tf > 0) weight = Math.max(weight, bm25Idf(f.docCount, f.df(id)) * (1 + Math.log(tf)));
    }
    if (weight > 0) seen.set(term, { surface: surface.toLowerCase(), weight });
  }
  const ranked = [...seen.values()].sort((a, b) => b.weight - a.weight).map((x) => x.surface);
  return withoutContainedWords(ranked, limit);
}

export function termsEvidence(index: SourceIndex, doc: number, queryText: string, fields?: readonly (FieldName | "path")[]): Evidence[] {
  const terms = matchedTerms(index, doc, queryText, fields);
  return terms.length > 0 ? [{ kind: "terms", detail: terms.map((t) => `\`${t}\``).join(", ") }] : [];
}
