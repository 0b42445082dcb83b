/**
 * The file scope of the config, as the snapshot readers take it (src/ir/scope.ts). The config promises that
 * `scope.exclude` adds to the built-in exclusions, whereas the readers treat an explicit exclude list as a
 * replacement; so the built-in lists are prepended here.
 */
import { GENERATED, VENDORED, type ScopeOptions } from "../ir/scope.js";
import type { RepoConfig } from "./repo-config-schema.js";

export function scopeOptionsFromConfig(config: RepoConfig): ScopeOptions {
  const { include, exclude } = config.scope;
  return {
    ...(include.length > 0 ? { include: [...include] } : {}),
    ...(exclude.length > 0 ? { exclude: [...VENDORED, ...GENERATED, ...exclude] } : {}),
    maxFileBytes: config.maxFileBytes,
    maxFiles: config.maxRepoFiles,
  };
}
