/** Exception types and messages named outside (or inside) tracebacks: "TypeError: ...", MXNetError lines, pytest `E` lines. */
import type { ExceptionMessage, Traceback } from "./types.js";
import { capLine } from "./text.js";

/** `pkg.mod.SomethingError: message`, preceded by a boundary; the type must end like an exception class. */
const INLINE = /(^|[\s:'"`(\[])((?:[A-Za-z_]\w{0,100}\.){0,20}[A-Z]\w{0,100}(?:Error|Exception|Warning|Interrupt|Exit|Failure|Fault))\s?:\s+(\S.*)$/;
const HINT = /(?:Error|Exception|Warning|Interrupt|Exit|Failure|Fault)\s?:/;
const MAX_MESSAGE_LENGTH = 500;

/**
 * Strips what varies between runs and is not in the source: MXNet/glog timestamps (`[19:08:24]`),
 * native locations (`src/x.cc:152:`), trailing markdown backticks.
 */
export function cleanMessage(message: string): string {
  let m = message.trim();
  m = m.replace(/^\[\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\]\s*/, "");
  m = m.replace(/^(?:[A-Za-z]:)?[\w.~/\\+-]{1,300}\.[A-Za-z][A-Za-z0-9+]{0,5}:\d{1,9}(?::\d{1,6})?[:\]]\s*/, "");
  if (/`$/.test(m) && (m.match(/`/g)?.length ?? 0) % 2 === 1) m = m.replace(/`+$/, "").trim(); // an unbalanced closing backtick
  return m.length > MAX_MESSAGE_LENGTH ? m.slice(0, MAX_MESSAGE_LENGTH) : m;
}

/** Collects messages from tracebacks first (most reliable), then from free-text lines; deduped by type and message. */
export function collectExceptionMessages(tracebacks: readonly Traceback[], lines: readonly string[]): ExceptionMessage[] {
  const out: ExceptionMessage[] = [];
  const seen = new Set<string>();
  const add = (type: string | undefined, raw: string): void => {
    const message = cleanMessage(raw);
    if (!message) return;
    const key = `${type ?? ""}\u0000${message}`;
    if (seen.has(key) || out.length >= 200) return;
    // A title often repeats the start of the traceback's message.
    if (out.some((e) => e.type === type && e.message.startsWith(message))) return;
    seen.add(key);
    out.push(type === undefined ? { message } : { type, message });
  };
  for (const tb of tracebacks) {
    if (tb.message !== undefined) add(tb.exceptionType, firstLine(tb.message));
  }
  for (const line of lines) {
    const capped = capLine(line);
    if (!HINT.test(capped)) continue;
    const m = INLINE.exec(capped);
    if (!m) continue;
    // `except ValueError: pass` is code catching the type, not a report of it.
    if (/\bexcept\s*\(?[\w.,\s]*$/.test(capped.slice(0, m.index + m[1]!.length))) continue;
    let message = m[3]!;
    if (m[1] === "`") {
      const close = message.indexOf("`");
      if (close !== -1) message = message.slice(0, close); // the message ends with its inline code span
    }
    add(m[2], message);
  }
  return out;
}

function firstLine(message: string): string {
  const nl = message.indexOf("\n");
  return nl === -1 ? message : message.slice(0, nl);
}
