/**
 * Interns terms as small integers so documents can be stored as typed arrays and shared across snapshots
 * (an evaluation over hundreds of commits keeps one vocabulary and one document per blob).
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];

  /** The id of a term, adding it when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** The id of a known term, or undefined: queries must not grow the vocabulary. */
  lookup(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(id: number): string {
    return this.terms[id] ?? "";
  }

  get size(): number {
    return this.terms.length;
  }
}

/** A bag of words: parallel arrays of term ids (ascending) and their counts. */
export interface TermBag {
  ids: Int32Array;
  counts: Int32Array;
  /** Total number of tokens (sum of counts). */
  length: number;
}

export const EMPTY_BAG: TermBag = { ids: new Int32Array(0), counts: new Int32Array(0), length: 0 };

export function bagOf(terms: readonly string[], vocabulary: Vocabulary): TermBag {
  if (terms.length === 0) return EMPTY_BAG;
  const counts = new Map<number, number>();
  for (const t of terms) {
    const id = vocabulary.intern(t);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ids = Int32Array.from(counts.keys()).sort();
  const c = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) c[i] = counts.get(ids[i]!)!;
  return { ids, counts: c, length: terms.length };
}

/** Query bag: unknown terms are dropped (they match nothing). */
export function queryBagOf(terms: readonly string[], vocabulary: Vocabulary): TermBag {
  const counts = new Map<number, number>();
  let length = 0;
  for (const t of terms) {
    const id = vocabulary.lookup(t);
    if (id === undefined) continue;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    length++;
  }
  const ids = Int32Array.from(counts.keys()).sort();
  const c = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) c[i] = counts.get(ids[i]!)!;
  return { ids, counts: c, length };
}

export function mergeBags(bags: readonly TermBag[]): TermBag {
  const counts = new Map<number, number>();
  let length = 0;
  for (const b of bags) {
    for (let i = 0; i < b.ids.length; i++) counts.set(b.ids[i]!, (counts.get(b.ids[i]!) ?? 0) + b.counts[i]!);
    length += b.length;
  }
  const ids = Int32Array.from(counts.keys()).sort();
  const c = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) c[i] = counts.get(ids[i]!)!;
  return { ids, counts: c, length };
}
