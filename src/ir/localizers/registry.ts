import { blia } from "./blia.js";
import { bluir } from "./bluir.js";
import { bm25Localizer } from "./bm25.js";
import { bugLocator } from "./buglocator.js";
import { learnedLocalizer } from "./learned.js";
import type { Localizer } from "./localizer.js";

/**
 * Every localizer, by id. A new localizer is one file plus one line here; no directory scanning.
 * `default` names the ranker the product shows.
 */
export const LOCALIZERS: ReadonlyMap<string, Localizer> = new Map([bm25Localizer, bugLocator, bluir, blia, learnedLocalizer].map((l) => [l.id, l]));

/** The id of the ranker shown in comments and by `triage`. */
export const DEFAULT_LOCALIZER_ID = "learned";

export function getLocalizer(id: string): Localizer {
  const l = id === "default" ? LOCALIZERS.get(DEFAULT_LOCALIZER_ID) : LOCALIZERS.get(id);
  if (!l) throw new Error(`unknown localizer "${id}" (known: ${["default", ...LOCALIZERS.keys()].join(", ")})`);
  return l;
}
