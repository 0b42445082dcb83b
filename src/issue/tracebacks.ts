/**
 * Finds tracebacks in pasted text: Python's own format (chained exceptions included), IPython/Jupyter
 * frames (IPython 7 `path in func(...)` with `-->` lines, IPython 8 `File path:N, in func` and
 * `Cell In[3], line 5`), and compiler/runtime locations such as MXNet's
 * `src/operator/nn/convolution.cc:152: Check failed` or pytest's `tests/test_x.py:12: in test_x`.
 *
 * One pass over the lines with a small state machine; every pattern is anchored or bounded, so the
 * time is linear in the text (no backtracking blow-ups on megabyte pastes).
 */
import type { Traceback, TracebackFrame } from "./types.js";
import { capLine, indentWidth, normalizeText, stripQuoteMarkers } from "./text.js";

/** A traceback with the (0-based, inclusive) line span it occupies in the scanned text. */
export interface LocatedTraceback extends Traceback {
  firstLine: number;
  lastLine: number;
}

/** Every line that can open a traceback contains one of these (a frame, a header, a location). */
const MAY_START = /File |Traceback|Cell In|Input In| in |[:(]\d/;
const FENCE = /^(?:`{3,}|~{3,})/;
const HEADER = /Traceback \(most recent call last\):?/;
const IPYTHON_HEADER = /^([A-Za-z_][\w.]*)\s+Traceback \(most recent call last\)/;
const CHAIN = /^(?:During handling of the above exception, another exception occurred|The above exception was the direct cause of the following exception)/;
// `in <module>` may have lost its `<module>` when HTML was stripped, and `line XX` may be redacted.
const PY_FRAME = /(?:^|\s)File "([^"]{0,1000})", line (\d{1,9}|\S{1,20}?)(?:, in(?: (.{1,300}?))?)?\s*$/;
const IPY8_FRAME = /^File (\S.{0,999}?):(\d{1,9})(?:, in (.{1,300}?))?\s*$/;
const IPY8_CELL = /^(Cell In ?\[\d*\]), line (\d{1,9})(?:, in (.{1,300}?))?\s*$/;
const IPY_INPUT = /^(Input In ?\[\d*\]), in (.{1,300}?)\s*$/;
const IPY7_FRAME = /^(<[^>\s]{1,200}>|\S{0,1000}?\.pyx?) in (<?[\w.]{1,200}>?)(?:\s*\(.{0,1000})?$/;
const ARROW = /^-*>\s*(\d{1,9})\s?(.*)$/;
const IPY_CONTEXT = /^\d{1,9}(?:\s|$)/;
const CARETS = /^[\s^~]+$/;
const REPEATED = /^\[Previous line repeated/;
/**
 * TorchScript prints a few lines of source under a frame header and marks the one the header's line number names:
 * `~~~~~~~~ <--- HERE` under it.
 */
const TORCHSCRIPT_HERE = /^~+\s*<-+\s*HERE$/;
/** After frames, the exception line: `pkg.Name: msg` or a bare `Name`, the last segment capitalised (code lines never look like this). */
const EXCEPTION_LINE = /^((?:[A-Za-z_]\w*\.){0,20}[A-Z]\w*)(?::[ \t]?(.*))?$/;
const STRICT_EXCEPTION = /^((?:[A-Za-z_]\w*\.){0,20}[A-Za-z_]\w*(?:Error|Exception|Warning|Interrupt|Exit|Iteration|Failure|Fault))(?::\s?(.*))?$/;
/** `path.ext:LINE:` or `path.ext:LINE:COL:` or nvcc's `path.ext(LINE):`, the path preceded by a boundary. */
const LOCATION = /(?:^|[\s[('"])((?:[A-Za-z]:)?[\w.~/\\+-]{0,500}?\w\.[A-Za-z][A-Za-z0-9+]{0,5})(?::(\d{1,9})(?::\d{1,6})?[:\]]|\((\d{1,9})\):)(.*)$/;
/** Cheap test run before LOCATION: an extension followed by a line number. */
const LOCATION_HINT = /\.[A-Za-z][A-Za-z0-9+]{0,5}(?::\d|\(\d)/;
const PROBLEM =
  /error|fail|check|fatal|abort|exception|warning|assert|invalid|cannot|can't|unable|segmentation|segfault|core dumped|illegal|denied|mismatch|out of memory|not (?:found|supported|implemented)|(?:^|\s)[EFW](?:\d{4}\s[\d:.]+\s+\d+)?\s+\S+:\d+\]/i;
const PYTEST_E = /^E\s+(.*)$/;
/** A pytest section header, `==== warnings summary ====`, `==== short test summary info ====`: its title. */
const PYTEST_SECTION = /^={3,}[ \t]+([^=\n]{1,80}?)[ \t]+={3,}$/;
/** The line pytest ends its warnings summary with. */
const PYTEST_DOCS_LINE = /^-- Docs: https?:\/\/docs\.pytest\.org\//;
const PYTEST_SEPARATOR = /^(?:_ )+_?$/;
const PYTEST_IN = /^\s*in (\S+)\s*$/;
const MAX_MESSAGE_LINES = 10;
const MAX_MESSAGE_LENGTH = 4000;
const MAX_UNKNOWN_LINES = 6;
const MAX_TRACEBACKS = 200;
const MAX_FRAMES = 500;

/** Parses every traceback in `text`, in the order printed. */
export function parseTracebacks(text: string): Traceback[] {
  return locateTracebacks(normalizeText(text).split("\n")).map(({ frames, exceptionType, message }) => {
    const tb: Traceback = { frames };
    if (exceptionType !== undefined) tb.exceptionType = exceptionType;
    if (message !== undefined) tb.message = message;
    return tb;
  });
}

type Mode = "frames" | "message" | "locations";

interface Open {
  tb: LocatedTraceback;
  mode: Mode;
  frameIndent: number;
  expectCode: boolean;
  unknown: number;
  messageLines: number;
  /** The last line read under the current frame: the one a TorchScript `<--- HERE` marker points at. */
  previousDetail?: string;
}

/**
 * A frame header whose path an editor or a word processor wrapped in curly quotes (`File “/a/b.py”, line 3`), as
 * Python printed it with straight ones.
 */
function straightFrameQuotes(line: string): string {
  return line.includes("File “") ? line.replace(/\bFile “([^“”\n]*)”/g, 'File "$1"') : line;
}

/**
 * The prefix a multi-process launcher puts before each line of a rank's output: horovodrun's "Tue Oct 13 10:58:56
 * 2020[3]<stderr>:" or "[3]<stderr>:", mpirun --tag-output's "[1,0]<stderr>:". Group 1 names the stream.
 */
const RANK_PREFIX = /^(?:\w{3} \w{3} +\d{1,2} \d\d:\d\d:\d\d \d{4})?(\[\d{1,6}(?:,\d{1,6})?\]<std(?:out|err)>):/;
/** Prefixed lines enough to read the text as several ranks' output. */
const MIN_RANK_LINES = 3;

/**
 * Scans already-normalised lines; spans refer to indices in `lines`. Several ranks' output interleaved line by line
 * (a distributed run's log) is read rank by rank, each line without its prefix: a frame's code line is the next line
 * of the same rank, not whichever rank printed next.
 */
export function locateTracebacks(rawLines: readonly string[]): LocatedTraceback[] {
  // Most issues have no such log: they are read as they are, without a stream map built line by line.
  let prefixed = 0;
  for (const line of rawLines) if (line.includes(">:") && RANK_PREFIX.test(line) && ++prefixed >= MIN_RANK_LINES) break;
  if (prefixed < MIN_RANK_LINES) return locateInLines(rawLines);
  const streams = new Map<string, number[]>();
  rawLines.forEach((line, i) => {
    const rank = RANK_PREFIX.exec(line)?.[1] ?? "";
    let lines = streams.get(rank);
    if (!lines) streams.set(rank, (lines = []));
    lines.push(i);
  });
  const found: LocatedTraceback[] = [];
  for (const indices of streams.values()) {
    const lines = indices.map((i) => rawLines[i]!.replace(RANK_PREFIX, ""));
    for (const tb of locateInLines(lines)) found.push({ ...tb, firstLine: indices[tb.firstLine]!, lastLine: indices[tb.lastLine]! });
  }
  return found.sort((a, b) => a.firstLine - b.firstLine).slice(0, MAX_TRACEBACKS);
}

function locateInLines(rawLines: readonly string[]): LocatedTraceback[] {
  const found: LocatedTraceback[] = [];
  // Held in an object so TypeScript does not narrow it across the closures that reset it.
  const state: { open: Open | null } = { open: null };

  const close = (): void => {
    const o = state.open;
    if (o && (o.tb.frames.length > 0 || o.tb.exceptionType !== undefined) && found.length < MAX_TRACEBACKS) found.push(o.tb);
    state.open = null;
  };
  const start = (index: number, mode: Mode, exceptionType?: string): Open => {
    close();
    const tb: LocatedTraceback = { frames: [], firstLine: index, lastLine: index };
    if (exceptionType !== undefined) tb.exceptionType = exceptionType;
    const o: Open = { tb, mode, frameIndent: 0, expectCode: false, unknown: 0, messageLines: 0 };
    state.open = o;
    return o;
  };
  const addFrame = (o: Open, index: number, frame: TracebackFrame, indent: number, expectCode: boolean): void => {
    if (o.tb.frames.length < MAX_FRAMES) o.tb.frames.push(frame);
    o.tb.lastLine = index;
    o.frameIndent = indent;
    o.expectCode = expectCode;
    o.unknown = 0;
    delete o.previousDetail;
  };

  // Inside pytest's "warnings summary" section: its `path:line: UserWarning: ...` lines are what the run warned about,
  // after the failure, not a traceback of it (pytorch-lightning#4275's failure was read as a UserWarning).
  let inWarningsSummary = false;
  for (let i = 0; i < rawLines.length; i++) {
    const raw = straightFrameQuotes(rawLines[i]!);
    if (raw.includes("==")) {
      const section = PYTEST_SECTION.exec(raw.trim());
      if (section) {
        inWarningsSummary = /^warnings summary$/i.test(section[1]!.trim());
        close();
        continue;
      }
    }
    if (inWarningsSummary) {
      if (PYTEST_DOCS_LINE.test(raw)) inWarningsSummary = false;
      continue;
    }
    // Fast path: with no traceback open, only a header, a frame or a location can start one.
    if (state.open === null && !MAY_START.test(raw)) continue;
    for (const piece of splitRunOnLine(capLine(stripQuoteMarkers(raw)))) {
      const indent = indentWidth(piece);
      const line = piece.trim();
      const current = state.open;

      // TorchScript's `~~~~ <--- HERE` marker starts like a `~~~` fence but is part of a frame.
      if (FENCE.test(line) && !(current?.mode === "frames" && TORCHSCRIPT_HERE.test(line))) {
        close(); // a code fence never belongs to a traceback
        continue;
      }
      if (line === "") {
        if (current?.mode === "message" || current?.mode === "locations") close(); // a blank line ends a message or a group of locations
        continue;
      }
      if (HEADER.test(line)) {
        const ipy = IPYTHON_HEADER.exec(line);
        start(i, "frames", ipy?.[1]);
        continue;
      }
      if (CHAIN.test(line)) {
        close();
        continue;
      }

      const frame = matchFrame(line);
      if (frame) {
        const o: Open = current?.mode === "frames" ? current : start(i, "frames");
        addFrame(o, i, frame.frame, indent, frame.expectCode);
        continue;
      }

      if (current && current.mode === "frames") {
        if (handleFrameDetail(current, line, indent, i)) continue;
        const exc = STRICT_EXCEPTION.exec(line) ?? (current.tb.frames.length > 0 ? EXCEPTION_LINE.exec(line) : null);
        if (exc) {
          setException(current, exc[1]!, exc[2], i);
          continue;
        }
        if (current.expectCode) {
          // An indentation-stripped paste: the code line is not indented deeper than its frame.
          const last = current.tb.frames[current.tb.frames.length - 1];
          if (last && last.code === undefined) last.code = line;
          current.expectCode = false;
          current.tb.lastLine = i;
          current.previousDetail = line;
          continue;
        }
        current.previousDetail = line;
        if (++current.unknown > MAX_UNKNOWN_LINES) close();
        continue;
      }

      const outer = matchLocation(line);
      if (outer) {
        const chain = nestedLocations(outer);
        const location = chain[chain.length - 1]!; // the innermost: where the error was raised
        if (current && (current.mode === "message" || current.mode === "locations")) {
          for (const l of chain) addLocation(current, l, i);
          current.mode = "locations";
          continue;
        }
        // A standalone location only counts when the line reports a problem (glog/MXNet INFO lines do not).
        if (!PROBLEM.test(line) && !PYTEST_IN.test(location.rest)) continue;
        const o = start(i, "locations");
        for (const l of chain) addLocation(o, l, i);
        // `MXNetError: [12:01:02] src/x.cc:7: Check failed` names its type before the location.
        const typedLine = STRICT_EXCEPTION.exec(line);
        const typed = typedLine ?? (location.rest ? STRICT_EXCEPTION.exec(location.rest) : null);
        if (typed) {
          o.tb.exceptionType = typed[1]!;
          if (typed[2]) o.tb.message = typed[2].trim();
        } else if (location.rest && !PYTEST_IN.test(location.rest)) {
          o.tb.message = location.rest;
        }
        continue;
      }

      if (current && current.mode === "message") {
        if (current.messageLines < MAX_MESSAGE_LINES && !/^\[bt\]/.test(line)) {
          const message = (current.tb.message ? current.tb.message + "\n" : "") + line;
          current.tb.message = message.slice(0, MAX_MESSAGE_LENGTH);
          current.messageLines++;
          current.tb.lastLine = i;
        }
        continue;
      }
      if (current && current.mode === "locations") {
        if (consumeLocationDetail(current, line, indent, i)) continue;
        close();
      }
    }
  }
  close();
  return found;
}

/** Splits a traceback pasted on one line (newlines lost) before each `File "` and after the header. */
function splitRunOnLine(line: string): string[] {
  const first = line.indexOf('File "');
  if (first === -1 || line.indexOf('File "', first + 6) === -1) {
    const header = HEADER.exec(line);
    if (!header || header.index + header[0].length >= line.trimEnd().length) return [line];
  }
  return line
    .replace(/(Traceback \(most recent call last\):?)\s*/g, "$1\n")
    .replace(/\s+(?=File ")/g, "\n")
    .split("\n");
}

function matchFrame(line: string): { frame: TracebackFrame; expectCode: boolean } | null {
  let m = PY_FRAME.exec(line);
  if (m) return { frame: { file: m[1]!, line: toLine(m[2]!), func: cleanFunc(m[3] ?? "") }, expectCode: true };
  m = IPY8_CELL.exec(line);
  if (m) return { frame: { file: m[1]!, line: Number(m[2]), func: cleanFunc(m[3] ?? "<module>") }, expectCode: false };
  m = IPY8_FRAME.exec(line);
  if (m) return { frame: { file: m[1]!, line: Number(m[2]), func: cleanFunc(m[3] ?? "") }, expectCode: false };
  m = IPY_INPUT.exec(line);
  if (m) return { frame: { file: m[1]!, line: 0, func: cleanFunc(m[2]!) }, expectCode: false };
  m = IPY7_FRAME.exec(line);
  if (m) return { frame: { file: m[1]!, line: 0, func: cleanFunc(m[2]!) }, expectCode: false };
  return null;
}

function toLine(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : 0;
}

/** `Module._call_impl(self, *input)` -> `Module._call_impl`; `<cell line: 3>()` -> `<cell line: 3>`. */
function cleanFunc(func: string): string {
  const f = func.trim();
  const end = f.startsWith("<") ? f.indexOf(">") + 1 : f.indexOf("(");
  return (end <= 0 ? f : f.slice(0, end)).trim();
}

/** pytest-style detail under a location: indented code, `E   Error: msg` lines, `_ _ _` separators. */
function consumeLocationDetail(o: Open, line: string, indent: number, index: number): boolean {
  const e = PYTEST_E.exec(line);
  if (e) {
    const exc = STRICT_EXCEPTION.exec(e[1]!.trim());
    if (exc && o.tb.exceptionType === undefined) {
      o.tb.exceptionType = exc[1]!;
      if (exc[2]?.trim()) o.tb.message = exc[2].trim();
    }
    o.tb.lastLine = index;
    return true;
  }
  if (PYTEST_SEPARATOR.test(line) || line.startsWith(">")) {
    o.tb.lastLine = index;
    return true;
  }
  if (indent > 0) {
    const last = o.tb.frames[o.tb.frames.length - 1];
    if (last && last.code === undefined) last.code = line;
    o.tb.lastLine = index;
    return true;
  }
  return false;
}

/** Code lines, IPython context/arrow lines and caret markers under a frame. Returns true when consumed. */
function handleFrameDetail(o: Open, line: string, indent: number, index: number): boolean {
  const last = o.tb.frames[o.tb.frames.length - 1];
  if (TORCHSCRIPT_HERE.test(line)) {
    if (last && o.previousDetail !== undefined) last.code = o.previousDetail;
    o.tb.lastLine = index;
    return true;
  }
  if (CARETS.test(line) || REPEATED.test(line)) {
    o.tb.lastLine = index;
    return true;
  }
  const arrow = ARROW.exec(line);
  if (arrow && last) {
    if (last.line === 0) last.line = Number(arrow[1]);
    if (last.code === undefined && arrow[2]!.trim()) last.code = arrow[2]!.trim();
    o.tb.lastLine = index;
    o.expectCode = false;
    return true;
  }
  if (last && !o.expectCode && IPY_CONTEXT.test(line) && indent > 0) {
    o.tb.lastLine = index;
    return true;
  }
  if (last && o.expectCode && indent > o.frameIndent && !STRICT_EXCEPTION.test(line)) {
    last.code = line;
    o.expectCode = false;
    o.tb.lastLine = index;
    o.previousDetail = line;
    return true;
  }
  return false;
}

function setException(o: Open, type: string, message: string | undefined, index: number): void {
  o.tb.exceptionType = type;
  const msg = message?.trim();
  if (msg) o.tb.message = msg.slice(0, MAX_MESSAGE_LENGTH);
  else delete o.tb.message;
  o.tb.lastLine = index;
  o.mode = "message";
  o.messageLines = 0;
  // MXNet and other C++-backed errors put the native location in the message: it is the innermost frame.
  const location = msg ? matchLocation(msg) : null;
  if (location) addLocation(o, location, index);
}

interface Location {
  file: string;
  line: number;
  rest: string;
}

function matchLocation(line: string): Location | null {
  if (!LOCATION_HINT.test(line)) return null;
  const m = LOCATION.exec(line);
  if (!m) return null;
  const file = m[1]!;
  if (/^\d+(\.\d+)+$/.test(file) || /^[\w-]+\.(?:com|org|net|io)$/i.test(file)) return null;
  return { file, line: Number(m[2] ?? m[3]), rest: m[4]!.trim() };
}

/**
 * MXNet nests the place that raised inside the place that reported it, on one line:
 * `[06:31:41] src/engine/./threaded_engine.h:359: [06:31:41] src/operator/nn/./cudnn/cudnn_convolution-inl.h:242: Check failed`.
 * Outermost first, as frames are listed, so the innermost (the origin) comes last.
 */
function nestedLocations(first: Location): Location[] {
  const chain = [first];
  for (let next = matchLocation(first.rest); next && chain.length < 8; next = matchLocation(next.rest)) {
    // Only a location that starts the rest nests; a path quoted later in a message is not a frame.
    if (!/^\[[\d:. ]+\]|^[\w./-]+\.\w+:\d+/.test(chain[chain.length - 1]!.rest)) break;
    chain.push(next);
  }
  return chain;
}

function addLocation(o: Open, location: Location, index: number): void {
  const func = PYTEST_IN.exec(location.rest)?.[1] ?? "";
  if (o.tb.frames.length < MAX_FRAMES) o.tb.frames.push({ file: location.file, line: location.line, func, location: true });
  o.tb.lastLine = index;
}
