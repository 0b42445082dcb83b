/**
 * A change the reporter proposes to a line of this repository's code: they copy the line and say what it should be
 * ("`x = LIB.mpi_threads_supported()` should be `x = LIB.horovod_mpi_threads_supported()`", or a pasted diff). The
 * reporter has then found the bug in the code: whatever the report says of symbols, builds or libraries, it is not
 * "probably outside this repository", and asking for their versions would ask for what no one needs.
 */

import { asQuotedLine } from "../issue/index.js";
import { normalizeText, stripQuoteMarkers } from "../issue/text.js";
import type { QuotedLineHolder, QuotedLineHolders } from "./quoted-lines.js";
import type { Classification } from "../types.js";

/** Words that propose a replacement: "should be", "change it to", "replace with", "instead of", "needs to be". */
const PROPOSAL =
  /\bshould (?:be|read|become|say)\b|\bchang(?:e|ed|ing)\s+(?:it\s+|this\s+|that\s+|the line\s+)?(?:to|into)\b|\breplac(?:e|ed|ing)\s+(?:it\s+|this\s+|that\s+)?(?:with|by)\b|\binstead of\b|\bneeds? to be\b|\bfix(?:ed)? (?:it |this )?by\b/i;
/**
 * "With dp instead of ddp it trains fine", "using X instead of Y": the reporter describes the setting they ran, not a
 * change to the code. Such a clause is taken out before the words between copied code and its replacement are read.
 */
const SETTING_INSTEAD = /\b(?:with|using|when using|if (?:I|we|you) use)\s+\S+(?:\s+\S+){0,2}\s+instead of\b/gi;
/** Inline code spans of a sentence that proposes, old one first: "Replace `a` with `b`", "change the line `a` to `b`". */
const INLINE_OLD_FIRST = { before: /\b(?:replac|chang)(?:e|ed|ing)(?:\s+(?:the|this|that)\s+line)?\s*$/i, between: /^\s*(?:with|by|to|into)\s*$/i };
/** ... and new one first: "use `b` instead of `a`", "`b` should be used instead of `a`". */
const INLINE_NEW_FIRST = /^\s*(?:(?:should|must|could|can) be used\s+)?instead of\s*$/i;
/** A sentence that tells of the setting run with the first span ("with `b` instead of `a` it trains fine")... */
const SETTING_LEAD = /\b(?:with|using|when using|if (?:I|we|you) use)\s*$/i;
/** ... unless it says the change fixes the bug ("using `b` instead of `a` fixes it"). */
const FIXES = /\b(?:fix(?:es|ed)?|solv(?:es|ed)|resolv(?:es|ed))\b/i;
/**
 * What follows a change the reporter made and says failed: "If I change `a` to `b`, it segfaults", "replacing `a`
 * with `b` gives the same error".
 */
const FAILED_OUTCOME =
  /\b(?:same (?:error|problem|issue|result)|still (?:fails?|crash\w*|errors?|hangs?|breaks?)|segfaults?|crash(?:es|ed)?|fails?|(?:doesn't|does not|didn't|did not) (?:work|help)|no (?:effect|luck|difference))\b/i;
/** Longest line read for inline proposals, and most code spans read on it: a longer line is a paste, not a sentence. */
const MAX_INLINE_LINE_CHARS = 4000;
const MAX_INLINE_SPANS = 40;

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

/** A diff's removed and added lines. */
const REMOVED = /^\s*-(?!-)/;
const ADDED = /^\s*\+(?!\+)/;

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
  const heldAt = (raw: string): CopiedLine | undefined => {
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
    const copied: (CopiedLine & { raw: string })[] = [];
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
    // A diff: removed lines (context lines, which start with a space, may stand among them) and added ones after.
    const diff = copied.some((c) => REMOVED.test(c.raw)) && copied.every((c) => REMOVED.test(c.raw) || /^ /.test(c.raw)) && replacement.some((r) => ADDED.test(r));
    const worded =
      (PROPOSAL.test(between.replace(SETTING_INSTEAD, " ")) || AFTER_LABEL.test(between) || (LEADS_TO_CHANGE.test(lines[i - 1] ?? "") && LEADS_TO_REPLACEMENT.test(between))) &&
      !NEGATED.test(`${lines[i - 1] ?? ""}\n${between}`);
    if (diff || worded) {
      // In a diff only the removed lines change; the context lines around them stay.
      const changed = diff ? copied.filter((c) => REMOVED.test(c.raw)) : copied;
      const target = rewrittenLine(changed, copied, replacement, holders);
      if (target) return target;
    }
    i = end - 1; // the block is read; go on after it
  }
  return undefined;
}

/** A copied line of the report and the files that hold it. */
interface CopiedLine {
  line: string;
  held: readonly QuotedLineHolder[];
}

