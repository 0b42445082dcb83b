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
  private readonly postings = new Map<number, { docs: Int32Array; tfs: Int32Array }>();

  constructor(readonly bags: readonly TermBag[]) {
    this.docCount = bags.length;
    this.docLengths = new Float64Array(bags.length);
    const growing = new Map<number, { docs: number[]; tfs: number[] }>();
    let total = 0;
    let nonEmpty = 0;
    bags.forEach((bag, doc) => {
      this.docLengths[doc] = bag.length;
      total += bag.length;
      if (bag.length > 0) nonEmpty++;
      for (let i = 0; i < bag.ids.length; i++) {
        const id = bag.ids[i]!;
        let p = growing.get(id);
        if (!p) growing.set(id, (p = { docs: [], tfs: [] }));
        p.docs.push(doc);
        p.tfs.push(bag.counts[i]!);
      }
    });
    for (const [id, p] of growing) this.postings.set(id, { docs: Int32Array.from(p.docs), tfs: Int32Array.from(p.tfs) });
    this.avgLength = nonEmpty > 0 ? total / nonEmpty : 0;
    this.nonEmptyDocs = nonEmpty;
  }

  /** Document frequency of a term. */
  df(termId: number): number {
    return this.postings.get(termId)?.docs.length ?? 0;
  }

  postingsOf(termId: number): { docs: Int32Array; tfs: Int32Array } | undefined {
    return this.postings.get(termId);
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
