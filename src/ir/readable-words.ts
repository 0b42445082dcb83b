/**
 * Which of the words are worth showing a reader as "matched words" evidence.
 *
 * Scoring uses every term the tokenizer keeps; the explanation should not. A reader does not recognise the
 * `1e` of `1e-5`, the `32m` of a terminal colour code, the `19t19` of a timestamp, a two-letter piece such as
 * the `py` of `block.py`, or a CPU flag such as `est` from a pasted `lscpu` listing, even when they did match.
 */

import { FRAME_HEADER } from "../issue/frame-header.js";

/** Shortest word shown: one- and two-letter pieces (`py`, `lr`, `nn`, `p0`) explain nothing on their own. */
const MIN_READABLE_LENGTH = 3;

/**
 * Lines listing CPU features: `Flags: fpu vme de pse ...` (lscpu, /proc/cpuinfo) and
 * `machdep.cpu.features: FPU VME ...` (macOS sysctl, as printed by mxnet's diagnose.py, maybe as a bytes repr).
 */
const CPU_FEATURE_LINE = /^[ \t]*(?:b['"])?(?:flags|machdep\.cpu\.(?:leaf7_|ext)?features)[ \t]*:/i;

/**
 * Words of a report's prose that also occur in code comments, so they match, but say nothing about where a bug is:
 * "matched words: `probably`, `completely`, `anything`" reads as noise. Not stop words for scoring (the tokenizer's
 * list is the classic one), only never shown. Words that name things in code (`end`, `data`, `value`) are not
 * listed: in a hook such as `on_train_end` they are what matched.
 */
const FILLER_WORDS = new Set(
  (
    "probably completely anything something everything nothing anyone someone already actually really currently " +
    "previous previously provided provide provides providing note notes noted give gives given giving either " +
    "works worked working thing things manually instead seems seemed seem apparently basically simply certain " +
    "possible possibly following follows followed expected expect unexpected unfortunately however therefore " +
    "whether within without sure maybe perhaps somehow anyway regarding related similar similarly obviously " +
    "check checked checking suppose supposed wondering think thought tried trying want wanted wants " +
    // and the words every report uses of itself and of its traceback (`<module>`), never telling which file
    "every now always since second correct different many full whole lesser bug bugs issue issues fix fixed " +
    "error errors fail failed failing fails module code"
  ).split(" "),
);

/** True when a word as the issue wrote it is one a reader would recognise: no number pieces, no tiny fragments. */
export function isReadableWord(surface: string): boolean {
  // Starting with a digit: exponents (`1e`), ANSI codes (`0m`), timestamps (`19t19`), hex (`0000000e`).
  return surface.length >= MIN_READABLE_LENGTH && !/^[0-9]/.test(surface) && !FILLER_WORDS.has(surface.toLowerCase());
}

/**
 * A line of a package list: `pip freeze`'s `regex==2020.6.8` or `torch @ file:///...`, collect_env's `[pip3] numpy==1.19`
 * and `[conda] pytorch 1.7.0 ...`. Its words are the names of installed packages, none of them the report's words:
 * "matched words: `regex`" said nothing of a file.
 */
const PACKAGE_LIST_LINE = /^[ \t]*(?:\[(?:pip\d?|conda)\][^\n]*|[A-Za-z][\w.-]*[ \t]*(?:===?[ \t]*v?\d[\w.+!-]*|@[ \t]*(?:file:|git\+|https?:)\S*)[ \t]*)$/;

/**
 * The issue text without the lines whose words are noise for a reader: hardware (CPU feature lists) and installed
 * package lists. For evidence only.
 */
export function withoutListingLines(text: string): string {
  return text
    .split("\n")
    .filter((line) => !CPU_FEATURE_LINE.test(line) && !PACKAGE_LIST_LINE.test(line))
    .join("\n");
}

/**
 * The issue text without its links, for evidence only: `github`, `com`, `blob` or a project's name from a pasted
 * URL matched many files but are not words of the report (a link to a file of the repository is shown as the
 * file being named, not as matched words).
 */
export function withoutUrls(text: string): string {
  return text.replace(/\b(?:https?|ftp):\/\/[^\s)\]>"'`]+/g, " ");
}

/** A frame header with the ` in` after it (`File "x.py", line 3, in`): the framing of every traceback. */
const FRAME_HEADER_WITH_IN = new RegExp(String.raw`\b${FRAME_HEADER}(?:, in\b)?`, "g");

/**
 * The issue text without the framing of pasted tracebacks and without filesystem paths, for evidence only: the
 * `Traceback (most recent call last)` line and each frame's `File "...", line N, in` say `last`, `file` and `line`
 * for every traceback, and install paths (`/usr/local/lib/python3.6/dist-packages/...`, `C:\\Users\\me\\...`)
 * say `local`, `packages` and `python` for every report. A frame's function name and its source line stay: they are
 * the report's content. Which files a traceback or a path points at is evidence of its own kind.
 */
export function withoutTracebackFraming(text: string): string {
  return text
    .replace(/Traceback \(most recent call last\):?/g, " ")
    .replace(FRAME_HEADER_WITH_IN, " ")
    .replace(/(?:^|(?<=[\s"'(=]))(?:~|[A-Za-z]:)?(?:[\\/][\w.+-]+){2,}[\\/]?/gm, " ");
}

/**
 * The first `limit` words to show, strongest first, each once: a word contained in a longer one (`runtime` beside
 * `runtimeerror`, `batch` beside `batchnorm`) adds nothing, and the longer one takes its place, even from below the
 * cut. Filtering the whole list before the cut instead dropped a strong `data` for a weak `metadata` that the cut
 * then dropped too, so that neither was shown.
 */
export function withoutContainedWords(words: readonly string[], limit = Infinity): string[] {
  const shown: string[] = [];
  for (const word of words) {
    // Shown already, or as a part of a longer word shown (isPartOf excludes the word itself: checked here).
    if (shown.includes(word) || shown.some((s) => isPartOf(word, s))) continue;
    const held = shown.findIndex((s) => isPartOf(s, word));
    if (held === -1) {
      if (shown.length < limit) shown.push(word);
      continue;
    }
    shown[held] = word;
    // It may hold more than one word shown (`random` and `sampler` in `randomsampler`): keep it once, where the first was.
    for (let i = shown.length - 1; i > held; i--) if (isPartOf(shown[i]!, word)) shown.splice(i, 1);
  }
  return shown;
}

/**
 * True when `part` begins or ends the longer `whole`, as a compound's part does (`runtime` of `runtimeerror`,
 * `sampler` of `randomsampler`), and is long enough to be a word of its own: `art` is no part of `start`, nor `norm`
 * of `abnormal`.
 */
function isPartOf(part: string, whole: string): boolean {
  return part !== whole && part.length >= 4 && (whole.startsWith(part) || whole.endsWith(part));
}
