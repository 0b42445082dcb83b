import type { CommitInfo } from "../../types.js";
import { FieldIndex } from "../field-index.js";
import { scoreTfidfCosine, tfidfNorms } from "../scoring.js";
import type { SourceIndex } from "../source-index.js";

export interface SimilarCommit {
  commit: CommitInfo;
  similarity: number;
}

/** Commits touching more files than this are merges, renames or reformatting: they say nothing about a bug. */
const MAX_FILES_PER_COMMIT = 20;

/**
 * Past commits whose messages read like the issue (collaborative filtering over commit messages, after Ye et
 * al.'s use of past reports): a commit message is a short report of what was wrong and where it was fixed.
 * Plain VSM cosine between the issue and each message (idf over the messages), top `limit`; each file a
 * similar commit changed gets Sim / (number of files it changed), as in BugLocator's SimiScore.
 */
export function similarCommitScores(
  index: SourceIndex,
  issueText: string,
  commits: readonly CommitInfo[],
  limit = 50,
): { scores: Float64Array; sources: Map<number, SimilarCommit[]> } {
  const scores = new Float64Array(index.size);
  const sources = new Map<number, SimilarCommit[]>();
  const usable = commits.filter((c) => c.files.length > 0 && c.files.length <= MAX_FILES_PER_COMMIT && c.message.length > 0);
  if (usable.length === 0) return { scores, sources };
  const messages = new FieldIndex(usable.map((c) => index.cache.textBag("commit", c.message)));
  const sims = scoreTfidfCosine(messages, tfidfNorms(messages), index.query(issueText));
  const order = [...sims.keys()].filter((i) => sims[i]! > 0).sort((a, b) => sims[b]! - sims[a]!).slice(0, limit);
  for (const i of order) {
    const c = usable[i]!;
    for (const path of c.files) {
      const d = index.pathToDoc.get(path);
      if (d === undefined) continue;
      scores[d]! += sims[i]! / c.files.length;
      let list = sources.get(d);
      if (!list) sources.set(d, (list = []));
      list.push({ commit: c, similarity: sims[i]! });
    }
  }
  return { scores, sources };
}
