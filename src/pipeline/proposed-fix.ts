/**
 * A change the reporter proposes to a line of this repository's code: they copy the line and say what it should be
 * ("`x = LIB.mpi_threads_supported()` should be `x = LIB.horovod_mpi_threads_supported()`", or a pasted diff). The
 * reporter has then found the bug in the code: whatever the report says of symbols, builds or libraries, it is not
 * "probably outside this repository", and asking for their versions would ask for what no one needs.
 */

import { asQuotedLine } from "../issue/index.js";
import { normalizeText } from "../issue/text.js";
import type { QuotedLineHolders } from "./quoted-lines.js";
import type { Classification } from "../types.js";

/** Words that propose a replacement: "should be", "change it to", "replace with", "instead of", "needs to be". */
const PROPOSAL =
  /\bshould (?:be|read|become|say)\b|\bchang(?:e|ed|ing)\s+(?:it\s+|this\s+|that\s+|the line\s+)?(?:to|into)\b|\breplac(?:e|ed|ing)\s+(?:it\s+|this\s+|that\s+)?(?:with|by)\b|\binstead of\b|\bneeds? to be\b|\bfix(?:ed)? (?:it |this )?by\b/i;

/** A line that leads into the one to change: "we should change", "Replace:". */
const LEADS_TO_CHANGE = /\b(?:chang|replac)(?:e|ing)\s*:?\s*$/i;

/**
 * How many lines after the copied one the proposal may come (the replacement line itself, then its words); it may
 * also be on the line before ("change\n<line>\nto\n<line>", "<new line>\ninstead of\n<line>").
 */
const PROPOSAL_REACH = 3;

/** Most files a copied line may be in and still name the place: a line ten files share names none of them. */
const MAX_HOLDERS = 2;

/** The line of this repository's code the report proposes to change, at this commit; undefined when none. */
export function proposedFixInProject(body: string, holders: QuotedLineHolders): Classification["proposedFix"] {
  if (holders.size === 0) return undefined;
  const lines = normalizeText(body).split("\n");
  for (let i = 0; i < lines.length; i++) {
    const quoted = asQuotedLine(lines[i]!);
    const held = quoted === undefined ? undefined : holders.get(quoted);
    if (!held || held.length > MAX_HOLDERS) continue;
    const after = lines.slice(i + 1, i + 1 + PROPOSAL_REACH);
    // A diff's removed line followed by an added one, or the line followed (or ended) by words that propose.
    const diff = /^\s*-/.test(lines[i]!) && after.some((l) => /^\s*\+/.test(l));
    if (diff || LEADS_TO_CHANGE.test(lines[i - 1] ?? "") || PROPOSAL.test([lines[i - 1] ?? "", lines[i], ...after].join("\n"))) {
      const { path, line } = held[0]!;
      return { path, line };
    }
  }
  return undefined;
}
