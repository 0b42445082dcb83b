import { FieldIndex } from "../field-index.js";
import { scoreTfidfCosine, tfidfNorms } from "../scoring.js";
import type { SourceIndex } from "../source-index.js";

/**
 * The past texts (fixed reports, commit messages) most similar to the issue: plain VSM cosine, log-tf × idf
 * with idf over those texts, keeping similarities above 0, best first, at most `limit`.
 */
export function mostSimilar<T>(index: SourceIndex, issueText: string, items: readonly T[], textOf: (item: T) => string, kind: string, limit: number): { item: T; similarity: number }[] {
  if (items.length === 0) return [];
  const texts = new FieldIndex(items.map((item) => index.cache.textBag(kind, textOf(item))));
  const sims = scoreTfidfCosine(texts, tfidfNorms(texts), index.query(issueText));
  const out: { item: T; similarity: number }[] = [];
  items.forEach((item, i) => {
    if (sims[i]! > 0) out.push({ item, similarity: sims[i]! });
  });
  return out.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
}

/**
 * BugLocator's SimiScore crediting: each file a similar past change touched gets Sim / n, n being the number of
 * files that change touched. Also returns which past changes credited each file, for evidence.
 */
export function creditChangedFiles<S extends { similarity: number }>(
  index: SourceIndex,
  similar: readonly S[],
  filesOf: (s: S) => readonly string[],
): { scores: Float64Array; sources: Map<number, S[]> } {
  const scores = new Float64Array(index.size);
  const sources = new Map<number, S[]>();
  for (const s of similar) {
    const files = filesOf(s);
    for (const path of files) {
      const doc = index.pathToDoc.get(path);
      if (doc === undefined) continue;
      scores[doc]! += s.similarity / files.length;
      let list = sources.get(doc);
      if (!list) sources.set(doc, (list = []));
      list.push(s);
    }
  }
  return { scores, sources };
}
