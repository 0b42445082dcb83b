/**
 * Where the repository holds the lines an issue copies from its code (ParsedIssue.quotedLines): read off the
 * snapshot's texts for one issue, after ranking. Used to link a ranked file at the line the reporter copied, and to
 * recognise a change the reporter proposes to it (proposed-fix.ts). Not a ranking feature: as one (each line weighted
 * by how few files share it) it measured MAP 0.627 → 0.624 on the dev benchmark and cost a hash of every line of
 * every indexed file.
 */

import { normalizeSourceLine } from "../issue/index.js";
import { MIN_QUOTED_LINE_CHARS } from "../issue/source-lines.js";
import type { RankedFile, SourceFile } from "../types.js";

/** A file holding a quoted line, and the (1-based) line where it first does. */
export interface QuotedLineHolder {
  path: string;
  line: number;
}

/** Per quoted line found, the files holding it. Lines no file holds are absent. */
export type QuotedLineHolders = Map<string, QuotedLineHolder[]>;

export function findQuotedLines(files: readonly SourceFile[], quoted: readonly string[]): QuotedLineHolders {
  const holders: QuotedLineHolders = new Map();
  if (quoted.length === 0) return holders;
  const wanted = new Set(quoted);
  // A file can hold a line only if it holds the line's longest name: a native substring search skips the others.
  const keys = [...new Set(quoted.map(longestName))];
  for (const file of files) {
    if (!keys.some((key) => file.text.includes(key))) continue;
    const seen = new Set<string>();
    const lines = file.text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!;
      if (raw.length < MIN_QUOTED_LINE_CHARS) continue;
      const line = normalizeSourceLine(raw);
      if (!wanted.has(line) || seen.has(line)) continue;
      seen.add(line);
      let list = holders.get(line);
      if (!list) holders.set(line, (list = []));
      list.push({ path: file.path, line: i + 1 });
    }
  }
  return holders;
}

function longestName(line: string): string {
  return (line.match(/[A-Za-z_]\w*/g) ?? [line]).reduce((a, b) => (b.length > a.length ? b : a), "");
}

/** Most files a quoted line may be in and still say something of each: a line ten files share is an idiom. */
const MAX_EVIDENCE_HOLDERS = 3;
/**
 * Shortest line shown as evidence: `data = list(range(100))` or `boxes = torch.tensor([[` in a reporter's script
 * match a test or two by chance. (A proposed fix's line is shown whatever its length: the report points at it.)
 */
const MIN_EVIDENCE_CHARS = 25;

/**
 * Each ranked file that holds a line the issue copies gets it as evidence, at its line (the one the issue proposes to
 * change, else the rarest): the reader is sent to the statement the reporter pointed at, not to the definition
 * around it.
 */
export function withQuotedLineEvidence(ranked: readonly RankedFile[], holders: QuotedLineHolders, proposed?: { path: string; line: number }): RankedFile[] {
  if (holders.size === 0) return [...ranked];
  const best = new Map<string, { text: string; line: number; shared: number; proposed?: true }>();
  for (const [text, list] of holders) {
    if (list.length > MAX_EVIDENCE_HOLDERS || text.length < MIN_EVIDENCE_CHARS) continue;
    for (const { path, line } of list) {
      const known = best.get(path);
      if (!known || list.length < known.shared) best.set(path, { text, line, shared: list.length });
    }
  }
  // The line the report proposes to change is the one to show in its file, whatever else the file holds.
  if (proposed) {
    for (const [text, list] of holders) {
      if (list.some((h) => h.path === proposed.path && h.line === proposed.line)) best.set(proposed.path, { text, line: proposed.line, shared: 0, proposed: true });
    }
  }
  return ranked.map((file) => {
    const quote = best.get(file.path);
    if (!quote) return file;
    const detail = quote.proposed ? `${codeQuote(quote.text)}, which the issue proposes to change` : codeQuote(quote.text);
    return { ...file, evidence: [...file.evidence, { kind: "quoted-line" as const, detail, line: quote.line }] };
  });
}

/** A line as an inline code span; one holding a backtick is fenced with two (CommonMark), with spaces inside. */
function codeQuote(line: string): string {
  const text = line.length > 100 ? `${line.slice(0, 99)}…` : line;
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}
