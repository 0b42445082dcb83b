/** Turns an issue's title and body into the evidence the localizers use. */
import type { ParsedIssue } from "./types.js";
import { normalizeText, stripQuoteMarkers } from "./text.js";
import { findInlineCode, splitMarkdown } from "./markdown.js";
import { locateTracebacks } from "./tracebacks.js";
import { parseImportLine } from "./imports.js";
import { collectExceptionMessages } from "./exception-messages.js";
import { quotedSourceLines } from "./source-lines.js";
import { codeWordsInProse, collectApiNames, collectIdentifiers, collectMentionedPaths, type EvidenceParts } from "./code-evidence.js";

export function parseIssue(title: string, body: string): ParsedIssue {
  const cleanTitle = normalizeText(title ?? "").replace(/\s+/g, " ").trim();
  const text = normalizeText(body ?? "");
  const lines = text.split("\n");

  // 1. Code blocks and tracebacks, by line.
  const { codeBlocks, isCode } = splitMarkdown(lines);
  const located = locateTracebacks(lines);
  const inTraceback = new Uint8Array(lines.length);
  for (const tb of located) inTraceback.fill(1, tb.firstLine, tb.lastLine + 1);

  // 2. Prose is what is left; inline code lives in it.
  const proseLines: string[] = [];
  for (let i = 0; i < lines.length; i++) if (!isCode[i] && !inTraceback[i]) proseLines.push(lines[i]!);
  const prose = proseLines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
  const inlineCode = findInlineCode(prose);

  // 3. Code lines outside tracebacks, and the code printed inside traceback frames.
  const codeLines: string[] = [];
  for (const block of codeBlocks) {
    for (let k = block.firstLine; k <= block.lastLine; k++) if (!inTraceback[k]) codeLines.push(stripQuoteMarkers(lines[k]!));
  }
  const tracebacks = located.map(({ frames, exceptionType, message }) => {
    const tb: ParsedIssue["tracebacks"][number] = { frames };
    if (exceptionType !== undefined) tb.exceptionType = exceptionType;
    if (message !== undefined) tb.message = message;
    return tb;
  });
  const tracebackCode = tracebacks.flatMap((tb) => tb.frames.flatMap((f) => (f.code ? [f.code] : [])));

  const parts: EvidenceParts = { title: cleanTitle, prose, inlineCode, codeLines, tracebackCode };
  const mentioned = collectMentionedPaths(parts);
  return {
    title: title ?? "",
    body: body ?? "",
    prose,
    codeBlocks: codeBlocks.map((b) => b.text),
    inlineCode,
    tracebacks,
    exceptionMessages: collectExceptionMessages(tracebacks, [cleanTitle, ...proseLines, ...codeLines]),
    apiNames: collectApiNames(parts),
    identifiers: collectIdentifiers(parts),
    mentionedPaths: mentioned.paths,
    mentionedLines: mentioned.lines,
    // Import lines pasted without a fence are the reporter's imports too (pytorch/ignite#782's unfenced
    // `from torch.utils.data import DataLoader`); the fenced code's come last, and a later binding wins.
    importBindings: collectImportBindings([...proseLines, ...codeLines]),
    frameOnlyNames: collectFrameOnlyNames(parts, tracebacks),
    quotedLines: quotedSourceLines([...lines.filter((_, i) => !inTraceback[i]).map(stripQuoteMarkers), ...inlineCode]),
  };
}

/** Per frame with a printed code line, the names only that line gives (see ParsedIssue.frameOnlyNames). */
function collectFrameOnlyNames(parts: EvidenceParts, tracebacks: ParsedIssue["tracebacks"]): ParsedIssue["frameOnlyNames"] {
  const frames = tracebacks.flatMap((tb) => tb.frames).filter((f) => f.code);
  if (frames.length === 0) return [];
  const namesOf = (p: EvidenceParts): string[] => [...collectIdentifiers(p), ...collectApiNames(p)];
  // Everywhere else the issue writes a name: its code and inline code, the code words of its title and prose, and
  // each part of a dotted name (`forward` of `BertModel.forward`).
  const others = [...namesOf({ ...parts, tracebackCode: [] }), ...codeWordsInProse(parts.title, parts.prose)];
  const elsewhere = new Set([...others, ...others.flatMap((n) => n.split("."))]);
  const out: ParsedIssue["frameOnlyNames"] = [];
  const seen = new Set<string>();
  for (const frame of frames) {
    // A frame printed again (a recursion, the same trace pasted twice) gives the same names.
    const key = `${frame.file}\n${frame.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const names = namesOf({ title: "", prose: "", inlineCode: [], codeLines: [], tracebackCode: [frame.code!] }).filter((n) => !elsewhere.has(n));
    if (names.length > 0) out.push({ file: frame.file, names: [...new Set(names)] });
  }
  return out;
}

/** The bindings of every import line of the issue's code; a later import of a name wins, as in Python. */
function collectImportBindings(codeLines: readonly string[]): Record<string, string> {
  const bound = new Map<string, string>();
  for (const line of codeLines) for (const [name, module] of parseImportLine(line)?.bindings ?? []) bound.set(name, module);
  return Object.fromEntries(bound);
}

