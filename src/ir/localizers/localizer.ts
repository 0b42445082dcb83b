import type { ParsedIssue } from "../../issue/index.js";
import type { Evidence, History, IssueText } from "../../types.js";
import type { SourceIndex } from "../source-index.js";

/** What every localizer receives for one issue. */
export interface LocalizerInput {
  index: SourceIndex;
  issue: IssueText;
  /** Past fixes and commits dated before the issue; absent when no history is available. */
  history?: History;
  /** The issue already parsed by the caller (parsing a long paste is not free); parsed again when absent. */
  parsed?: ParsedIssue;
}

/** Scores for every document of the index, and a way to explain one of them. */
export interface LocalizerOutput {
  /** One score per document of `index` (index order); 0 means "not ranked". */
  scores: Float64Array;
  /** Evidence for one document, computed only for the files that are shown. */
  explain(doc: number): Evidence[];
}

export interface Localizer {
  id: string;
  /** Bumped whenever the scoring changes, recorded in results and comments. */
  version: string;
  /** One line for `--help` and the README. */
  description: string;
  localize(input: LocalizerInput): LocalizerOutput;
}
