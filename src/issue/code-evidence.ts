/**
 * Dotted API names, code identifiers and mentioned paths from the parts of an issue. Each extractor takes
 * text already split by kind (code lines, inline code, prose) because what counts as evidence differs:
 * a bare word is an identifier inside `inline code` but not in prose.
 */
import { capLine, OrderedSet } from "./text.js";
import { parseImportLine, type ImportLine } from "./imports.js";
import {
  BOILERPLATE_MODULES,
  COMMON_ALIASES,
  DOMAIN_SUFFIXES,
  DOTTED_STOPWORDS,
  FILE_EXTENSIONS,
  NOISE_IDENTIFIERS,
  PYTHON_KEYWORDS,
} from "./vocabulary.js";

const URL = /\b(?:https?|ftp|file):\/\/[^\s<>()"'`\]]{1,2000}/g;
const GITHUB_FILE_URL = /github\.com\/[\w.-]+\/[\w.-]+\/(?:blob|tree)\/[^/\s]+\/([^\s#?)\]"'`>]+)/;
const DOTTED = /(?<![\w.])[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){1,20}/g;
const WORD = /[A-Za-z_]\w{0,100}/g;
// Only from the start of a token: tried from every character, a long token without a slash cost quadratic time.
const PATH_LIKE = /(?<![^\s"'`()[\]{},;])[^\s"'`()[\]{},;]*\/[^\s"'`()[\]{},;]*/g;
/** C++ mangled symbols (`_ZN4dmlc…`) and version/date fragments (`x86_64`, `Sep__1_21`). */
const MANGLED_OR_VERSION = /^_Z[A-Z0-9]|\d_+\d/;
const MAX_IDENTIFIER_LENGTH = 60;
const TOKEN_SEPARATORS = /[\s"'`()[\]{}<>,;|=]+/;
const MAX_ITEMS = 1000;

export interface EvidenceParts {
  title: string;
  /** Prose lines (code blocks and tracebacks removed). */
  prose: string;
  inlineCode: readonly string[];
  /** Lines of code blocks that are not part of a traceback. */
  codeLines: readonly string[];
  /** Code lines printed inside traceback frames. */
  tracebackCode: readonly string[];
}

export function removeUrls(text: string): string {
  return text.replace(URL, " ");
}

/** Code lines split into import statements (parsed) and the other lines (capped), in order. */
function splitImports(codeLines: readonly string[]): { plainCode: string[]; imports: ImportLine[] } {
  const plainCode: string[] = [];
  const imports: ImportLine[] = [];
  for (const line of codeLines) {
    const imp = parseImportLine(line);
    if (imp) imports.push(imp);
    else plainCode.push(capLine(line));
  }
  return { plainCode, imports };
}

/** Dotted names, with `self.`/`cls.` dropped and file names, domains and boilerplate imports left out. */
export function collectApiNames(parts: EvidenceParts): string[] {
  const names = new OrderedSet(MAX_ITEMS);
  const addFrom = (text: string): void => {
    for (const m of removeUrls(text).matchAll(DOTTED)) {
      const name = normaliseDotted(m[0]);
      if (name) names.add(name);
    }
  };
  const { plainCode, imports } = splitImports(parts.codeLines);
  for (const imp of imports) {
    if (!imp.boilerplate) for (const mod of imp.modules) if (mod.includes(".") && !mod.startsWith(".") && !BOILERPLATE_MODULES.has(mod)) names.add(mod);
  }
  addFrom(plainCode.join("\n"));
  addFrom(parts.tracebackCode.map(capLine).join("\n"));
  addFrom(parts.inlineCode.map(capLine).join("\n"));
  addFrom(capLine(parts.title));
  addFrom(parts.prose);
  return names.items;
}

function normaliseDotted(raw: string): string | null {
  let name = raw;
  if (DOTTED_STOPWORDS.has(name.toLowerCase())) return null;
  const segments = name.split(".");
  const last = segments[segments.length - 1]!.toLowerCase();
  if (FILE_EXTENSIONS.has(last) || DOMAIN_SUFFIXES.has(last)) return null;
  if (segments[0] === "self" || segments[0] === "cls") {
    if (segments.length < 3) return null;
    name = segments.slice(1).join(".");
  }
  return name;
}

/**
 * Identifiers that look like code: snake_case, CamelCase or ALLCAPS words, calls `f(`, attributes `.x`,
 * assignment targets and keyword arguments `x=`, and names after def/class/import/as. Inside inline code every
 * word counts (the reporter marked it as code).
 */
export function collectIdentifiers(parts: EvidenceParts): string[] {
  const ids = new OrderedSet(MAX_ITEMS);
  const fromCode = (raw: string): void => {
    // Path-like tokens (`/usr/lib/x86_64-linux-gnu`, `a/b.py`) name places, not code: they feed mentionedPaths.
    const text = removeUrls(raw).replace(PATH_LIKE, " ");
    for (const m of text.matchAll(WORD)) {
      const word = m[0];
      if (!isCandidate(word) || isExtensionAt(text, m.index, word)) continue;
      const before = text.slice(Math.max(0, m.index - 7), m.index);
      const after = text.slice(m.index + word.length, m.index + word.length + 3);
      const declared = /\.$/.test(before) || /\b(?:def|class|import|as|from)\s+$/.test(before);
      // Bare ALLCAPS words (GCC, CPU(s)) are environment dumps unless used as an attribute or imported (rnn.LSTM).
      if (/^[A-Z0-9]+$/.test(word) && !declared) continue;
      if (declared || looksLikeCode(word) || after.startsWith("(") || /^ ?=(?!=)/.test(after)) ids.add(word);
    }
  };
  const plainCode: string[] = [];
  for (const line of parts.codeLines) if (!parseImportLine(line)?.boilerplate) plainCode.push(capLine(line));
  fromCode(plainCode.join("\n"));
  fromCode(parts.tracebackCode.map(capLine).join("\n"));
  for (const code of parts.inlineCode) {
    if (/\s/.test(code.trim())) {
      fromCode(capLine(code)); // a phrase or a statement: only its code-looking words
      continue;
    }
    const text = removeUrls(capLine(code));
    for (const m of text.matchAll(WORD)) if (isCandidate(m[0]) && !isExtensionAt(text, m.index, m[0])) ids.add(m[0]);
  }
  return ids.items;
}

/** `py` in `train.py` is a file extension, not a name. */
function isExtensionAt(text: string, index: number, word: string): boolean {
  return index > 0 && text[index - 1] === "." && FILE_EXTENSIONS.has(word.toLowerCase()) && !/^\w/.test(text.slice(index + word.length, index + word.length + 1));
}

/**
 * Code names written as plain words in the title or prose: `ModelCheckpoint wipes out the directory`,
 * `print_nan_grads fails`. Reporters often leave out the backticks (and converted bodies lose them), so a word
 * that can only be code (snake_case, camelCase, CamelCase with an inner capital) counts, while ordinary words
 * and ALLCAPS acronyms do not.
 */
export function codeWordsInProse(...texts: string[]): string[] {
  const out = new OrderedSet(MAX_ITEMS);
  for (const raw of texts) {
    const text = removeUrls(raw).replace(PATH_LIKE, " ");
    for (const m of text.matchAll(WORD)) {
      const word = m[0];
      if (isCandidate(word) && looksLikeCode(word) && !/^[A-Z0-9_]+$/.test(word) && !isExtensionAt(text, m.index, word)) out.add(word);
    }
  }
  return out.items;
}

function isCandidate(word: string): boolean {
  return (
    word.length >= 2 &&
    word.length <= MAX_IDENTIFIER_LENGTH &&
    !/^\d/.test(word) &&
    !PYTHON_KEYWORDS.has(word) &&
    !NOISE_IDENTIFIERS.has(word) &&
    !COMMON_ALIASES.has(word) &&
    !MANGLED_OR_VERSION.test(word)
  );
}

/** snake_case (incl. CONSTANT_CASE), camelCase or CamelCase with an inner capital. Bare ALLCAPS words are mostly log noise (GCC, CPU). */
function looksLikeCode(word: string): boolean {
  return word.includes("_") || /[a-z][A-Z]/.test(word) || /^[A-Z][a-z0-9]+[A-Z]/.test(word);
}

/**
 * File paths (with a known extension, or at least three slash-separated segments), paths inside GitHub
 * file URLs, imported module paths, and lowercase dotted module paths named in prose or inline code.
 */
export interface MentionedPaths {
  paths: string[];
  /** The first line a path is cited at (`a.py:120`, as logs and compilers print them), by the path as in `paths`. */
  lines: Record<string, number>;
}

export function collectMentionedPaths(parts: EvidenceParts): MentionedPaths {
  const paths = new OrderedSet(MAX_ITEMS);
  const lines: Record<string, number> = {};
  const cite = (path: string, line: number | undefined): void => {
    paths.add(path);
    if (line !== undefined && line > 0 && paths.items.includes(path) && !(path in lines)) lines[path] = line;
  };
  const fromText = (text: string, dottedModules: boolean): void => {
    for (const url of text.match(URL) ?? []) {
      const m = GITHUB_FILE_URL.exec(url);
      // A link's #L847 is a line at the link's own commit or branch, which is not the analysed commit: linked there,
      // it lands on other code (a permalink from last month, a master link since edited). Only the path is kept.
      if (m) paths.add(decodePath(m[1]!));
    }
    for (const token of removeUrls(text).split(TOKEN_SEPARATORS)) {
      if (token.length < 3) continue;
      const path = pathFromToken(token, dottedModules);
      if (path) cite(path, lineOf(/\.\w+:(\d+)/.exec(token)?.[1]));
    }
  };
  fromText(capLine(parts.title), true);
  fromText(withoutPackagingLog(parts.prose), true);
  fromText(parts.inlineCode.map(capLine).join("\n"), true);
  const { plainCode, imports } = splitImports(parts.codeLines);
  for (const imp of imports) {
    // Relative imports in pasted code belong to some other package's files.
    for (const mod of imp.modules) if (!imp.boilerplate && !mod.startsWith(".") && !BOILERPLATE_MODULES.has(mod) && !COMMON_ALIASES.has(mod)) paths.add(mod);
  }
  fromText(withoutPackagingLog(plainCode.join("\n")), false);
  return { paths: paths.items, lines };
}

/**
 * The lines setuptools, pip and CMake print while packaging (`copying horovod/torch/mpi_ops.py -> build/lib.linux-
 * x86_64-3.6/horovod/torch`, `creating build/temp...`, `byte-compiling ... to ...`, a wheel's `adding '...'`, CMake's
 * `-- Installing: .../core.hpp`), quoted or not: every file of the package goes by, none of them pointed at. Only
 * `creating` of a build or dist folder, so that a sentence "creating model/resnet.py fails" stays. A compiler's
 * error line (`horovod/common/x.cc:12: error: ...`) is not such a line.
 */
const PACKAGING_LOG_LINE =
  /^[ \t]*(?:>[ \t]?)*(?:copying \S+ -> \S+|creating \S*(?:build|dist)\S*|byte-compiling \S+ to \S+|adding '[^'\n]+'|removing '?\S+'?|-- (?:Installing|Up-to-date): \S+)[ \t]*$/gm;

function withoutPackagingLog(text: string): string {
  return text.replace(PACKAGING_LOG_LINE, "");
}

function lineOf(digits: string | undefined): number | undefined {
  const line = digits === undefined ? NaN : Number(digits);
  return Number.isSafeInteger(line) && line > 0 ? line : undefined;
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p).replace(/\/+$/, "");
  } catch {
    return p.replace(/\/+$/, "");
  }
}

function pathFromToken(raw: string, dottedModules: boolean): string | null {
  // Trailing sentence punctuation and `:123` line suffixes are not part of the path.
  let token = raw.replace(/(?::\d+)+:?$/, "");
  token = token.replace(/[.:!?]+$/, "");
  if (token.length < 3 || token.length > 500) return null;
  // `src/operator/nn/./cudnn/x.h` (a build log's relative include) is `src/operator/nn/cudnn/x.h`.
  const slashed = token.replace(/\\+/g, "/").replace(/\/\.(?=\/)/g, "");
  const ext = /\.([A-Za-z][A-Za-z0-9]{0,5})$/.exec(slashed)?.[1]?.toLowerCase();
  if (/^[\w.~/-]+$/.test(slashed.replace(/^[A-Za-z]:/, "")) && slashed.includes("/")) {
    const segments = slashed.split("/").filter(Boolean);
    if (ext && isSourceLikeExtension(ext)) return slashed.replace(/^\.\//, "");
    // A folder path without extension: relative, 3+ lowercase segments (`mxnet/gluon/data`); absolute folders are
    // environment details and capitalised lists are prose (`Python/R/Scala/Julia`).
    const relative = !/^(?:\/|~|[A-Za-z]:)/.test(slashed);
    if (!ext && relative && segments.length >= 3 && segments.every((s) => /^[a-z_][a-z0-9_.-]*$/.test(s))) return slashed.replace(/\/+$/, "");
    return null;
  }
  if (/^[\w-]{2,}\.[A-Za-z][A-Za-z0-9]{0,5}$/.test(slashed) && ext && BARE_FILE_EXTENSIONS.has(ext) && !/^(?:self|cls|\d)/.test(slashed)) return slashed;
  // Dotted module paths need three segments: two (`net.initialize`) are mostly method calls in prose.
  if (dottedModules && /^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*){2,}$/.test(token)) {
    const segments = token.split(".");
    const first = segments[0]!;
    const last = segments[segments.length - 1]!;
    if (COMMON_ALIASES.has(first) || first === "self" || first.length < 2 || BOILERPLATE_MODULES.has(token)) return null;
    if (FILE_EXTENSIONS.has(last) || DOMAIN_SUFFIXES.has(last) || DOTTED_STOPWORDS.has(token)) return null;
    return token;
  }
  return null;
}

const SOURCE_LIKE = new Set(
  "py pyx pyi ipynb cc cpp cxx c h hpp hh cu cuh txt md rst yaml yml json toml cfg ini sh cmake proto in".split(" "),
);

/** A bare `name.ext` without a slash is only a file name for these (`x.h` or `self.c` are more likely code). */
const BARE_FILE_EXTENSIONS = new Set("py pyx ipynb cc cpp cu cuh hpp yaml yml json toml cfg ini txt sh md rst".split(" "));

function isSourceLikeExtension(ext: string): boolean {
  return SOURCE_LIKE.has(ext);
}
