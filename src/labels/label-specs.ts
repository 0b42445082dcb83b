/**
 * The labels the bot manages, as they appear on GitHub: the config's prefix plus each label's name, colour
 * and description. Disabled labels are not managed: the bot neither suggests, applies nor removes them.
 */
import type { BugType } from "../types.js";
import { BUG_TYPE_LABEL_KEYS, LABEL_KEYS, type LabelKey, type RepoConfig } from "../config/repo-config-schema.js";

export interface LabelSpec {
  /** Which config entry it comes from (`labels.<key>`). */
  key: LabelKey;
  /** Full name on GitHub, prefix included. */
  name: string;
  /** 6 hex digits, no '#', as the GitHub API wants it. */
  color: string;
  description: string;
}

/** Every enabled label the bot manages, with the prefix applied: what to create in a repository when missing. */
export function labelSpecs(config: RepoConfig): LabelSpec[] {
  return LABEL_KEYS.flatMap((key) => {
    const spec = labelSpecFor(config, key);
    return spec ? [spec] : [];
  });
}

/** One managed label, or undefined when the config turns it off. */
export function labelSpecFor(config: RepoConfig, key: LabelKey): LabelSpec | undefined {
  const entry = config.labels[key];
  if (!entry.enabled) return undefined;
  return { key, name: config.labels.prefix + entry.name, color: entry.color.toLowerCase(), description: entry.description };
}

/** The config key of a bug type's label. */
export function bugTypeLabelKey(bugType: BugType): LabelKey {
  return BUG_TYPE_LABEL_KEYS[bugType];
}

/** Names of the labels the bot manages (enabled ones, prefix included). */
export function managedLabelNames(config: RepoConfig): string[] {
  return labelSpecs(config).map((spec) => spec.name);
}

/** GitHub label names are case-insensitive (and a locale-independent comparison keeps this deterministic). */
export function sameLabel(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
