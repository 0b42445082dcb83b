/** The repository config a job carries, validated again on this side of Redis. */
import { parseRepoConfig, repoConfigSchema, type RepoConfig } from "../../src/config/repo-config.js";

export function jobConfig(raw: Record<string, unknown>): RepoConfig {
  const strict = repoConfigSchema.safeParse(raw);
  // The producer sent a config with defaults applied, so this is the normal path; anything else is repaired
  // field by field (its problems were already reported by the producer).
  return strict.success ? strict.data : parseRepoConfig(raw).config;
}
