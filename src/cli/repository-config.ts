import { loadRepoConfigFromYaml, parseRepoConfig, REPO_CONFIG_PATH, type ConfigProblem, type RepoConfig } from "../config/repo-config.js";
import type { RepositoryFileReader } from "../repo/repository-file.js";

export interface RepositoryConfig {
  config: RepoConfig;
  problems: ConfigProblem[];
  /** `_extends` is set: the app merges the named repository's file first; the CLI cannot, and says so. */
  extendsIgnored: boolean;
}

/**
 * The repository's own `.github/mltriage.yml` at the analysed state, validated as the app validates it, so the CLI
 * renders what the app would post. Only `.yml`: the app reads that name and no other. Never throws: a file that
 * cannot be read is a problem of the file, and the defaults apply, as in the app.
 */
export async function readRepositoryConfig(files: RepositoryFileReader): Promise<RepositoryConfig> {
  let text: string | undefined;
  try {
    text = await files(REPO_CONFIG_PATH);
  } catch (err) {
    const { config } = parseRepoConfig(null);
    const problems = [{ path: "(file)", message: `could not be read (${firstLine((err as Error).message)})` }];
    return { config, problems, extendsIgnored: false };
  }
  if (text === undefined) return { ...parseRepoConfig(null), extendsIgnored: false };
  return { ...loadRepoConfigFromYaml(text), extendsIgnored: /^_extends[ \t]*:/m.test(text) };
}

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? text).slice(0, 200);
}
