/**
 * Which external artefact an issue points at (GPU/driver/CUDA, OS/platform, a third-party library, training data,
 * pretrained weights, build/install), by rules over the cause lexicon. Each cause carries the text that fired it.
 */

import { EXTRINSIC_CAUSES, type Environment, type ExtrinsicCause } from "../types.js";
import { CAUSE_LEXICON, matchTerms, quotedSample, WEIGHTS_EXTENSIONS, WEIGHTS_PHRASE, type LexiconHit, type Quotable } from "./lexicon.js";
import type { PreparedIssue } from "./text.js";
import { isMeasurement } from "./environment.js";

export interface CauseSignal {
  cause: ExtrinsicCause;
  /** Strength of the rule evidence in [0, 1): 1 − e^(−0.6·weighted hits); a title hit counts twice. */
  strength: number;
  evidence: string[];
  /**
   * The reporter's words among the evidence ("mentions `driver`"), without the environment facts it also lists
   * ("states OS Ubuntu 18.04"): a stated fact backs a cause the words name, but is no reason for a cause by itself,
   * and every report that fills in its template states some.
   */
  quotes: string[];
  hits: LexiconHit[];
}

/** Environment facts that back a cause, phrased for evidence. */
function environmentEvidence(cause: ExtrinsicCause, env: Environment): string | undefined {
  if (cause === "gpu-driver-cuda") {
    const parts = [env.gpu, env.cuda && `CUDA ${env.cuda}`, env.cudnn && `cuDNN ${env.cudnn}`, env.driver && `driver ${env.driver}`];
    const stated = parts.filter(Boolean);
    return stated.length ? `states ${stated.join(", ")}` : undefined;
  }
  if (cause === "os-platform") return env.os ? `states OS ${env.os}` : undefined;
  if (cause === "third-party-library") {
    const libs = Object.entries(env.frameworks).map(([k, v]) => `${k} ${v}`);
    return libs.length ? `states ${libs.slice(0, 3).join(", ")}` : undefined;
  }
  return undefined;
}

/**
 * The cause rules that fire, strongest first. `quotable` holds the terms that match in the reporter's own words
 * (quotable-text.ts: not the template's examples such as "OS Platform (e.g., Linux Ubuntu 16.04)", environment
 * lines, dumps, native backtrace frames or filesystem paths) with their first match there: every hit counts, as
 * trained, but only those are quoted as evidence, as the reporter wrote them.
 */
export function detectCauses(issue: PreparedIssue, env: Environment, quotable: Quotable = null): CauseSignal[] {
  const out: CauseSignal[] = [];
  for (const cause of EXTRINSIC_CAUSES) {
    // A compiler's or linker's warning is no failed build: the build or install cause is read without them.
    const read = cause === "build-install" ? withoutToolchainWarnings : (text: string) => text;
    const bodyHits = matchTerms(read(issue.all), CAUSE_LEXICON[cause], 5);
    if (bodyHits.length === 0) continue;
    const titleHits = new Set(matchTerms(read(issue.title), CAUSE_LEXICON[cause], 1).map((h) => h.id));
    let weighted = 0;
    for (const hit of bodyHits) weighted += Math.min(hit.count, 3) / 3 + (titleHits.has(hit.id) ? 1 : 0);
    const evidence = bodyHits
      .flatMap((h) => {
        const sample = quotedSample(quotable, h);
        // "sklearn 0.4986" is a printed result after a library's name, no release of it: not quoted as one.
        return sample === undefined || isMeasurement(/\d+(?:\.\d+)+$/.exec(sample)?.[0] ?? "") ? [] : [{ ...h, sample }];
      })
      .sort((a, b) => Number(titleHits.has(b.id)) - Number(titleHits.has(a.id)) || b.count - a.count)
      .slice(0, 3)
      .map((h) => `mentions \`${h.sample}\``);
    const envEvidence = environmentEvidence(cause, env);
    out.push({ cause, strength: 1 - Math.exp(-0.6 * weighted), evidence: envEvidence ? [...evidence, envEvidence] : evidence, quotes: evidence, hits: bodyHits });
  }
  return out.sort((a, b) => b.strength - a.strength);
}

