import { readFile } from "node:fs/promises";
import { getLocalizer } from "../ir/localizers/registry.js";
import { runPipeline } from "../pipeline/run-pipeline.js";
import { createDocumentCache } from "../ir/create-document-cache.js";
import { createDocumentPool } from "../ir/parallel/document-pool.js";
import { loadRepository, type ScopeFromRepository } from "../repo/load-snapshot.js";
import type { ScopeOptions } from "../ir/scope.js";
import { readRepositoryConfig } from "./repository-config.js";
import { basename, resolve } from "node:path";
import { configProblemOutcome, loadRepoConfigFromYaml, parseRepoConfig, REPO_CONFIG_PATH, type ConfigProblem, type RepoConfig } from "../config/repo-config.js";
import { scopeOptionsFromConfig } from "../config/scope-options.js";
import { planLabels } from "../labels/plan-labels.js";
import { renderComment } from "../render/render-comment.js";
import type { RepoRef } from "../render/file-link.js";
import type { CliIo } from "./io.js";
import { parseOptions, positiveInt } from "./parse-options.js";
import { UsageError } from "./usage-error.js";

export const TRIAGE_USAGE = `mltriage triage --repo <folder or git URL> [--ref <commit>] --title <text> [--body-file <file> | --body <text>] [--top N] [--format markdown|json] [--localizers a,b|all] [--config .github/mltriage.yml] [--github owner/name] [--created <ISO date>]`;

/**
 * From this many files in scope, they are parsed in a worker thread too: starting one (its module loader and the
 * Python grammar) costs about as much as parsing a few hundred files on this thread.
 */
const PARALLEL_PARSE_MIN_FILES = 400;

/** Issues larger than this are cut: a pasted log of megabytes holds no more signal than its first part. */
const MAX_BODY_CHARS = 1_000_000;

