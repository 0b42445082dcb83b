/**
 * Which labels to suggest for a triage result: the bug type's label (bug reports only, at or above the
 * label threshold), the extrinsic label when the bug is probably extrinsic, and "needs environment info"
 * when the classifier found environment facts missing and the bug is probably extrinsic or confidently a GPU bug. Pure: the app decides what to apply (labelsToApply).
 */
import type { TriageResult } from "../types.js";
import type { RepoConfig } from "../config/repo-config-schema.js";
import { bugTypeLabelKey, labelSpecFor } from "./label-specs.js";
import { factName } from "../classify/missing-facts.js";
import {
  bugTypeArticle,
  confidentNonBugKind,
  describeCause,
  isConfidentBugType,
  isProbablyExtrinsic,
  leadingCauses,
  percent,
} from "./classification-verdicts.js";

export { labelsToApply } from "./labels-to-apply.js";

export interface SuggestedLabel {
  /** Full label name on GitHub (prefix included). */
  name: string;
  color: string;
  description: string;
  /** One short sentence saying why, for the comment. */
  reason: string;
  /** The classifier's confidence behind the suggestion, in [0, 1]. */
  confidence: number;
}

export function planLabels(result: TriageResult, config: RepoConfig): SuggestedLabel[] {
  const classification = result.classification;
  if (!classification || confidentNonBugKind(result, config)) return [];
  const suggested: SuggestedLabel[] = [];

  const { bugType, extrinsic } = classification;
  const bugTypeSpec = labelSpecFor(config, bugTypeLabelKey(bugType.label));
  if (bugTypeSpec && isConfidentBugType(result, config)) {
    suggested.push({
      name: bugTypeSpec.name,
      color: bugTypeSpec.color,
      description: bugTypeSpec.description,
      reason: `looks like ${bugTypeArticle(bugType.label)} ${bugType.label} bug (${percent(bugType.confidence)})`,
      confidence: bugType.confidence,
    });
  }

  const extrinsicSpec = labelSpecFor(config, "extrinsic");
  if (extrinsicSpec && isProbablyExtrinsic(result, config)) {
    const causes = leadingCauses(classification).map(describeCause);
    suggested.push({
      name: extrinsicSpec.name,
      color: extrinsicSpec.color,
      description: extrinsicSpec.description,
      reason: `probably caused outside this repository${causes.length ? `, by ${causes.join(", or ")}` : ""} (${percent(extrinsic.confidence)})`,
      confidence: extrinsic.confidence,
    });
  }

  const needsInfoSpec = labelSpecFor(config, "needsInfo");
  // A label stays on the issue and says the triage waits on the reporter: only when the comment states why the
  // environment matters (probably extrinsic, or confidently a GPU bug), not for the questions asked on a coin flip.
  const probablyExtrinsic = isProbablyExtrinsic(result, config);
  const environmentMatters = probablyExtrinsic || (bugType.label === "GPU" && isConfidentBugType(result, config));
  if (needsInfoSpec && classification.missingFacts.length > 0 && environmentMatters) {
    // A label's reason is a hover text: the fact's name, without the command that answers it (the comment has that).
    const shown = classification.missingFacts.slice(0, 3).map(factName).join(", ");
    // Facts read "GPU model and count": a bare " and 1 more" would run into the last of them.
    const more = classification.missingFacts.length > 3 ? `, and ${classification.missingFacts.length - 3} more` : "";
    suggested.push({
      name: needsInfoSpec.name,
      color: needsInfoSpec.color,
      description: needsInfoSpec.description,
      reason: `missing: ${shown}${more}`,
      // The call that made the environment matter is this confident: the extrinsic one, or else the GPU bug type's
      // (a confident GPU bug judged intrinsic would otherwise carry its small chance of being extrinsic).
      confidence: probablyExtrinsic ? extrinsic.confidence : bugType.confidence,
    });
  }
  return suggested;
}
