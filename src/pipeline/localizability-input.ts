import { mapFrameToRepo, type ParsedIssue } from "../issue/index.js";
import type { SourceIndex } from "../ir/source-index.js";
import { mentionedFiles } from "../ir/signals/mentions.js";
import { ModuleIndex } from "../ir/signals/module-index.js";

/** What the issue gives a localizer to hold on to: frames in the repository, code identifiers, named files. */
export interface IssueAnchors {
  tracebackFramesInRepo: number;
  identifierCount: number;
  mentionedPaths: number;
  /** Words of the reporter's prose (outside code and logs). */
  proseWords: number;
}

export function issueAnchors(index: SourceIndex, parsed: ParsedIssue): IssueAnchors {
  let frames = 0;
  for (const t of parsed.tracebacks) for (const f of t.frames) if (mapFrameToRepo(f.file, index.repoPaths).repoPath) frames++;
  return {
    tracebackFramesInRepo: frames,
    identifierCount: parsed.identifiers.length + parsed.apiNames.length,
    mentionedPaths: mentionedFiles(index, new ModuleIndex(index.paths), parsed.mentionedPaths).size,
    proseWords: proseWordCount(parsed.prose),
  };
}

/**
 * The reporter's words in prose, links left out: "reported this in #24 (https://github.com/fepegar/torchio/issues/24)"
 * is four words, not the ten that `https`, `github`, `com`, the owner, the repository and `issues` would add.
 */
export function proseWordCount(prose: string): number {
  return prose.replace(/\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/g, " ").match(/\p{L}{2,}/gu)?.length ?? 0;
}
