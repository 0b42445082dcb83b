/**
 * Turning a file's evidence into words: the one-line reason shown next to each ranked file (the strongest
 * piece of evidence) and the line a link should jump to.
 */
import type { Evidence, RankedFile } from "../types.js";
import { escapeMarkdownKeepingCode, truncateText } from "./escape-markdown.js";

/** Most telling first: a traceback frame beats a matched word. */
const KIND_ORDER: Evidence["kind"][] = [
  "traceback",
  "error-location",
  "message",
  "quoted-line",
  "feedback",
  "identifier",
  "path",
  "similar-issue",
  "structure",
  "import",
  "paired-test",
  "tested-name",
  "commit",
  "terms",
  // Last: how often the file was fixed says nothing of this report; the words it matched say more.
  "fix-count",
];

const KIND_WORDS: Record<Evidence["kind"], string> = {
  traceback: "in the traceback",
  "error-location": "in the error output",
  message: "error message",
  "quoted-line": "holds code the issue shows",
  identifier: "identifiers",
  path: "named in the issue",
  "similar-issue": "similar past issue",
  commit: "history",
  import: "imported by a traceback file",
  feedback: "maintainer feedback",
  structure: "class and method names",
  terms: "matched words",
  "fix-count": "history",
  "paired-test": "test/module pair of",
  "tested-name": "tests what the issue names",
};

/** Longest evidence text shown on one line, in characters. */
export const MAX_EVIDENCE_CHARS = 160;

export function kindWords(kind: Evidence["kind"]): string {
  return KIND_WORDS[kind] ?? kind;
}

/** The file's evidence, strongest first (stable within a kind). */
export function sortEvidence(evidence: readonly Evidence[]): Evidence[] {
  // A line of this file the reporter cites ("trainer.py:120") is where they sent the reader: first, so that the
  // reason shown and the line linked are the same; after a traceback frame, which says more of the same place (a
  // frame with a line: one without says nothing of the place, and the link would then skip the cited line for a
  // matched definition's).
  const framed = evidence.some((e) => (e.kind === "traceback" || e.kind === "error-location") && hasLine(e));
  const rank = (e: Evidence) => {
    if (e.kind === "path" && hasLine(e) && !framed) return -1;
    const index = KIND_ORDER.indexOf(e.kind);
    return index === -1 ? KIND_ORDER.length : index;
  };
  return evidence.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map(({ e }) => e);
}

/**
 * The line a link to the file should jump to: that of the strongest evidence that names one, so the line linked is
 * the one the file's reason names; a line the reporter cites in the file comes first (sortEvidence).
 */
export function anchorLine(file: RankedFile): number | undefined {
  return anchorRange(file)?.line;
}

/** As {@link anchorLine}, with the last line of the range that evidence names (a copied block), when it has one. */
export function anchorRange(file: RankedFile): { line: number; endLine?: number } | undefined {
  const best = anchorEvidence(sortEvidence(file.evidence));
  if (!best) return undefined;
  return best.endLine !== undefined && best.endLine > best.line! ? { line: best.line!, endLine: best.endLine } : { line: best.line! };
}

/** The evidence whose line a link jumps to, among evidence sorted strongest first. */
function anchorEvidence(sorted: readonly Evidence[]): Evidence | undefined {
  // A traceback frame or error line shown as the reason, without a line at this commit (the printed code is not
  // here): a link to another evidence's line would read as the frame's.
  if (sorted[0] && (sorted[0].kind === "traceback" || sorted[0].kind === "error-location") && !hasLine(sorted[0])) return undefined;
  return sorted.find(hasLine);
}

function hasLine(e: Evidence): boolean {
  return e.line !== undefined && Number.isInteger(e.line) && e.line > 0;
}

/** One piece of evidence as escaped markdown: "in the traceback (line 57): …". */
export function evidenceLine(evidence: Evidence): string {
  const range = evidence.endLine !== undefined && evidence.endLine > evidence.line! ? `s ${evidence.line}–${evidence.endLine}` : ` ${evidence.line}`;
  const line = hasLine(evidence) ? ` (line${range})` : "";
  return `${kindWords(evidence.kind)}${line}: ${escapeMarkdownKeepingCode(truncateText(evidence.detail, MAX_EVIDENCE_CHARS))}`;
}

/**
 * The one-line reason for a ranked file, or a plain note when it has no evidence. When the reason names no line and
 * the link jumps to another evidence's line, that evidence follows: a link to line 96 under "test/module pair of
 * `ops.py`" alone would leave the reader to guess what line 96 is.
 */
export function fileReason(file: RankedFile): string {
  const sorted = sortEvidence(file.evidence);
  const best = sorted[0];
  if (!best) return "ranked by overall text similarity";
  const anchored = anchorEvidence(sorted);
  return anchored && anchored !== best ? `${evidenceLine(best)}; ${evidenceLine(anchored)}` : evidenceLine(best);
}