/**
 * The copied line that a new line of the replacement rewrites most closely (among `changed`), where the repository
 * holds it: at its occurrence among the rest of the copied block (`block`), so that a line a test repeats elsewhere,
 * or that another file shares, is named where the reporter copied it from.
 */
function rewrittenLine(changed: readonly CopiedLine[], block: readonly CopiedLine[], replacement: readonly string[], holders: QuotedLineHolders): Classification["proposedFix"] {
  let best: { kept: number; copied: CopiedLine } | undefined;
  for (const raw of replacement) {
    const line = asQuotedLine(raw);
    if (line === undefined || holders.has(line)) continue; // a line the repository holds is no change
    for (const c of changed) {
      const kept = keptNames(c.line, line);
      if (c.held.length <= MAX_HOLDERS && kept !== undefined && (!best || kept > best.kept)) best = { kept, copied: c };
    }
  }
  return best ? placeInBlock(best.copied, block) : undefined;
}

/** How far (in lines) the other copied lines may stand from an occurrence and still be its block's. */
const BLOCK_REACH = 10;

/**
 * The occurrence of a copied line that has the most of the block's other copied lines near it in the same file, the
 * closest of those when several have as many; the first occurrence when none has.
 */
function placeInBlock(copied: CopiedLine, block: readonly CopiedLine[]): { path: string; line: number } {
  let best = { path: copied.held[0]!.path, line: copied.held[0]!.line, near: 0, distance: 0 };
  for (const holder of copied.held) {
    const others = block.filter((b) => b !== copied).map((b) => b.held.find((h) => h.path === holder.path)?.lines ?? []);
    for (const at of holder.lines) {
      const gaps = others.map((lines) => Math.min(...lines.map((l) => Math.abs(l - at)))).filter((gap) => gap <= BLOCK_REACH);
      const distance = gaps.reduce((a, b) => a + b, 0);
      if (gaps.length > best.near || (gaps.length === best.near && gaps.length > 0 && distance < best.distance)) best = { path: holder.path, line: at, near: gaps.length, distance };
    }
  }
  return { path: best.path, line: best.line };
}

/**
 * Two inline code spans of one sentence, the first held and the second its rewrite ("`x = f(a)` should be
 * `x = f(b)`", "replace `x = f(a)` with `x = f(b)`"), or the rewrite first ("use `x = f(b)` instead of `x = f(a)`").
 * Not a change the reporter says failed or could not make, nor the setting they ran. Each stretch of text between
 * spans is read a bounded number of times: the line may be a long paste.
 */
function inlineProposal(line: string, heldAt: (raw: string) => CopiedLine | undefined, holders: QuotedLineHolders): Classification["proposedFix"] {
  if (line.length > MAX_INLINE_LINE_CHARS || !line.includes("`")) return undefined;
  const spans = [...line.matchAll(/`([^`\n]+)`/g)].slice(0, MAX_INLINE_SPANS);
  const end = (k: number) => spans[k]!.index! + spans[k]![0].length;
  for (let k = 0; k + 1 < spans.length; k++) {
    const first = spans[k]!;
    const second = spans[k + 1]!;
    // The sentence around the pair: from the last sentence end before the first span to the first after the second.
    const lead = lastSentence(line.slice(k === 0 ? 0 : end(k - 1), first.index));
    const between = line.slice(end(k), second.index);
    const after = firstSentence(line.slice(end(k + 1), k + 2 < spans.length ? spans[k + 2]!.index : line.length));
    const newFirst = INLINE_NEW_FIRST.test(between);
    const oldFirst = !newFirst && (PROPOSAL.test(between) || (INLINE_OLD_FIRST.before.test(lead) && INLINE_OLD_FIRST.between.test(between)));
    if (!oldFirst && !newFirst) continue;
    if (NEGATED.test(`${lead}${between}`) || FAILED_OUTCOME.test(after) || (SETTING_LEAD.test(lead) && !FIXES.test(after))) continue;
    const [copiedSpan, replacementSpan] = newFirst ? [second, first] : [first, second];
    const copied = heldAt(copiedSpan[1]!);
    const replacement = asQuotedLine(replacementSpan[1]!);
    if (!copied || copied.held.length > MAX_HOLDERS || replacement === undefined || holders.has(replacement) || keptNames(copied.line, replacement) === undefined) continue;
    return { path: copied.held[0]!.path, line: copied.held[0]!.line };
  }
  return undefined;
}

/** The text after its last sentence end ("It fails. Replace" -> " Replace"). */
function lastSentence(text: string): string {
  const stop = Math.max(text.lastIndexOf(". "), text.lastIndexOf("! "), text.lastIndexOf("? "));
  return stop === -1 ? text : text.slice(stop + 2);
}

/** The text up to its first sentence end. */
function firstSentence(text: string): string {
  const stop = text.search(/[.!?](?:\s|$)/);
  return stop === -1 ? text : text.slice(0, stop);
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
