import type { ParsedIssue, TracebackFrame } from "../../issue/index.js";
import { mapFrameToRepo } from "../../issue/index.js";
import type { SourceIndex } from "../source-index.js";
import { repositoryPackages } from "./foreign-names.js";
import type { ModuleIndex } from "./module-index.js";

export interface TraceHit {
  /** 1-based rank from the innermost frame that maps into the repository. */
  rank: number;
  frame: TracebackFrame;
  /**
   * Files of the project's own package, innermost of this one, that this snapshot does not hold (moved or renamed
   * since the reporter's release): not ranked, yet project files the traceback went through. For evidence only.
   */
  unplacedBefore?: number;
}

export interface StackTraceSignal {
  /** BLIA's STScore: 1/rank for the first 10 trace files, 0.1 after, 0.1 for files they import. */
  scores: Float64Array;
  /** The innermost frame of each trace file. */
  hits: Map<number, TraceHit>;
  /** Files imported by a trace file, and which trace file imports them. */
  imported: Map<number, number>;
  /** Frames outside the repository: installed third-party packages, by package name. */
  thirdPartyPackages: string[];
  /** How many tracebacks the ranks run through (innermost of the last first, then the earlier ones'). */
  tracebackCount: number;
  /** The file of the outermost frame that maps into the repository (where the run started), if any. */
  outermost?: number;
}

/**
 * Stack-trace score of BLIA (after BRTracer, PAPER §2.3): the traceback's files ordered from the innermost
 * frame (Python prints it last, so the order is reversed); rank r ≤ 10 scores 1/r, later ranks 0.1; files
 * imported by trace files and not in the trace score 0.1. Only frames that map into the repository count;
 * installed copies (`site-packages/<pkg>/…`) are mapped back to the repository's own package.
 */
export function stackTraceSignal(index: SourceIndex, parsed: ParsedIssue, modules: ModuleIndex): StackTraceSignal {
  const scores = new Float64Array(index.size);
  const hits = new Map<number, TraceHit>();
  const imported = new Map<number, number>();
  const thirdParty = new Set<string>();
  const frames = parsed.tracebacks.flatMap((t) => t.frames).reverse();
  const repoPaths = index.pathToDoc as ReadonlyMap<string, number>;
  let outermost: number | undefined;
  const packages = repositoryPackages(index.paths);
  const unplaced = new Set<string>();
  for (const frame of frames) {
    const mapped = mapFrameToRepo(frame.file, index.repoPaths);
    if (mapped.thirdParty && mapped.package) {
      // An installed file of the project's package that the snapshot no longer holds: counted for the evidence's
      // "the 3rd project file from the innermost frame", never scored.
      if (packages.has(mapped.package)) unplaced.add(frame.file);
      else thirdParty.add(mapped.package);
    }
    if (!mapped.repoPath) continue;
    const doc = repoPaths.get(mapped.repoPath);
    if (doc !== undefined) outermost = doc;
    if (doc === undefined || hits.has(doc)) continue;
    const rank = hits.size + 1;
    hits.set(doc, unplaced.size > 0 ? { rank, frame, unplacedBefore: unplaced.size } : { rank, frame });
    scores[doc] = rank <= 10 ? 1 / rank : 0.1;
  }
  for (const traceDoc of hits.keys()) {
    for (const name of index.docs[traceDoc]!.structure?.imports ?? []) {
      for (const doc of modules.resolve(name)) {
        if (hits.has(doc) || imported.has(doc)) continue;
        imported.set(doc, traceDoc);
        scores[doc] = 0.1;
      }
    }
  }
  return { scores, hits, imported, thirdPartyPackages: [...thirdParty], tracebackCount: parsed.tracebacks.length, ...(outermost !== undefined ? { outermost } : {}) };
}
