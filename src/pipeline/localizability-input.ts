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
    proseWords: parsed.prose.match(/\p{L}{2,}/gu)?.length ?? 0,
  };
}