/**
 * A compiler's or linker's warning line, which a build that succeeds prints as well: clang's "clang: warning:
 * argument unused during compilation: '-fopenmp'" (pyro-ppl/pyro#1358), "clang-9: warning: ...", a cross or conda
 * compiler's "x86_64-linux-gnu-gcc: warning: ..." and "x86_64-conda-linux-gnu-c++: warning: ...", gcc's own
 * "cc1plus: warning: command line option '-Wstrict-prototypes' is valid for C/ObjC but not for C++", macOS ld's "ld:
 * warning: dylib (/usr/local/opt/libomp/lib/libomp.dylib) was built for newer macOS version", "/usr/bin/ld: warning:
 * ...", "nvcc warning : The 'compute_35' architecture is deprecated", gcc's "src/op.cc:12:5: warning: unused
 * variable" and "/usr/include/c++/9/tuple:553:2: warning: ..." (a header without an extension, with a column), MSVC's
 * "C:\Users\me\apex\csrc\op.cpp(12): warning C4244: ..." and "cl : Command line warning D9025 : overriding '/O2'".
 * Errors are not: "clang: error: ...", "error: command 'gcc' failed", "fatal error:" still read as a build that
 * failed. Nor a warning that something is missing: ld's "warning: libcudart.so.10.1, needed by libtorch.so, not
 * found", "cannot find -lcudnn", "undefined reference" are what a failed link reports.
 */
const TOOLCHAIN_WARNING_LINE =
  /^[ \t]*(?![^\n]*\b(?:not found|cannot find|can't find|undefined\b(?! behaviou?r)))(?:(?:[^\s:]*\/)?(?:[\w.+]+-)*(?:clang(?:\+\+)?|gcc|g\+\+|cc|c\+\+|cc1(?:plus|obj)?|ld(?:\.(?:lld|gold|bfd))?|ld64(?:\.lld)?|lld|nvcc|icc|icpc|cl(?:\.exe)?|link(?:\.exe)?)(?:-\d+(?:\.\d+)*)?[ \t]*:?[ \t]*warning[ \t]*:|cl(?:\.exe)?[ \t]*:[ \t]*Command line warning\b|(?:[A-Za-z]:[\\/])?[^\s:()]+\.(?:c|cc|cpp|cxx|h|hh|hpp|hxx|cu|cuh|m|mm)(?::\d+(?::\d+)?:|\(\d+(?:,\d+)?\)[ \t]*:)[ \t]*warning\b|[A-Za-z]:\\[^\n:]{1,260}?\.(?:c|cc|cpp|cxx|h|hh|hpp|hxx|cu|cuh)\(\d+(?:,\d+)?\)[ \t]*:[ \t]*warning\b|(?:[A-Za-z]:)?[^\s:()]*[\\/][^\s:()\\/]+:\d+:\d+:[ \t]*warning:)[^\n]*$/gim;

/** The text without compiler and linker warning lines (see TOOLCHAIN_WARNING_LINE). */
export function withoutToolchainWarnings(text: string): string {
  return /warning/i.test(text) ? text.replace(TOOLCHAIN_WARNING_LINE, "") : text;
}

/**
 * A call that reads a weights file: `load_parameters('net-0000.params')`, `torch.load("model.pth")`, `onnx.load(...)`,
 * and the frozen graphs and Caffe models that the lexicon's term does not count but a loader reads
 * (`load_graph('frozen.pb')`).
 */
const READS_WEIGHTS_FILE = new RegExp(
  String.raw`\b(?:load|restore|import|read|open|from_file|deserializ)\w*\([^)\n]{0,120}?\.(?:${[...WEIGHTS_EXTENSIONS, "pb", "caffemodel"].join("|")})\b`,
  "i",
);

/**
 * Whether a cause is one to name and ask about. A pretrained-model cause read only off a weights file's extension
 * is not when the report never loads such a file: `model.to_onnx('model.onnx')` writes its weights, there is no
 * outside artefact to ask the origin of. The cause still weighs in the extrinsic model as trained (a feature of the
 * report), but the comment does not say "caused by a pretrained model" nor ask where the weights come from.
 */
export function isNamedCause(signal: CauseSignal, text: string): boolean {
  if (signal.cause !== "pretrained-model") return true;
  // The weights-file term matches extensions and phrases ("weights file"); its hit keeps only the first match, so
  // the phrases are looked for in the text itself.
  const onlyFiles = signal.hits.every((h) => h.id === "cause.pretrained.weightsFile") && !WEIGHTS_PHRASE.test(text);
  return !onlyFiles || READS_WEIGHTS_FILE.test(text);
}
