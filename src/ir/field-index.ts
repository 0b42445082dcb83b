import type { TermBag } from "./vocabulary.js";

/**
 * A sparse inverted index over one field of a set of documents (documents are numbered 0..n-1).
 * Postings are typed arrays, so scoring a query touches only the documents that hold its terms.
 */
export class FieldIndex {
  readonly docCount: number;
  readonly docLengths: Float64Array;
  readonly avgLength: number;
  /** Number of documents with at least one term in this field. */
  readonly nonEmptyDocs: number;
  // Postings in one block (compressed sparse rows): term slot s holds docs/tfs[offsets[s] .. offsets[s + 1]).
  // One index is built per field per snapshot, so a pair of arrays per term would be hundreds of thousands of
  // small objects per bug for the garbage collector; four typed arrays and one map are not.
  private readonly slotOf = new Map<number, number>();
  private readonly offsets: Int32Array;
  private readonly docs: Int32Array;
  private readonly tfs: Int32Array;

  constructor(readonly bags: readonly TermBag[]) {
    this.docCount = bags.length;
    this.docLengths = new Float64Array(bags.length);
    const dfs: number[] = [];
    let total = 0;
    let nonEmpty = 0;
    let postings = 0;
    bags.forEach((bag, doc) => {
      this.docLengths[doc] = bag.length;
      total += bag.length;
      if (bag.length > 0) nonEmpty++;
      for (let i = 0; i < bag.ids.length; i++) {
        const id = bag.ids[i]!;
        let slot = this.slotOf.get(id);
        if (slot === undefined) {
          slot = dfs.length;
          this.slotOf.set(id, slot);
          dfs.push(0);
        }
        dfs[slot]!++;
        postings++;
      }
    });
    this.offsets = new Int32Array(dfs.length + 1);
    for (let s = 0; s < dfs.length; s++) this.offsets[s + 1] = this.offsets[s]! + dfs[s]!;
    this.docs = new Int32Array(postings);
    this.tfs = new Int32Array(postings);
    const next = this.offsets.slice(0, dfs.length);
    bags.forEach((bag, doc) => {
      for (let i = 0; i < bag.ids.length; i++) {
        const at = next[this.slotOf.get(bag.ids[i]!)!]!++;
        this.docs[at] = doc;
        this.tfs[at] = bag.counts[i]!;
      }
    });
    this.avgLength = nonEmpty > 0 ? total / nonEmpty : 0;
    this.nonEmptyDocs = nonEmpty;
  }

  /** Document frequency of a term. */
  df(termId: number): number {
    const slot = this.slotOf.get(termId);
    return slot === undefined ? 0 : this.offsets[slot + 1]! - this.offsets[slot]!;
  }

  /** The documents holding a term, in document order, with the term's frequency in each (views, not copies). */
  postingsOf(termId: number): { docs: Int32Array; tfs: Int32Array } | undefined {
    const slot = this.slotOf.get(termId);
    if (slot === undefined) return undefined;
    const from = this.offsets[slot]!;
    const to = this.offsets[slot + 1]!;
    return { docs: this.docs.subarray(from, to), tfs: this.tfs.subarray(from, to) };
  }

  /** Frequency of a term in one document (binary search in its bag). */
  tf(doc: number, termId: number): number {
    const bag = this.bags[doc];
    if (!bag) return 0;
    let lo = 0;
    let hi = bag.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = bag.ids[mid]!;
      if (v === termId) return bag.counts[mid]!;
      if (v < termId) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
