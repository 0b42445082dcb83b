import type { CommitInfo } from "../../types.js";
import type { SourceIndex } from "../source-index.js";

/** Commits touching more files than this are sweeping changes (renames, formatting): no co-change evidence. */
const MAX_COCHANGE_FILES = 20;

export interface CochangeSignal {
  /** Σ over seed files c of seed(c) · P(f changes | c changes), from the commit history. */
  scores: Float64Array;
  /** For evidence: the seed that lent each file the most. */
  via: Map<number, number>;
}

/**
 * Spreads a first-pass score from the strongest candidates ("seeds") to the files that changed together with
 * them in past commits (co-change, after Zimmermann et al.'s ROSE): a bug fix rarely touches one file, and the
 * files a fix touches together tend to be touched together again.
 */
export function cochangeSignal(index: SourceIndex, seedScores: Float64Array, commits: readonly CommitInfo[], seedCount = 10): CochangeSignal {
  const scores = new Float64Array(index.size);
  const via = new Map<number, number>();
  const best = new Float64Array(index.size);
  const seeds = [...seedScores.keys()].filter((d) => seedScores[d]! > 0).sort((a, b) => seedScores[b]! - seedScores[a]!).slice(0, seedCount);
  const seedSet = new Set(seeds);
  if (seeds.length === 0) return { scores, via };
  const seedChanges = new Map<number, number>();
  const together = new Map<number, Map<number, number>>();
  for (const c of commits) {
    if (c.files.length < 2 || c.files.length > MAX_COCHANGE_FILES) continue;
    const docs: number[] = [];
    for (const p of c.files) {
      const d = index.pathToDoc.get(p);
      if (d !== undefined) docs.push(d);
    }
    for (const s of docs) {
      if (!seedSet.has(s)) continue;
      seedChanges.set(s, (seedChanges.get(s) ?? 0) + 1);
      let m = together.get(s);
      if (!m) together.set(s, (m = new Map()));
      for (const d of docs) if (d !== s) m.set(d, (m.get(d) ?? 0) + 1);
    }
  }
  for (const [s, m] of together) {
    const total = seedChanges.get(s)!;
    for (const [d, k] of m) {
      const lent = seedScores[s]! * (k / total);
      scores[d]! += lent;
      if (lent > best[d]!) {
        best[d] = lent;
        via.set(d, s);
      }
    }
  }
  return { scores, via };
}
