/**
 * Text preparation for the issue classifiers: what part of an issue is read, and how it is cut into tokens.
 * Pure functions, no state.
 */

import type { IssueText } from "../types.js";
import { OWN_PROJECT } from "./lexicon.js";
import { FRAME_HEADER, FRAME_HEADER_START } from "../issue/frame-header.js";

/**
 * Bodies are capped before feature extraction: a pasted 1 MB log says nothing more about the bug type than its
 * first and last screens, and every regex pass stays linear in a bounded input.
 */
export const MAX_BODY_HEAD = 40_000;
export const MAX_BODY_TAIL = 8_000;

export function capText(text: string, head = MAX_BODY_HEAD, tail = MAX_BODY_TAIL): string {
  if (text.length <= head + tail) return text;
  return `${text.slice(0, head)}\n…\n${text.slice(text.length - tail)}`;
}

/**
 * Lines that environment dumps print for every issue (mxnet's diagnose.py build-feature ticks, network timings)
 * name CUDA, MKLDNN or OpenCV whatever the bug is; they would make every report look like a GPU bug.
 */
const BOILERPLATE_LINE = /^\s*(?:[✔✖]\s*\w+|Timing for .*|Setting timeout: .*|Error open \w+: .*)$/;

export function stripBoilerplate(text: string): string {
  if (!text.includes("✔") && !text.includes("✖") && !text.includes("Timing for")) return text;
  return text
    .split("\n")
    .filter((line) => !BOILERPLATE_LINE.test(line))
    .join("\n");
}

/** Title and body as the classifiers read them (body capped and de-boilerplated). */
export interface PreparedIssue {
  title: string;
  body: string;
  /** Title + blank line + body. */
  all: string;
}


/**
 * The issue as the lexicons read it: the project's own names (`horovod` in horovod's issues, `opencv` in OpenCV's)
 * masked. The lexicons name other projects as outside causes ("a third-party library: mentions `horovod`") and as
 * bug-type terms (horovod's all-reduce is a GPU term elsewhere); in the project's own tracker, its name is in
 * nearly every report and says neither. Words, environment and everything else read the issue as written.
 */
export function lexicalView(issue: PreparedIssue, ownNames: readonly string[] = []): PreparedIssue {
  const names = maskableNames(ownNames);
  if (names.length === 0) return issue;
  // Also before a hyphen and a version or a release glob: `horovod-0.20.0.tar.gz`, `dist/horovod-*.tar.gz` are
  // releases of the project. Not before other words: `tensorflow-addons` in TensorFlow's tracker is another project.
  const own = new RegExp(`(?<![\\w-])(?:${names.map((n) => n.replace(/-/g, "\\-")).join("|")})(?![\\w]|-(?![\\d*]))`, "gi");
  const mask = (text: string) => text.replace(own, OWN_PROJECT);
  return { title: mask(issue.title), body: mask(issue.body), all: mask(issue.all) };
}

/** The names lexicalView masks: plain package or repository names (a name with dots or `+` is left as it is). */
function maskableNames(ownNames: readonly string[]): string[] {
  return [...new Set(ownNames.map((n) => n.trim().toLowerCase()).filter((n) => /^[a-z][\w-]*$/.test(n) && n.length >= 3))];
}

/**
 * A lexicon sample or quote read off the masked text, with the project's name written back as the report wrote it:
 * each masked name is found again in `original` (the unmasked text it was read from) by the words around it, so
 * "OpenCV" stays "OpenCV" and does not become the package's `cv2` when the project has two names. Where the words
 * around it are not found (a sample cut inside the name), the first name.
 */
export function unmasked(text: string, ownNames: readonly string[], original?: string): string {
  const names = maskableNames(ownNames);
  if (names.length === 0 || !text.includes(OWN_PROJECT)) return text;
  const parts = text.split(OWN_PROJECT);
  const anyName = `(${names.map(escapeRegExp).join("|")})`;
  const flexible = (words: string) => escapeRegExp(words).replace(/\s+/g, "\\s+");
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i++) {
    // Up to 20 characters either side, within the quote (not the evidence's own "mentions `" around it).
    const left = parts[i - 1]!.slice(-20).split("`").pop()!;
    const right = parts[i]!.slice(0, 20).split("`")[0]!;
    const written = original === undefined ? undefined : new RegExp(`${flexible(left)}${anyName}${flexible(right)}`, "i").exec(original)?.[1];
    out += (written ?? names[0]!) + parts[i];
  }
  return out;
}

