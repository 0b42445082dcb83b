/**
 * A change the reporter proposes to a line of this repository's code: they copy the line and say what it should be
 * ("`x = LIB.mpi_threads_supported()` should be `x = LIB.horovod_mpi_threads_supported()`", or a pasted diff). The
 * reporter has then found the bug in the code: whatever the report says of symbols, builds or libraries, it is not
 * "probably outside this repository", and asking for their versions would ask for what no one needs.
 */

import { asQuotedLine } from "../issue/index.js";
import { normalizeText, stripQuoteMarkers } from "../issue/text.js";
import type { QuotedLineHolders } from "./quoted-lines.js";
import type { Classification } from "../types.js";

/** Words that propose a replacement: "should be", "change it to", "replace with", "instead of", "needs to be". */
const PROPOSAL =
  /\bshould (?:be|read|become|say)\b|\bchang(?:e|ed|ing)\s+(?:it\s+|this\s+|that\s+|the line\s+)?(?:to|into)\b|\breplac(?:e|ed|ing)\s+(?:it\s+|this\s+|that\s+)?(?:with|by)\b|\binstead of\b|\bneeds? to be\b|\bfix(?:ed)? (?:it |this )?by\b/i;

/** A line that leads into the one to change: "we should change", "Replace:", "Replace this:". */
const LEADS_TO_CHANGE = /\b(?:chang|replac)(?:e|ing)(?:\s+(?:this|that|it|the line|these lines|the code))?\s*:?\s*$/i;
/** "# after", "After:": the second of a before/after pair, the first of which is the copied code. */
const AFTER_LABEL = /^[ \t]*(?:#|\/\/)?[ \t]*(?:\*\*)?after(?:\*\*)?[ \t]*:?[ \t]*$/im;
/**
 * "One can not overwrite it by replacing", "I couldn't fix it by changing", "replacing ... doesn't work": a change the
 * reporter tried, or says cannot be made, is no proposal. Said of a person or of the change, not of the code ("slicing
 * cannot be applied to a 0-dim tensor" describes the bug).
 */
const NEGATED = /\b(?:I|we|you|one)\s+(?:can(?:no|')t|can not|could(?:n't| not)|(?:am|are|was|were) unable to|tried)\b|\b(?:doesn't|does not|didn't|did not) (?:work|help)\b/i;
/** ... and what stands between that line and its replacement then: "to", "with", "by". */
const LEADS_TO_REPLACEMENT = /^\s*(?:to|into|with|by)\b/i;

/** How many lines may stand between the copied code and its replacement ("should be", a sentence, fences). */
const PROPOSAL_REACH = 6;

/** Longest replacement read after copied code. */
const MAX_REPLACEMENT_LINES = 20;

/** Most files a copied line may be in and still name the place: a line ten files share names none of them. */
const MAX_HOLDERS = 2;

/** A line that only frames code: blank, a fence. */
const FRAMING = /^\s*(?:`{3,}\w*|~{3,}\w*)?\s*$/;

/**
 * The line of this repository's code the report proposes to change, at this commit; undefined when none. A proposal
 * is copied code the repository holds (a line, or a block of them), then within a few lines its replacement, code the
 * repository does not hold that rewrites one of the copied lines (keeps half its names), with a diff's `-`/`+` or
 * words that propose between them ("should be", "change ... to", "instead of"); or the same in one sentence of
 * inline code. The line returned is the copied line the replacement rewrites. A reporter's own script that merely
 * resembles the project's code, with "this should be called" in a print, is no proposal: nothing in it rewrites the
 * copied line.
 */
export function proposedFixInProject(body: string, holders: QuotedLineHolders): Classification["proposedFix"] {
  if (holders.size === 0) return undefined;
  const heldAt = (raw: string) => {
    const line = asQuotedLine(raw);
    const held = line === undefined ? undefined : holders.get(line);
    return line !== undefined && held ? { line, held } : undefined;
  };
  const lines = normalizeText(body).split("\n").map(stripQuoteMarkers);
  for (let i = 0; i < lines.length; i++) {
    const inline = inlineProposal(lines[i]!, heldAt, holders);
    if (inline) return inline;
    if (!heldAt(lines[i]!)) continue;
    // The copied block: held lines, and the blank lines and fences among them.
    const copied: { line: string; held: { path: string; line: number }[]; raw: string }[] = [];
    let end = i;
    for (; end < lines.length; end++) {
      const here = heldAt(lines[end]!);
      if (here) copied.push({ ...here, raw: lines[end]! });
      else if (!FRAMING.test(lines[end]!)) break;
    }
    // Its replacement: the next code line within reach, and the code lines around it up to a line of prose.
    let start = end;
    while (start < Math.min(lines.length, end + PROPOSAL_REACH) && asQuotedLine(lines[start]!) === undefined) start++;
    const between = lines.slice(end, start).join("\n");
    const replacement: string[] = [];
    // Bounded: a replacement is a few lines, and a long paste of code must not be walked again for every copied line.
    for (let k = start; k < Math.min(lines.length, start + MAX_REPLACEMENT_LINES) && (asQuotedLine(lines[k]!) !== undefined || FRAMING.test(lines[k]!)); k++) replacement.push(lines[k]!);
    const diff = copied.every((c) => /^\s*-/.test(c.raw)) && replacement.some((r) => /^\s*\+/.test(r));
    const worded =
      (PROPOSAL.test(between) || AFTER_LABEL.test(between) || (LEADS_TO_CHANGE.test(lines[i - 1] ?? "") && LEADS_TO_REPLACEMENT.test(between))) &&
      !NEGATED.test(`${lines[i - 1] ?? ""}\n${between}`);
    if (diff || worded) {
      const target = rewrittenLine(copied, replacement, holders);
      if (target) return target;
    }
    i = end - 1; // the block is read; go on after it
  }
  return undefined;
}

/** The copied line that a new line of the replacement rewrites most closely, where the repository holds it. */
function rewrittenLine(
  copied: readonly { line: string; held: readonly { path: string; line: number }[] }[],
  replacement: readonly string[],
  holders: QuotedLineHolders,
): Classification["proposedFix"] {
  let best: { kept: number; at: { path: string; line: number } } | undefined;
  for (const raw of replacement) {
    const line = asQuotedLine(raw);
    if (line === undefined || holders.has(line)) continue; // a line the repository holds is no change
    for (const c of copied) {
      const kept = keptNames(c.line, line);
      if (c.held.length <= MAX_HOLDERS && kept !== undefined && (!best || kept > best.kept)) best = { kept, at: c.held[0]! };
    }
  }
  return best ? { path: best.at.path, line: best.at.line } : undefined;
}

/** "`x = f(a)` should be `x = f(b)`": two inline code spans of one sentence, the first held, the second its rewrite. */
function inlineProposal(
  line: string,
  heldAt: (raw: string) => { line: string; held: { path: string; line: number }[] } | undefined,
  holders: QuotedLineHolders,
): Classification["proposedFix"] {
  const spans = [...line.matchAll(/`([^`\n]+)`/g)];
  for (let k = 0; k + 1 < spans.length; k++) {
    const copied = heldAt(spans[k]![1]!);
    const replacement = asQuotedLine(spans[k + 1]![1]!);
    if (!copied || copied.held.length > MAX_HOLDERS || replacement === undefined || holders.has(replacement) || keptNames(copied.line, replacement) === undefined) continue;
    const between = line.slice(spans[k]!.index! + spans[k]![0].length, spans[k + 1]!.index);
    if (PROPOSAL.test(between)) return { path: copied.held[0]!.path, line: copied.held[0]!.line };
  }
  return undefined;
}

/**
 * How much of the copied line a replacement keeps, when it rewrites it: another line that keeps at least half of the
 * copied line's names (the share kept); undefined otherwise.
 */
function keptNames(copied: string, replacement: string): number | undefined {
  if (copied === replacement) return undefined;
  const names = new Set(copied.match(/[A-Za-z_]\w*/g) ?? []);
  const kept = new Set((replacement.match(/[A-Za-z_]\w*/g) ?? []).filter((n) => names.has(n)));
  return names.size > 0 && kept.size >= names.size / 2 ? kept.size / names.size : undefined;
}
