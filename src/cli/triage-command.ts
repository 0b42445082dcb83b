import { readFile } from "node:fs/promises";
import { getLocalizer } from "../ir/localizers/registry.js";
import { runPipeline } from "../pipeline/run-pipeline.js";
import { loadRepository } from "../repo/load-snapshot.js";
import { basename, resolve } from "node:path";
import { IGNORED_FIELD, loadRepoConfigFromYaml, parseRepoConfig, type ConfigProblem, type RepoConfig } from "../config/repo-config.js";
import { scopeOptionsFromConfig } from "../config/scope-options.js";
import { planLabels } from "../labels/plan-labels.js";
import { renderComment } from "../render/render-comment.js";
import type { RepoRef } from "../render/file-link.js";
import type { CliIo } from "./io.js";
import { parseOptions, positiveInt } from "./parse-options.js";
import { UsageError } from "./usage-error.js";

export const TRIAGE_USAGE = `mltriage triage --repo <folder or git URL> [--ref <commit>] --title <text> [--body-file <file> | --body <text>] [--top N] [--format markdown|json] [--localizers a,b|all] [--config .github/mltriage.yml] [--github owner/name]`;

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

  const { config, problems } = await readConfig(o.config);
  // The comment shows these too (as the app does for .github/mltriage.yml); the person at the terminal gets them
  // here, with the file they named.
  for (const p of problems) {
    const outcome = p.message.endsWith(IGNORED_FIELD) ? "" : " (the default is used)";
    io.stderr(`note: --config ${o.config}: ${p.path}: ${p.message}${outcome}`);
  }
  if (o.github !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(o.github)) throw new UsageError(`--github must be owner/name, got "${o.github}"`);
  const { snapshot, commits } = await loadRepository(o.repo, o.ref, scopeOptionsFromConfig(config));
  if (snapshot.files.length === 0) io.stderr(`note: no file of ${o.repo} is in scope; nothing to rank`);
  const result = await runPipeline({
    snapshot,
    issue: { title: o.title, body },
    history: { pastFixes: [], commits },
    top,
    localizers,
  });
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

/** The repository config to render with: `--config <file>` (a `.github/mltriage.yml`), else the defaults. */
async function readConfig(path: string | undefined): Promise<{ config: RepoConfig; problems: ConfigProblem[] }> {
  if (path === undefined) return parseRepoConfig({});
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read --config ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return loadRepoConfigFromYaml(text);
}