/** A text matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function prepareIssue(issue: IssueText): PreparedIssue {
  const title = (issue.title ?? "").slice(0, 1_000);
  const body = stripBoilerplate(capText(issue.body ?? ""));
  return { title, body, all: `${title}\n\n${body}` };
}

const STOP_WORDS = new Set(
  (
    "a an and are as at be been but by can could did do does doing for from had has have having he her here his how i if " +
    "in into is it its itself just me more most my no nor not of off on once only or other our out over own same she " +
    "should so some such than that the their them then there these they this those through to too under until up very " +
    "was we were what when where which while who whom why will with would you your yours also get got using use used " +
    "like one two us am any all each few both"
  ).split(" "),
);

/** A light suffix stemmer: enough to merge "layers/layer", "crashes/crash", "converging/converge". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("ies") && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 5) return word.slice(0, -2);
  if (word.endsWith("es") && /(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) return word.slice(0, -1);
  return word;
}

/** Splits identifiers: `CUDNN_STATUS_FAILED` → cudnn status failed, `loadLayersModel` → load layers model. */
function splitIdentifier(raw: string): string[] {
  return raw
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[_\s]+/)
    .filter(Boolean);
}

/**
 * Lower-cased, stemmed word tokens without stop words, pure numbers, hex addresses or one-letter pieces.
 * Letters of any script are kept, so a non-English report still yields tokens (that the model will mostly not know).
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const { token } of words(text)) out.push(token);
  return out;
}

/**
 * Each token of tokenize() with the word it was first read from, lower-cased ("produc" → "produces"): evidence
 * quotes what the reporter wrote, not a stem.
 */
export function surfaceForms(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  for (const { token, word } of words(text)) if (!forms.has(token)) forms.set(token, word);
  return forms;
}

/** The tokens of tokenize(), in order, each with the lower-cased word it was stemmed from. */
function* words(text: string): Generator<{ token: string; word: string }> {
  for (const piece of text.match(/[\p{L}][\p{L}\p{N}_]*/gu) ?? []) {
    if (piece.length > 40) continue; // hashes, base64, minified code
    for (const part of splitIdentifier(piece)) {
      const word = part.toLowerCase();
      if (word.length < 2 || STOP_WORDS.has(word)) continue;
      if (/^0x[0-9a-f]+$/.test(word)) continue;
      yield { token: stem(word), word };
    }
  }
}

/** Adjacent token pairs, joined by a space. */
export function bigrams(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) out.push(`${tokens[i - 1]} ${tokens[i]}`);
  return out;
}

/** A Python, JS or C++ stack trace: its header, a frame of one, or an mxnet backtrace line. */
const TRACEBACK = new RegExp(String.raw`Traceback \(most recent call last\)|^[ \t]+at \S+ \(.*:\d+:\d+\)|\[bt\] \(\d+\)|^[ \t]*${FRAME_HEADER}`, "m");

/** True when the body has a Python, JS or C++ stack trace. */
export function hasTraceback(text: string): boolean {
  return TRACEBACK.test(text);
}

/**
 * A pasted error: a line that starts with an exception's name (`ValueError: ...`,
 * `tensorflow.python.framework.errors_impl.InternalError: ...`), a CUDA error, a crash. Not an exception named in
 * a sentence ("how do I catch a ValueError?"). The dotted prefix is bounded, so a long line of word characters
 * cannot make the match quadratic.
 */
export const PASTED_ERROR = /^[ \t>]*(?:\w{1,60}\.){0,12}[A-Z]\w{0,60}(?:Error|Exception)\b|\bCUDA [Ee]rror\b|\b[Ss]egmentation fault\b|\bcore dumped\b/m;

/** True when the body holds a fenced code block. */
export function hasCodeBlock(text: string): boolean {
  return /```/.test(text);
}

/** A line of a log: a traceback frame, a JS or native backtrace frame, a timestamp, an interpreter or shell prompt. */
const LOG_LINE = new RegExp(String.raw`^\s*(?:${FRAME_HEADER_START}|at \S+ \(|\[bt\]|\[\d{2}:\d{2}:\d{2}\]|\d{4}-\d{2}-\d{2}[ T]\d{2}:|>>>|\$ |#\d+ 0x)`);

/**
 * The natural-language part of a body: fenced code blocks and log-like lines (traceback frames, C++ backtraces,
 * timestamps) removed. Words of prose describe the bug; words of a 300-line log mostly describe the log.
 */
export function proseOf(text: string): string {
  return text
    .replace(/(`{3,})[^\n]*\n[\s\S]*?(?:\1|$)/g, "\n")
    .split("\n")
    .filter((line) => !LOG_LINE.test(line))
    .join("\n");
}
