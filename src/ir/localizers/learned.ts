import { loadRankerModel, scoreWithModel, type RankerModel } from "../learn/ranker-model.js";
import type { LinearModel } from "../learn/listwise.js";
import { computeFeatures, type FeatureSet } from "./features.js";
import type { Localizer, LocalizerInput, LocalizerOutput } from "./localizer.js";

/** A localizer whose scores come from a trained model over {@link computeFeatures}; evaluation cross-validates it. */
export interface LearnedLocalizer extends Localizer {
  featurize(input: LocalizerInput): FeatureSet;
  scoreFeatures(model: LinearModel, matrix: Float32Array, docCount: number): Float64Array;
}

/**
 * DNNLOC-style learned ranker (Lam et al., ICPC 2017, PAPER §2.4), kept small: the IR scores (BM25, rVSM,
 * structured VSM), the DL-aware evidence (traceback frames, error messages, named definitions and paths) and
 * the file metadata of Ye et al. (fix frequency and recency, similar fixed reports) combined by a linear model
 * trained listwise on the benchmark (`npm run train:rank`, see src/ir/learn/listwise.ts and lambdarank.ts). A linear model over per-report normalised
 * signals transfers to repositories it never saw better than a deep one fitted to eight.
 */
export function createLearnedLocalizer(loadModel: () => RankerModel = () => loadRankerModel()): LearnedLocalizer {
  let model: RankerModel | undefined;
  const current = (): RankerModel => (model ??= loadModel());
  return {
    id: "learned",
    version: "1",
    description: "learned fusion of IR, traceback, message, definition, path and history evidence (listwise linear model, repository-grouped CV)",
    featurize: computeFeatures,
    scoreFeatures: (m, matrix, docCount) => scoreWithModel(m, matrix, docCount),
    localize(input: LocalizerInput): LocalizerOutput {
      const features = computeFeatures(input);
      const m = current();
      return { scores: scoreWithModel(m, features.matrix, features.docCount), explain: features.explain };
    },
  };
}

export const learnedLocalizer = createLearnedLocalizer();

export function isLearned(l: Localizer): l is LearnedLocalizer {
  return typeof (l as Partial<LearnedLocalizer>).featurize === "function";
}
