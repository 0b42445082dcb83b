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

/**
 * The classification with "framework and version" asked as the framework the repository is built on ("the PyTorch
 * version" for pyro): a pyro user asked for "framework and version" may well answer with pyro's.
 */
export function withFrameworkNamed(classification: Classification, framework: string | undefined): Classification {
  const name = framework ? FRAMEWORK_NAMES[framework] : undefined;
  if (!name || !classification.missingFacts.includes(ASK.framework)) return classification;
  return { ...classification, missingFacts: classification.missingFacts.map((fact) => (fact === ASK.framework ? frameworkVersionFact(name) : fact)) };
}
