/**
 * The part of a report that classification evidence may quote: the reporter's words, not the text that only rides
 * along with them. Every match still counts as a feature, as the models were trained; this decides only what the
 * comment may say the report "mentions".
 */

import { dropTemplateExamples, packageKey } from "./environment.js";
import { FRAME_HEADER, FRAME_HEADER_START } from "../issue/frame-header.js";

/**
 * The source line Python prints under a traceback frame's header (`  File ".../torch/distributed.py", line 33, in
 * f` then `    for name in [dist.Backend.NCCL, ...]`): code of whichever file the frame is in, printed by the
 * interpreter, not the reporter's words (`NCCL` in a line of torch's is no sign that NCCL is the cause). Group 1 keeps
 * the header. Only a line indented further than its header, and no exception line (a frame printed without its
 * source, `File "<string>", line 1`, may be followed by the error itself, indented as pip indents its output).
 */
const PYTHON_FRAME_CODE = new RegExp(
  String.raw`^(([ \t]*)${FRAME_HEADER}[^\n]*)\n\2[ \t]+(?![ \t])(?!${FRAME_HEADER_START})(?![\w.]*(?:Error|Exception|Warning|Interrupt|Exit)\b)[^\n]*$`,
  "gm",
);

/**
 * The same in a paste that lost its indentation (a converted body): a header at the line's start, its code line at the
 * start of the next. Only after a header with a function (a frame printed without source, `File "<string>", line 1`,
 * has none) and not an exception, a frame or a traceback's framing line.
 */
const UNINDENTED_FRAME_CODE =
  new RegExp(
    String.raw`^(${FRAME_HEADER}, in [^\n]*)\n(?!${FRAME_HEADER_START})(?![\w.]*(?:Error|Exception|Warning|Interrupt|Exit)\b)(?!Traceback \(|During handling|The above exception)[^\n]*$`,
    "gm",
  );

/**
 * An IPython (7 and earlier) traceback's frame lines: the header (`~/lib/.../session.py in _do_call(self, fn, *args)`,
 * a Cython module's `pandas/_libs/lib.pyx in pandas._libs.lib.map_infer()`)
 * and the numbered source lines under it (`1333     try:`, `-> 1334       return fn(*args)`), the code of whichever
 * file the frame is in: `compiler=compiler` of a library's frame is no sign of a build problem.
 */
const IPYTHON_FRAME_LINE = /^[ \t]*(?:\S+\.(?:pyw?|pyx) in [\w<>.]+\([^\n]*|-*>[ \t]*\d{1,7}\b[^\n]*|\d{1,7}(?:[ \t]{2,}[^\n]*|[ \t]*))$/gm;

/**
 * An informational line of a C++ log, TensorFlow's or glog's (`2020-05-28 12:00:00.1: I tensorflow/.../dso_loader.cc:48]
 * Successfully opened dynamic library libcudart.so.11.0`, `I0528 12:00:00.1 1234 engine.cc:55] ...`): what went as
 * planned, no sign of the cause (horovod/horovod#1963 had "mentions `libcudart.so.11.0`"). Warnings and errors stay.
 */
const INFO_LOG_LINE = /^[ \t]*(?:(?:\d{4}-\d{2}-\d{2}[ T][\d:.]+:?[ \t]+)?I[ \t]+[\w./-]+\.(?:cc|cpp|h|py):\d+\]|I\d{4}[ \t]+[\d:.]+[ \t]+\d+[ \t]+[\w./-]+:\d+\])[^\n]*$/gm;

/** A URL (up to a space, a closing bracket or a quote). */
const URL = /\b(?:https?|ftp):\/\/[^\s)\]>"'`]+/g;

/** A native backtrace frame (`[bt] (3) /home/ubuntu/mxnet/lib/libmxnet.so(+0x1d2f) [0x7f…]`), as mxnet prints them. */
const NATIVE_FRAME_LINE = /^[ \t]*\[bt\][^\n]*$/gm;

