/**
 * What the bot may change on an issue's labels. Two rules keep it from overriding people:
 * - it applies a label only when auto-apply is on or a maintainer ticked that label's box;
 * - it never re-adds, on its own, a label a human removed; a human ticking the box again is a new decision.
 * An unticked box removes only a label the bot manages, never one it knows nothing about.
 * Dry run is not handled here: this says what the policy allows; the publisher decides whether to act.
 */
import type { RepoConfig } from "../config/repo-config-schema.js";
import type { SuggestedLabel } from "./plan-labels.js";
import { managedLabelNames, sameLabel } from "./label-specs.js";

export interface LabelsToApplyInput {
  suggested: SuggestedLabel[];
  config: RepoConfig;
  /** Labels on the issue now. */
  current: string[];
  /** Labels a human removed from the issue (from its timeline): never re-added by the bot on its own. */
  removedByHuman: string[];
  /** Checkbox state of the bot's comment after a maintainer edited it (parseLabelCheckboxes). */
  checkbox?: { label: string; checked: boolean }[];
  /**
   * Checkbox state before the edit (from the webhook's `changes.body.from`). When given, only boxes whose
   * state changed count, so a stale tick cannot undo a label change made elsewhere. Recommended.
   */
  previousCheckbox?: { label: string; checked: boolean }[];
}

export function labelsToApply(input: LabelsToApplyInput): { add: string[]; remove: string[] } {
  const { suggested, config, current, removedByHuman, checkbox, previousCheckbox } = input;
  const has = (list: readonly string[], name: string) => list.some((item) => sameLabel(item, name));
  const add: string[] = [];
  const remove: string[] = [];

  if (checkbox) {
    // Only boxes for labels the bot manages or suggested count: a box typed into the comment by hand for an
    // arbitrary label does nothing.
    const allowed = [...managedLabelNames(config), ...suggested.map((label) => label.name)];
    for (const box of checkbox) {
      const name = allowed.find((candidate) => sameLabel(candidate, box.label));
      if (!name) continue;
      const before = previousCheckbox?.find((previous) => sameLabel(previous.label, box.label));
      const changed = previousCheckbox ? box.checked !== (before?.checked ?? false) : true;
      if (!changed) continue;
      if (box.checked) {
        // Without the previous state a tick may be stale, so a label a human removed stays removed.
        const humanRemoved = !previousCheckbox && has(removedByHuman, name);
        if (!has(current, name) && !humanRemoved && !has(add, name)) add.push(name);
      } else {
        const onIssue = current.find((label) => sameLabel(label, name));
        if (onIssue && !has(remove, onIssue)) remove.push(onIssue);
      }
    }
    return { add, remove };
  }

  if (config.autoApplyLabels) {
    for (const label of suggested) {
      if (!has(current, label.name) && !has(removedByHuman, label.name) && !has(add, label.name)) add.push(label.name);
    }
  }
  return { add, remove };
}
