import { lineHash } from "../../issue/index.js";
import type { SourceIndex } from "../source-index.js";

export interface QuotedLineMatch {
  /** Per file, 1 − exp(−Σ 1/df) over the lines it holds: one line no other file has gives 0.63. */
  scores: Float64Array;
  /** The file's rarest quoted line and where it is, for evidence. */
  sites: Map<number, { text: string; line: number }>;
  /** Each quoted line the snapshot holds: the files holding it, with the line where each first does. */
  holders: Map<string, Array<{ doc: number; line: number }>>;
}

/**
 * Files that hold a line the issue copies verbatim (outside its tracebacks: a reporter pointing at the faulty
 * statement, a pasted diff, the project's code run in a notebook). A line is worth as much as it is rare in the
 * snapshot, as a term is in IDF: a copied line that ten files share (`self.assertEqual(out.shape, (2, 3))`) says
 * little of which one is meant, and one that only a single file has says it outright.
 */
export function quotedLineMatches(index: SourceIndex, quoted: readonly string[]): QuotedLineMatch {
  const scores = new Float64Array(index.size);
  const sites = new Map<number, { text: string; line: number }>();
  const byText = new Map<string, Array<{ doc: number; line: number }>>();
  if (quoted.length === 0) return { scores, sites, holders: byText };
  const textOf = new Map<number, string>();
  for (const line of quoted) textOf.set(lineHash(line), line);
  // Which files hold which of the quoted lines (first occurrence in each file), then how many files hold each.
  const holders = new Map<number, Array<{ doc: number; line: number }>>();
  for (let d = 0; d < index.size; d++) {
    const { hashes, lines } = index.docs[d]!.quotable;
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i]!;
      if (!textOf.has(h)) continue;
      let list = holders.get(h);
      if (!list) holders.set(h, (list = []));
      if (list[list.length - 1]?.doc !== d) list.push({ doc: d, line: lines[i]! });
    }
  }
  const sums = new Float64Array(index.size);
  const rarest = new Map<number, { df: number; hash: number; line: number }>();
  for (const [hash, list] of holders) {
    const df = list.length;
    for (const { doc, line } of list) {
      sums[doc]! += 1 / df;
      const best = rarest.get(doc);
      if (!best || df < best.df) rarest.set(doc, { df, hash, line });
    }
  }
  for (let d = 0; d < index.size; d++) if (sums[d]! > 0) scores[d] = 1 - Math.exp(-sums[d]!);
  for (const [doc, { hash, line }] of rarest) sites.set(doc, { text: textOf.get(hash)!, line });
  for (const [hash, list] of holders) byText.set(textOf.get(hash)!, list);
  return { scores, sites, holders: byText };
}
