import type { ParsedIssue, TracebackFrame } from "../../issue/index.js";
import { mapFrameToRepo } from "../../issue/index.js";
import type { SourceIndex } from "../source-index.js";
import type { ModuleIndex } from "./module-index.js";

export interface TraceHit {
  /** 1-based rank from the innermost frame that maps into the repository. */
  rank: number;
  frame: TracebackFrame;
  /** With ranks counted per traceback: which of the issue's tracebacks with project frames (1-based), and how many. */
  traceback?: { ordinal: number; of: number };
}

export interface StackTraceOptions {
  /**
   * Count ranks within each traceback and keep a file's best (BLIA flattens the issue's tracebacks into one list,
   * innermost frame of the last one first). Several tracebacks are separate observations of where an error
   * surfaced: a chained exception prints the original first, and a report pasting two runs has two innermost frames.
   */
  perTraceback?: boolean;
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
}

/**
 * Stack-trace score of BLIA (after BRTracer, PAPER §2.3): the traceback's files ordered from the innermost
 * frame (Python prints it last, so the order is reversed); rank r ≤ 10 scores 1/r, later ranks 0.1; files
 * imported by trace files and not in the trace score 0.1. Only frames that map into the repository count;
 * installed copies (`site-packages/<pkg>/…`) are mapped back to the repository's own package.
 */
export function stackTraceSignal(index: SourceIndex, parsed: ParsedIssue, modules: ModuleIndex, options: StackTraceOptions = {}): StackTraceSignal {
  const scores = new Float64Array(index.size);
  const hits = new Map<number, TraceHit>();
  const imported = new Map<number, number>();
  const thirdParty = new Set<string>();
  const repoPaths = index.pathToDoc as ReadonlyMap<string, number>;
  // Each traceback's files that map into the repository, innermost first, each once.
  const traces = (options.perTraceback ? parsed.tracebacks.map((t) => t.frames) : [parsed.tracebacks.flatMap((t) => t.frames)]).map((frames) => {
    const files: Array<{ doc: number; frame: TracebackFrame }> = [];
    const seen = new Set<number>();
    for (const frame of [...frames].reverse()) {
      const mapped = mapFrameToRepo(frame.file, index.repoPaths);
      if (mapped.thirdParty && mapped.package) thirdParty.add(mapped.package);
      const doc = mapped.repoPath ? repoPaths.get(mapped.repoPath) : undefined;
      if (doc === undefined || seen.has(doc)) continue;
      seen.add(doc);
      files.push({ doc, frame });
    }
    return files;
  }).filter((files) => files.length > 0);
  traces.forEach((files, t) => {
    files.forEach(({ doc, frame }, i) => {
      const rank = i + 1;
      const known = hits.get(doc);
      if (known && known.rank <= rank) return;
      hits.set(doc, { rank, frame, ...(traces.length > 1 ? { traceback: { ordinal: t + 1, of: traces.length } } : {}) });
      scores[doc] = rank <= 10 ? 1 / rank : 0.1;
    });
  });
  for (const traceDoc of hits.keys()) {
    for (const name of index.docs[traceDoc]!.structure?.imports ?? []) {
      for (const doc of modules.resolve(name)) {
        if (hits.has(doc) || imported.has(doc)) continue;
        imported.set(doc, traceDoc);
        scores[doc] = 0.1;
      }
    }
  }
  return { scores, hits, imported, thirdPartyPackages: [...thirdParty] };
}
