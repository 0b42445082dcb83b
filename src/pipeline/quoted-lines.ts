/**
 * Where the repository holds the lines an issue copies from its code (ParsedIssue.quotedLines): read off the
 * snapshot's texts for one issue, after ranking. Used to link a ranked file at the line the reporter copied, and to
 * recognise a change the reporter proposes to it (proposed-fix.ts). Not a ranking feature: as one (each line weighted
 * by how few files share it) it measured MAP 0.627 → 0.624 on the dev benchmark and cost a hash of every line of
 * every indexed file.
 */

import { normalizeSourceLine } from "../issue/index.js";
import { MAX_RAW_LINE_CHARS, MIN_QUOTED_LINE_CHARS } from "../issue/source-lines.js";
import type { Evidence, RankedFile, SourceFile } from "../types.js";

/** A file holding a quoted line, and the (1-based) line where it first does. */
export interface QuotedLineHolder {
  path: string;
  line: number;
  /** Every line of the file that holds it, in order (`line` is the first); at most a few dozen. */
  lines: number[];
}

/** Per quoted line found, the files holding it. Lines no file holds are absent. */
export type QuotedLineHolders = Map<string, QuotedLineHolder[]>;

/** Occurrences of one line kept per file: enough to find the copied block among a test file's repeated lines. */
const MAX_OCCURRENCES = 50;

export function findQuotedLines(files: readonly SourceFile[], quoted: readonly string[]): QuotedLineHolders {
  const holders: QuotedLineHolders = new Map();
  if (quoted.length === 0) return holders;
  const wanted = new Set(quoted);
  // A file can hold a line only if it holds the line's longest name: a native substring search skips the others.
  const keys = [...new Set(quoted.map(longestName))];
  for (const file of files) {
    const present = keys.filter((key) => file.text.includes(key));
    if (present.length === 0) continue;
    const inFile = new Map<string, QuotedLineHolder>();
    const lines = file.text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!;
      if (raw.length < MIN_QUOTED_LINE_CHARS || raw.length > MAX_RAW_LINE_CHARS) continue;
      // Normalising is the cost: only a line holding one of the names can be a quoted one.
      if (!present.some((key) => raw.includes(key))) continue;
      const line = normalizeSourceLine(raw);
      if (!wanted.has(line)) continue;
      const known = inFile.get(line);
      if (known) {
        if (known.lines.length < MAX_OCCURRENCES) known.lines.push(i + 1);
        continue;
      }
      const holder = { path: file.path, line: i + 1, lines: [i + 1] };
      inFile.set(line, holder);
      let list = holders.get(line);
      if (!list) holders.set(line, (list = []));
      list.push(holder);
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

/** Copied lines at most this far apart in the file belong to one copied block (a blank line or two, a comment). */
const BLOCK_GAP = 3;

/**
 * Each ranked file that holds lines the issue copies gets them as evidence: the line the issue proposes to change,
 * else the copied block (the run of copied lines close together that holds the most of them, a line that occurs
 * several times in the file counted where its neighbours are), linked as a range. The reader is sent to the code the
 * reporter pointed at, not to the definition around it nor to another test that repeats one of its lines.
 */
export function withQuotedLineEvidence(ranked: readonly RankedFile[], holders: QuotedLineHolders, proposed?: { path: string; line: number }): RankedFile[] {
  if (holders.size === 0) return [...ranked];
  // Every copied line a file holds places its block; only a telling one (long enough, in few files) makes it evidence.
  const byFile = new Map<string, Array<{ text: string; line: number; telling: boolean }>>();
  for (const [text, list] of holders) {
    const telling = list.length <= MAX_EVIDENCE_HOLDERS && text.length >= MIN_EVIDENCE_CHARS;
    for (const holder of list) {
      let found = byFile.get(holder.path);
      if (!found) byFile.set(holder.path, (found = []));
      for (const line of holder.lines) found.push({ text, line, telling });
    }
  }
  return ranked.map((file) => {
    let evidence: Evidence | undefined;
    if (proposed?.path === file.path) {
      const text = [...holders].find(([, list]) => list.some((h) => h.path === file.path && h.lines.includes(proposed.line)))?.[0];
      if (text !== undefined) evidence = { kind: "quoted-line", detail: `${codeQuote(text)}, which the issue proposes to change`, line: proposed.line };
    }
    const block = evidence ? undefined : copiedBlock(byFile.get(file.path) ?? []);
    if (block) {
      const more = block.texts.length > 1 ? ` and ${block.texts.length - 1} more line${block.texts.length > 2 ? "s" : ""}` : "";
      evidence = { kind: "quoted-line", detail: `${codeQuote(block.texts[0]!)}${more}`, line: block.start, ...(block.end > block.start ? { endLine: block.end } : {}) };
    }
    return evidence ? { ...file, evidence: [...file.evidence, evidence] } : file;
  });
}

/**
 * The run of copied lines (at most BLOCK_GAP apart) that holds the most distinct copied lines, among the runs with a
 * telling one; the first such run; undefined when no run has one. Its texts start with a telling line.
 */
function copiedBlock(found: ReadonlyArray<{ text: string; line: number; telling: boolean }>): { start: number; end: number; texts: string[] } | undefined {
  const runs: Array<{ start: number; end: number; texts: string[]; telling: string[] }> = [];
  for (const { text, line, telling } of [...found].sort((a, b) => a.line - b.line)) {
    let run = runs[runs.length - 1];
    if (run && line - run.end <= BLOCK_GAP) run.end = line;
    else runs.push((run = { start: line, end: line, texts: [], telling: [] }));
    if (!run.texts.includes(text)) run.texts.push(text);
    if (telling && !run.telling.includes(text)) run.telling.push(text);
  }
  const shown = runs.filter((r) => r.telling.length > 0);
  if (shown.length === 0) return undefined;
  const best = shown.reduce((a, b) => (b.texts.length > a.texts.length ? b : a));
  return { start: best.start, end: best.end, texts: [...best.telling, ...best.texts.filter((t) => !best.telling.includes(t))] };
}

/**
 * A line as an inline code span. One holding backticks is fenced with a run longer than its longest (CommonMark), with
 * spaces inside so that a backtick at either end does not join the fence.
 */
export function codeQuote(line: string): string {
  const text = line.length > 100 ? `${line.slice(0, 99)}…` : line;
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  if (longestRun === 0) return `\`${text}\``;
  const fence = "`".repeat(longestRun + 1);
  return `${fence} ${text} ${fence}`;
}
