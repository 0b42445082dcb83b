import { ASK, FRAMEWORK_NAMES, frameworkVersionFact } from "../classify/missing-facts.js";
import type { SourceIndex } from "../ir/source-index.js";
import type { Classification } from "../types.js";

/** Top-level import → the framework it belongs to. */
const FRAMEWORK_OF_IMPORT: Record<string, string> = {
  torch: "torch",
  tensorflow: "tensorflow",
  keras: "tensorflow",
  mxnet: "mxnet",
  jax: "jax",
  paddle: "paddle",
};

/**
 * The DL framework most of the repository's Python files import, or undefined when none does. The comment asks
 * a reporter who did not say which framework they run for that framework's own environment report, not for
 * PyTorch's in a TensorFlow project.
 */
export function repositoryFramework(index: SourceIndex): string | undefined {
  const files = new Map<string, number>();
  for (const doc of index.docs) {
    const seen = new Set<string>();
    for (const dotted of doc.structure?.imports ?? []) {
      const framework = FRAMEWORK_OF_IMPORT[dotted.split(".")[0]!];
      if (framework) seen.add(framework);
    }
    for (const f of seen) files.set(f, (files.get(f) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [framework, count] of files) if (best === undefined || count > files.get(best)!) best = framework;
  return best;
}

/** How a report names each framework: its name, its package, or its usual alias in code (`tf.`, `mx.nd`). */
const FRAMEWORK_WORDS: readonly [string, RegExp][] = [
  ["torch", /(?<![\w-])(?:py)?torch(?![\w-])/i],
  ["tensorflow", /(?<![\w-])(?:tensorflow|keras)(?![\w-])|(?<![\w.])tf\.\w/i],
  ["mxnet", /(?<![\w-])mxnet(?![\w-])|(?<![\w.])mx\.(?:nd|sym|gluon|io|np)\b/i],
  ["jax", /(?<![\w-])jax(?![\w-])/i],
  ["paddle", /(?<![\w-])paddle(?![\w-])/i],
];

/**
 * The one framework the report names (`horovod.torch`, "PyTorch", `tf.keras`), or undefined when it names none or
 * several. A horovod user who runs PyTorch is asked for PyTorch's environment, not for TensorFlow's, which most of
 * horovod's files import.
 */
export function frameworkTheReportNames(text: string): string | undefined {
  const named = FRAMEWORK_WORDS.filter(([, words]) => words.test(text)).map(([framework]) => framework);
  return named.length === 1 ? named[0] : undefined;
}

/**
 * The classification with "framework and version" asked as a framework by name ("the PyTorch version" for pyro): a
 * pyro user asked for "framework and version" may well answer with pyro's. The framework is the one the report
 * names, else the repository's.
 */
export function withFrameworkNamed(classification: Classification, repository: string | undefined, reportText = ""): Classification {
  const framework = frameworkTheReportNames(reportText) ?? repository;
  const name = framework ? FRAMEWORK_NAMES[framework] : undefined;
  if (!framework || !name || !classification.missingFacts.includes(ASK.framework)) return classification;
  return {
    ...classification,
    frameworkAsked: framework,
    missingFacts: classification.missingFacts.map((fact) => (fact === ASK.framework ? frameworkVersionFact(name) : fact)),
  };
}
