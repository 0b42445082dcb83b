/**
 * Leave-one-project-out cross-validation: each repository's issues are scored by a model trained on the other
 * repositories only, so no issue is ever scored by a model that saw it (or saw its project).
 */

import type { BugType } from "../types.js";
import { classifyAnalysed } from "./index.js";
import type { ClassifierModel, TrainHyperparameters } from "./model.js";
import { prepareIssue } from "./text.js";
import { DEFAULT_HYPERPARAMETERS, trainClassifier, type AnalysedIssue } from "./train.js";

export interface Prediction {
  id: string;
  repo: string;
  goldType: BugType;
  goldExtrinsic: boolean;
  type: BugType;
  typeConfidence: number;
  extrinsic: boolean;
  /** Calibrated p(extrinsic). */
  pExtrinsic: number;
}

export function predictWith(model: ClassifierModel, items: AnalysedIssue[]): Prediction[] {
  return items.map(({ issue, analysis }) => {
    const c = classifyAnalysed(prepareIssue(issue), analysis, model);
    const pExtrinsic = c.extrinsic.label === "extrinsic" ? c.extrinsic.confidence : 1 - c.extrinsic.confidence;
    return {
      id: issue.id,
      repo: issue.repo,
      goldType: issue.bugType,
      goldExtrinsic: issue.extrinsic,
      type: c.bugType.label,
      typeConfidence: c.bugType.confidence,
      extrinsic: c.extrinsic.label === "extrinsic",
      pExtrinsic,
    };
  });
}

/** Predictions for every item, each from a model trained without its repository. Order follows `items`. */
export function leaveOneProjectOut(
  items: AnalysedIssue[],
  hp: TrainHyperparameters = DEFAULT_HYPERPARAMETERS,
  onFold?: (repo: string, trainRows: number, testRows: number) => void,
): Prediction[] {
  const repos = [...new Set(items.map((x) => x.issue.repo))].sort();
  if (repos.length < 2) throw new Error("leave-one-project-out needs issues from at least two repositories");
  const byId = new Map<AnalysedIssue, Prediction>();
  for (const repo of repos) {
    const train = items.filter((x) => x.issue.repo !== repo);
    const test = items.filter((x) => x.issue.repo === repo);
    onFold?.(repo, train.length, test.length);
    const model = trainClassifier(train, hp);
    predictWith(model, test).forEach((p, i) => byId.set(test[i]!, p));
  }
  return items.map((x) => byId.get(x)!);
}