/**
 * A filesystem path, absolute or from home (`/home/ubuntu/.local/lib/python3.6/...`, `C:\Users\me\...`): its folder
 * names are where the reporter's files happen to live, so `ubuntu` or `libmxnet.so` in it is no sign of an outside
 * cause. Only a path preceded by a space, quote, backtick (inline code), bracket, comma or `=`: a URL's `//host/...`
 * is not one.
 */
const FILESYSTEM_PATH = /(?:^|(?<=[\s"'`(\[,=]))(?:~|[A-Za-z]:)?(?:[\\/][\w.+-]+){2,}[\\/]?/gm;

/**
 * A relative path of three parts or more (`windows_package\python\mxnet\base.py`, `src/operator/nn/conv.cc`): its
 * folders are the build's or the repository's, not words of the report ("windows" of a CI package folder).
 */
const RELATIVE_PATH = /(?:^|(?<=[\s"'`(\[,=]))[\w.+-]+(?:[\\/][\w.+-]+){2,}[\\/]?/gm;

/**
 * A line of commented-out code or configuration: `//    weight_file: "elmo_weights.hdf5",` of a Jsonnet config
 * (allennlp/allennlp#4646: no `hdf5` file is used), `// "grad_norm": 10.0,`, `#model.cuda()`, `# x = torch.load(p)`.
 * What the reporter switched off is no part of the failing run. A comment in words (`// this throws on WebGL`, `# the
 * CUDA call fails`, `// Error: WebGL is not supported`, `// TODO: cudnn fails here`) stays, a root prompt's command
 * (`# NCCL_DEBUG=INFO python train.py`) too, and a Markdown heading (`# Environment`, `## Bug (GPU)`) is none.
 */
const COMMENTED_OUT_CODE =
  /^[ \t]*(?:\/\/[ \t]*(?!(?:[Ee]rror|ERROR|[Ww]arning|WARNING|[Nn]ote|NOTE|TODO|FIXME|XXX|HACK|BUG)\b)(?:["']?[\w.-]+["']?[ \t]*[:=(]|[{}[\]()])|#[ \t]*(?![A-Z][A-Z0-9_]*=)[\w.]+(?:\(|[ \t]*=(?!=)))[^\n]*$/gm;

/**
 * A list of names in prose ("it uses kornia, numpy, matplotlib, imageio and h5py modules"), joined by commas and a
 * last "and" or "or". Group 1 is the comma run, group 2 the "and" tail (absent: no list in prose, a printed one),
 * group 3 the word after it. Linear: the comma run is consumed once and the tail is optional, so a printed list
 * (`[0, 1, 0, ...]` of 40 KB) is not scanned again from each of its items.
 */
const NAME_LIST = /(?<![\w.-])([\w.-]+(?:,[ \t]*(?!(?:and|or)\b)[\w.-]+)+)(,?[ \t]+(?:and|or|&)[ \t]+[\w.-]+)?(?:[ \t]+(\w+))?/g;
/** What a list of packages is called after it: "... and h5py modules", "... or scipy packages". */
const PACKAGES_WORD = /^(?:modules?|packages?|librar(?:y|ies)|libs|dependenc(?:y|ies)|imports|installed)$/i;
/** What introduces an inventory before it: "it uses kornia, ...", "I installed torch, ...", "I have numpy, ...". */
const INVENTORY_BEFORE = /\b(?:uses?|using|imports?|installed|install|have|has|requires?)[ \t(]*$/i;

/**
 * An inventory of the packages a script uses or an environment holds: every package in it is named alike, so none of
 * them is blamed ("mentions `numpy`" of kornia/kornia#642's "it uses kornia, numpy, matplotlib, imageio and h5py
 * modules"). A list of three names or more counts as one when a word such as "modules" follows it, or when two of its
 * names are known packages and a word such as "uses" or "installed" comes before it.
 */
function dropPackageLists(text: string): string {
  if (!text.includes(",")) return text;
  return text.replace(NAME_LIST, (all: string, run: string, tail: string | undefined, after: string | undefined, offset: number) => {
    if (tail === undefined) return all;
    const names = `${run}${tail}`.split(/,|[ \t]+(?:and|or|&)[ \t]+/).map((n) => n.trim()).filter(Boolean);
    const known = names.filter((n) => packageKey(n) !== undefined).length;
    // An inventory by its words ("... modules", "it uses ..."): "segfaults when protobuf, onnx and tensorrt are
    // installed together" or "incompatible with numpy, scipy and pandas" blames them.
    const before = text.slice(Math.max(0, offset - 20), offset);
    const inventory = PACKAGES_WORD.test(after ?? "") || (known >= 2 && INVENTORY_BEFORE.test(before));
    return names.length >= 3 && inventory ? " " : all;
  });
}

/**
 * The tag a project puts first in its titles ("[Numpy] np.einsum fails", "[BUG] ..."): the project's own name for
 * its component, not a library the report blames.
 */
const TITLE_TAG = /^[ \t]*(?:\[[^\]\n]{1,30}\][ \t]*)+/;

/**
 * A "key: value" line, as templates, `collect_env`, mxnet's diagnose.py (also as Python 2 tuples,
 * `('Platform     :', 'Linux-4.4.0-aws-x86_64-with-debian-stretch-sid')`) and lscpu print them. Group 1 is the key.
 */
const KEY_VALUE_LINE = /^[ \t]*(?:[-*+][ \t]*)?(?:\*\*)?(?:\(?['"])?([A-Za-z][\w ()./,&*#-]{0,80}?)(?:\*\*)?['"]?[ \t]*:(?!\/\/|:)['",]?[ \t]*\S/;

/** Keys that state the environment. */
const ENVIRONMENT_KEY =
  /(?<![A-Za-z])(?:versions?|os|platform|gpus?|cuda|cudnn|python|driver|hardware|libraries|distribution|system|device|compiler|environment|installed|cpus?|cpu\(s\)|architecture|kernel|release|memory|model name|numa|cache|flags|build|commit(?: hash)?)\b/i;

/** Keys of a build's facts ("Compiler (gcc/clang/...):", "Build config:", "MXNet commit hash:"). */
const BUILD_KEY = /build|compil|commit|config|cmake|make/i;

/** Keys of the report's own statements, never environment: "CUDA error: ...", "RuntimeError: ...". */
const REPORT_KEY = /error|exception|warning|fail|problem|issue|traceback/i;

/**
 * A template's question whose answer follows on the next line ("Compiler (gcc/clang/mingw/visual studio):"): its
 * words are the template's, and its choices are not the reporter's. Dropped when its key states the environment.
 */
const QUESTION_LINE = /^[ \t]*(?:[-*+][ \t]*)?(?:\*\*)?([A-Za-z][^:\n]{0,80}):(?:\*\*)?[ \t]*$/;

/**
 * mxnet's diagnose.py output, a section at a time ("----------Python Info----------", "----------Network Test----------")
 * up to the end of its code block, or, pasted without one, up to a blank line or a heading ("## Error Message:"):
 * what a script printed about the machine, not the reporter's words, which follow it.
 */
const DIAGNOSE_SECTION = /^-{3,}[ \t]*\w+(?: \w+)? (?:Info|Test)[ \t]*-{3,}[^\n]*\n(?:(?![ \t]*(?:```|#|\n|$))[^\n]*(?:\n|$))*/gm;

/** `[pip3] numpy==1.19.1`, `[conda] pytorch 1.7.0`: collect_env's package list. */
const COLLECT_ENV_PACKAGE_LINE = /^[ \t]*\[(?:pip\d?|conda)\]/;

/**
 * A line of `pip freeze` (`name==1.2.3`, `name @ file:///...`, `-e git+https://...#egg=name`) or of `conda list`
 * (`cudatoolkit               9.2                           0`, `cython  0.29.21  py37h3340039_0  conda-forge`: a
 * name, a version, a build and perhaps a channel, in columns).
 */
const FREEZE_LINE =
  /^[ \t]*(?:-e[ \t]+\S+#egg=\S+|[A-Za-z][\w.-]*[ \t]*(?:===?[ \t]*\S+|@[ \t]+\S+)|[A-Za-z_][\w.-]*[ \t]+\d[\w.+!-]*[ \t]+[\w.+-]+(?:[ \t]+[\w./:-]+)?)[ \t]*$/;

/** A JSON object's `"key": value` line (`"lr": 2e-5,`, `"batch_size" : 4`). */
const JSON_KEY_LINE = /^[ \t]*"[^"\n]{1,80}"[ \t]*:/;
/** A line of brackets only, between a JSON object's key lines (`},`, `{`, `]`). */
const JSON_BRACKET_LINE = /^[ \t]*[[\]{}]+,?[ \t]*$/;
/** Three or more key lines of one object: a pasted configuration or a printed dump. */
const MIN_JSON_RUN = 3;

/** Three or more freeze or conda list lines in a row (blank lines between them allowed) are a pasted package list. */
const MIN_FREEZE_RUN = 3;

/**
 * The lines that state the environment: a "key: value" line whose key names an environment fact ("OS: Ubuntu
 * 18.04", "- GPU models and configuration: GeForce GTX 1080"), every line of a run of three or more "key: value" lines
 * one of which does (a dump: lscpu's "NUMA node0 CPU(s): 0-17" sits among "Architecture: x86_64" and "CPU(s): 72"),
 * and package lists. Their facts are on the comment's environment line; quoted as a cause's evidence they would make
 * every filled-in template read as a sign of an outside cause. A run of "Expected: ... / Actual: ..." lines without
 * an environment key is the reporter's own.
 */
function dropEnvironmentLines(text: string): string {
  const lines = text.split("\n");
  // Each line's key, for a "key: value" line or a key whose value follows below ("- GPU:", "* Packages:"); and the
  // lines that are the report's own statements ("IndexError: list index out of range"), which are no value of a key.
  const statement: boolean[] = [];
  const keyOf = lines.map((line, i) => {
    const key = KEY_VALUE_LINE.exec(line)?.[1] ?? QUESTION_LINE.exec(line)?.[1];
    statement[i] = key !== undefined && /error|exception|warning|traceback|fail/i.test(key);
    return key !== undefined && !REPORT_KEY.test(key) ? key : undefined;
  });
  // Measured once: a deeply indented body would otherwise be measured again for every key above each line.
  const indents = lines.map(indentOf);
  const blank = lines.map((line) => line.trim() === "");
  const isEnvironmentKey = (key: string) => ENVIRONMENT_KEY.test(key) || packageKey(key.trim()) !== undefined;
  // Not a line of code that ends in a colon (`if backend not in ['ddp_spawn', 'ddp_cpu']:` names no environment).
  const drop = lines.map((line, i) => COLLECT_ENV_PACKAGE_LINE.test(line) || (keyOf[i] !== undefined && isQuestionKey(keyOf[i]!) && isEnvironmentKey(keyOf[i]!)));
  // A pasted `pip freeze` (allennlp's template asks for one): every installed package is named in it, which says
  // nothing of the cause.
  for (let i = 0; i < lines.length; ) {
    if (!FREEZE_LINE.test(lines[i]!)) {
      i++;
      continue;
    }
    const run: number[] = [];
    let j = i;
    for (; j < lines.length && (FREEZE_LINE.test(lines[j]!) || blank[j]); j++) if (!blank[j]) run.push(j);
    if (run.length >= MIN_FREEZE_RUN) for (const k of run) drop[k] = true;
    i = j;
  }
  // A key whose value is a list below it goes with the list: indented (collect_env's "- GPU:" then
  // "  - GeForce RTX 2080 Ti"), or, in a body converted from HTML that lost the indents, the lines after a blank
  // line up to the next blank line or key ("GPU:", "", "GeForce RTX 2080 Ti", "GeForce RTX 2080 Ti", "").
  // Not after a line of code ("if torch.cuda.is_available():", "with tf.device(devices[i]):"): what follows it is the
  // reporter's code or its error, not values.
  for (let i = 0; i < lines.length; i++) {
    if (!drop[i] || !QUESTION_LINE.test(lines[i]!) || !isQuestionKey(keyOf[i] ?? "")) continue;
    const indent = indents[i]!;
    const value = (j: number) => !blank[j] && !statement[j];
    let j = i + 1;
    for (; j < lines.length && value(j) && indents[j]! > indent; j++) drop[j] = true;
    // The answers to a build question (the compiler, the build command and its flags) are what a build cause
    // quotes: kept.
    if (j > i + 1 || BUILD_KEY.test(keyOf[i] ?? "")) continue;
    while (j < lines.length && blank[j]) j++;
    // Values, not the reporter's sentences: "This currently breaks on most setups." under a template's question, or
    // the paragraph that follows a question left unanswered, stays.
    for (; j < lines.length && value(j) && keyOf[j] === undefined && indents[j]! >= indent && !isSentence(lines[j]!); j++) drop[j] = true;
  }
  for (let start = 0; start < lines.length; ) {
    if (keyOf[start] === undefined && !drop[start]) {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && (keyOf[end] !== undefined || drop[end])) end++;
    if (end - start >= 3 && drop.slice(start, end).some(Boolean)) drop.fill(true, start, end);
    start = end;
  }
  return lines.filter((_, i) => !drop[i]).join("\n");
}

/**
 * A template's or a dump's key, not a line of code: a Python keyword first, a call, an index or an assignment
 * (collect_env's "CPU(s)" is a key).
 */
function isQuestionKey(key: string): boolean {
  if (/^(?:if|elif|else|for|while|with|def|class|try|except|finally|async|lambda|return)\b/.test(key.trim())) return false;
  // Nor the reporter's sentence that leads into their code ("I installed Autokeras 0.2.19 and tried to run the
  // example below:").
  if (/^(?:I|I'm|I've|we|my|our|it|this|that|when|after|then|here|so|but)\b/i.test(key.trim()) && key.trim().split(/\s+/).length >= 6) return false;
  // Nor a file a compiler or linker names ("build/src/engine/naive_engine.o: In function ...: undefined reference").
  if (/\.(?:o|obj|a|so|c|cc|cpp|cxx|h|hpp|cu|cuh|py)$/.test(key.trim())) return false;
  return !/\w\((?!s\))|[=[\]]/.test(key);
}

/** A sentence of the reporter's: four words or more, ending as a sentence does. */
function isSentence(line: string): boolean {
  const text = line.trim();
  return /[.!?]$/.test(text) && text.split(/\s+/).length >= 4;
}

function indentOf(line: string): number {
  return (/^[ \t]*/.exec(line)?.[0] ?? "").replace(/\t/g, "    ").length;
}

/**
 * A pasted JSON configuration or dump (allennlp's experiment files, a printed dict): its keys are the settings of the
 * reporter's run (`"lr": 2e-5` under `"optimizer"`), not words about the bug ("mentions `lr`" of a model that fails to
 * load). Runs of three or more `"key": value` lines, with the bracket lines among them.
 */
function dropJsonConfigs(text: string): string {
  const lines = text.split("\n");
  const drop = new Array<boolean>(lines.length).fill(false);
  for (let i = 0; i < lines.length; ) {
    if (!JSON_KEY_LINE.test(lines[i]!) && !JSON_BRACKET_LINE.test(lines[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let keys = 0;
    for (; j < lines.length && (JSON_KEY_LINE.test(lines[j]!) || JSON_BRACKET_LINE.test(lines[j]!)); j++) if (JSON_KEY_LINE.test(lines[j]!)) keys++;
    if (keys >= MIN_JSON_RUN) drop.fill(true, i, j);
    i = j;
  }
  return drop.some(Boolean) ? lines.filter((_, i) => !drop[i]).join("\n") : text;
}

/** A heading: Markdown's (`## Environment info (Required)`) or a line in bold (`**Environment**`). */
const HEADING_LINE = /^[ \t]*(?:#{1,6}[ \t]+\S[^\n]*|\*\*[^*\n]+\*\*[ \t]*:?)[ \t]*$/;
/**
 * A heading that is the environment's and nothing else: "## Environment", "## Environment info (Required)", "**System
 * information**", "### Versions". Not "## Regression since version 1.6", which is the reporter's words.
 */
const ENVIRONMENT_HEADING =
  /^[ \t]*(?:#{1,6}[ \t]+|\*\*)(?:your[ \t]+)?(?:environment|system[ \t]+info(?:rmation)?|versions?)(?:[ \t]+info(?:rmation)?)?(?:[ \t]*\([^)\n]*\))?[ \t]*:?(?:\*\*)?[ \t]*:?[ \t]*$/i;
/** A line of a fence, which opens or closes a code block. */
const FENCE_LINE = /^[ \t]*(?:```|~~~)/;
/** A line that shows an error: it is the report's, wherever it stands. */
const ERROR_LINE = /error|exception|traceback|fail|warning|fatal|abort|segmentation/i;

/**
 * The answers under an environment heading ("## Environment info (Required)" over "macOs", "pip-installed:",
 * "mxnet 1.5.0b20190111"): what the reporter runs, which the comment's environment line states, not words about the
 * cause (apache/mxnet#13862 had "mentions `macOs`" as a sign of an outside cause). The answers are the lines after the
 * heading up to the first blank line after them, a fence or another heading; a sentence of the reporter's, a line
 * that shows an error and a code block stay, and a `#` comment inside a code block is no heading.
 */
function dropEnvironmentSections(text: string): string {
  if (!/environment|system info|version/i.test(text)) return text;
  const lines = text.split("\n");
  let inFence = false;
  // After an environment heading: "leading" until its first answer, "answers" until a blank line ends them.
  let state: "none" | "leading" | "answers" = "none";
  let dropped = false;
  const kept = lines.filter((line) => {
    if (FENCE_LINE.test(line)) {
      inFence = !inFence;
      state = "none";
      return true;
    }
    if (inFence) return true;
    if (HEADING_LINE.test(line)) {
      state = ENVIRONMENT_HEADING.test(line) ? "leading" : "none";
      return true;
    }
    if (line.trim() === "") {
      if (state === "answers") state = "none";
      return true;
    }
    if (state === "none") return true;
    state = "answers";
    // A "key: value" or "key:" line is left to dropEnvironmentLines, which knows which keys are the environment's and
    // takes a key's list of values with it.
    if (isSentence(line) || ERROR_LINE.test(line) || KEY_VALUE_LINE.test(line) || QUESTION_LINE.test(line)) return true;
    dropped = true;
    return false;
  });
  return dropped ? kept.join("\n") : text;
}

/**
 * The report without the template's bracketed examples ("OS Platform (e.g., Linux Ubuntu 16.04)"), its environment
 * lines, sections and dumps, pasted JSON configurations, commented-out code, lists of packages in prose, the code
 * lines printed under traceback frames, native backtrace frames, informational log lines, links and filesystem
 * paths. "possibly extrinsic: mentions `libmxnet.so`; mentions `ubuntu`" of an operator bug whose backtrace runs
 * through the project's own library, from `/home/ubuntu`, says nothing of its cause.
 */
export function quotableText(text: string): string {
  const withoutDumps = dropJsonConfigs(dropTemplateExamples(text).replace(DIAGNOSE_SECTION, "").replace(PYTHON_FRAME_CODE, "$1").replace(UNINDENTED_FRAME_CODE, "$1"));
  return dropPackageLists(dropEnvironmentLines(dropEnvironmentSections(withoutDumps)).replace(COMMENTED_OUT_CODE, ""))
    .replace(TITLE_TAG, "")
    // A link's words are its target's: a model's `...-2020.02.27.tar.gz` is no version the report states, the
    // `huge-success/sanic` of a repository link no word of the report.
    .replace(URL, " ")
    .replace(NATIVE_FRAME_LINE, "")
    .replace(INFO_LOG_LINE, "")
    .replace(IPYTHON_FRAME_LINE, "")
    .replace(FILESYSTEM_PATH, " ")
    .replace(RELATIVE_PATH, " ");
}
