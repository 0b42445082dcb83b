/**
 * Which class a closed-vocabulary feature points at by domain knowledge: a DL lexicon term (lx:, lt:) or a type's
 * share of the terms (lc:, lct:) at its own bug type, a cause rule or hint (cz:) at extrinsic. Training starts
 * these weights there (the prior mean); the evidence shown in the comment quotes a term only for that class.
 */

import { BUG_TYPES, type BugType } from "../types.js";

export const EXTRINSIC_CLASSES = ["intrinsic", "extrinsic"] as const;

/** Lexicon term id prefix of each bug type (TYPE_LEXICON ids are "<prefix>.<term>"). */
const TERM_PREFIX_CLASS = new Map<string, number>([
  ["model", BUG_TYPES.indexOf("Model")],
  ["tensor", BUG_TYPES.indexOf("Tensor & Input")],
  ["training", BUG_TYPES.indexOf("Training")],
  ["gpu", BUG_TYPES.indexOf("GPU")],
  ["api", BUG_TYPES.indexOf("API")],
  ["nondl", BUG_TYPES.indexOf("non-DL")],
]);

/** The bug type a lexicon feature (lx:/lt: term) or a share feature (lc:/lct: type) points at. */
export function typeOfTermFeature(feature: string): number | undefined {
  const m = /^(lx|lt|lc|lct):(.+)$/.exec(feature);
  if (!m) return undefined;
  if (m[1] === "lc" || m[1] === "lct") {
    const k = BUG_TYPES.indexOf(m[2] as BugType);
    return k < 0 ? undefined : k;
  }
  const dot = m[2]!.indexOf(".");
  return dot < 0 ? undefined : TERM_PREFIX_CLASS.get(m[2]!.slice(0, dot));
}

/** Every cause rule and hint (cz:) names something outside the project: by domain knowledge, a sign of an extrinsic bug. */
export function extrinsicOfCauseFeature(feature: string): number | undefined {
  return feature.startsWith("cz:") ? EXTRINSIC_CLASSES.indexOf("extrinsic") : undefined;
}

/** True for the features that have a domain class (lexicon terms, shares, cause rules); words and report shape have none. */
export function isDomainFeature(feature: string): boolean {
  return /^(?:lx|lt|lc|lct|cz):/.test(feature);
}

/** The class name a domain feature points at ("GPU", "extrinsic"), or undefined (also for a term of no known type). */
export function domainClassOf(feature: string): string | undefined {
  const type = typeOfTermFeature(feature);
  if (type !== undefined) return BUG_TYPES[type];
  const extrinsic = extrinsicOfCauseFeature(feature);
  return extrinsic !== undefined ? EXTRINSIC_CLASSES[extrinsic] : undefined;
}