/** `mltriage triage`: the comment the bot would post for an issue, computed locally (no Redis, no GitHub). */
export async function triageCommand(argv: string[], io: CliIo): Promise<number> {
  const o = parseOptions(argv, {
    repo: { type: "string" },
    ref: { type: "string" },
    title: { type: "string" },
    body: { type: "string" },
    "body-file": { type: "string" },
    top: { type: "string" },
    format: { type: "string" },
    localizers: { type: "string" },
    config: { type: "string" },
    github: { type: "string" },
    created: { type: "string" },
  });
  if (!o.repo) throw new UsageError("--repo is required");
  if (o.title === undefined || !o.title.trim()) throw new UsageError("--title is required");
  if (o.body !== undefined && o["body-file"] !== undefined) throw new UsageError("give --body or --body-file, not both");
  const format = o.format ?? "markdown";
  if (format !== "markdown" && format !== "json") throw new UsageError(`--format must be markdown or json, got "${format}"`);
  const top = positiveInt(o.top, "top", 10)!;
  const localizers = o.localizers ? o.localizers.split(",").map((s) => s.trim()).filter(Boolean) : [];
  // Checked before the repository is read: an unknown id is a usage mistake, not a crash with a stack trace.
  for (const id of localizers) {
    if (id === "all") continue;
    try {
      getLocalizer(id);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }

  let body = o.body ?? "";
  if (o["body-file"] !== undefined) {
    try {
      body = await readFile(o["body-file"], "utf8");
    } catch (err) {
      throw new UsageError(`cannot read --body-file ${o["body-file"]}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  if (body.length > MAX_BODY_CHARS) {
    io.stderr(`note: the body has ${body.length} characters; only the first ${MAX_BODY_CHARS} are used`);
    body = body.slice(0, MAX_BODY_CHARS);
  }

  if (o.github !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(o.github)) throw new UsageError(`--github must be owner/name, got "${o.github}"`);
  // When the issue was filed: the history signals then count only earlier commits, as the app does with the issue's
  // date (an old issue triaged today would otherwise cite changes made after it as "similar past changes").
  const createdAt = o.created === undefined ? undefined : isoDate(o.created);
  // --config wins; without it, the repository's own file at the analysed state, as the app would read it.
  // Either way the problems go to stderr, naming the file, and into the comment, as the app shows them.
  let { config, problems } = o.config !== undefined ? await readConfig(o.config) : parseRepoConfig(null);
  if (o.config !== undefined) reportConfigProblems(io, `--config ${o.config}`, problems);
  const scope: ScopeOptions | ScopeFromRepository =
    o.config !== undefined
      ? scopeOptionsFromConfig(config)
      : async (files, commit) => {
          const own = await readRepositoryConfig(files);
          const where = commit ? `${REPO_CONFIG_PATH} at ${commit.slice(0, 12)}` : REPO_CONFIG_PATH;
          reportConfigProblems(io, where, own.problems);
          if (own.extendsIgnored) io.stderr(`note: ${where}: _extends is not followed by the CLI (the app merges that file first); pass the merged file with --config`);
          ({ config, problems } = own);
          return scopeOptionsFromConfig(config);
        };
  const { snapshot, commits } = await loadRepository(o.repo, o.ref, scope);
  if (snapshot.files.length === 0) io.stderr(`note: no file of ${o.repo} is in scope; nothing to rank`);
  // A large snapshot is parsed in a worker thread beside this one; a small one is not worth starting it for.
  const documentPool = snapshot.files.length >= PARALLEL_PARSE_MIN_FILES ? createDocumentPool() : undefined;
  let result;
  try {
    result = await runPipeline(
      {
        snapshot,
        issue: { title: o.title, body, ...(createdAt ? { createdAt } : {}) },
        history: { pastFixes: [], commits },
        top,
        localizers,
        // The repository's name only from --github: a local folder's name is whatever the clone was called.
        ...(o.github ? { repositoryName: o.github.split("/")[1]! } : {}),
      },
      { ...(documentPool ? { documentPool, documentCache: await createDocumentCache() } : {}) },
    );
  } finally {
    await documentPool?.close();
  }
  if (format === "json") {
    io.stdout(JSON.stringify(result, null, 2));
    return 0;
  }
  const repo: RepoRef = o.github
    ? { owner: o.github.split("/")[0]!, name: o.github.split("/")[1]! }
    : { owner: "local", name: basename(resolve(o.repo)), local: true };
  io.stdout(renderComment({ result, config: { ...config, topFiles: o.top ? top : config.topFiles }, repo, suggestedLabels: planLabels(result, config), configProblems: problems }));
  return 0;
}

/**
 * `--created`: an ISO 8601 date or date and time ("2020-08-31", "2020-08-31T12:00:00Z"), as GitHub gives it. A time
 * without a zone is UTC, as GitHub's are (not this machine's local time); a date alone is its midnight, UTC. A day
 * that does not exist (2020-02-30) is refused, not moved to the next month.
 */
function isoDate(text: string): string {
  const given = text.trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(given);
  const time = m ? Date.parse(`${m[1]}T${m[2] ?? "00:00"}${m[3] ?? "Z"}`) : NaN;
  if (!m || Number.isNaN(time) || new Date(Date.parse(`${m[1]}T00:00Z`)).toISOString().slice(0, 10) !== m[1]) {
    throw new UsageError(`--created must be an ISO date such as 2020-08-31 or 2020-08-31T12:00:00Z, got "${text}"`);
  }
  return new Date(time).toISOString();
}

/** Config problems on stderr, each naming the file (`--config <file>` or the repository's own). */
function reportConfigProblems(io: CliIo, source: string, problems: readonly ConfigProblem[]): void {
  for (const p of problems) {
    io.stderr(`note: ${source}: ${p.path}: ${p.message}${configProblemOutcome(p)}`);
  }
}

/** The config file named by `--config <file>` (a `.github/mltriage.yml`). */
async function readConfig(path: string): Promise<{ config: RepoConfig; problems: ConfigProblem[] }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read --config ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return loadRepoConfigFromYaml(text);
}
