import type { CommitInfo } from "../../types.js";
import type { SourceIndex } from "../source-index.js";
import { creditChangedFiles, mostSimilar } from "./similar-texts.js";

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
  const usable = commits.filter((c) => c.files.length > 0 && c.files.length <= MAX_FILES_PER_COMMIT && c.message.length > 0);
  const similar = mostSimilar(index, issueText, usable, (c) => c.message, "commit", limit).map(({ item, similarity }) => ({ commit: item, similarity }));
  return creditChangedFiles(index, similar, (s) => s.commit.files);
}
