import type { ExceptionMessage } from "../../issue/index.js";
import { scoreBm25, BM25_DEFAULTS } from "../scoring.js";
import type { SourceIndex } from "../source-index.js";

export interface MessageMatch {
  scores: Float64Array;
  /** The string literal or raise site that matched best, per file. */
  sites: Map<number, { text: string; line: number }>;
}

/** Words of a message, without the values that change from run to run (numbers, shapes, paths, quotes). */
function messageWords(message: string): string[] {
  return message
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|'[^']*'|"[^"]*"|\S*[/\\]\S*|\d+(\.\d+)?/g, " ")
    .split(/[^a-z_]+/)
    .filter((w) => w.length >= 3);
}

/**
 * Error messages from the issue matched against the files' string literals, where error messages are
 * written: BM25 over the strings field with the messages as the query, plus the literal that shares the
 * most words with a message (a raise site or a logged error), kept for evidence.
 */
export function messageMatches(index: SourceIndex, messages: readonly ExceptionMessage[]): MessageMatch {
  const text = messages.map((m) => m.message).join("\n");
  const scores = text.trim() ? scoreBm25(index.field("strings"), index.query(text), BM25_DEFAULTS) : new Float64Array(index.size);
  const sites = new Map<number, { text: string; line: number }>();
  const wanted = messages.map((m) => new Set(messageWords(m.message))).filter((s) => s.size >= 2);
  if (wanted.length === 0) return { scores, sites };
  for (let d = 0; d < index.size; d++) {
    if (!(scores[d]! > 0)) continue;
    let best: { text: string; line: number; shared: number } | undefined;
    for (const lit of index.docs[d]!.structure?.strings ?? []) {
      const words = messageWords(lit.text);
      if (words.length < 2) continue;
      for (const w of wanted) {
        let shared = 0;
        for (const x of words) if (w.has(x)) shared++;
        // At least two words and most of the literal: a template such as "expected {} got {}" counts. And half of the
        // message's own words: three common ones ("number", "between", "got") shared with a long message are
        // another error's text, not the one the reporter saw. (Counted last: few literals get that far.)
        if (shared >= 2 && shared >= 0.6 * words.length && (!best || shared > best.shared) && coveredWords(words, w) >= 0.5 * w.size) {
          best = { text: lit.text, line: lit.line, shared };
        }
      }
    }
    if (best) {
      sites.set(d, { text: best.text, line: best.line });
      scores[d]! *= 2; // an exact template match is stronger than shared vocabulary
    }
  }
  return { scores, sites };
}

/** How many of the message's words the literal holds (each counted once). */
function coveredWords(literal: readonly string[], message: ReadonlySet<string>): number {
  return new Set(literal.filter((x) => message.has(x))).size;
}

