/**
 * The worker's local copy of a repository: a bare clone in the cache folder, made once and fetched afterwards.
 *
 * The token never touches a URL, `.git/config` or a log: it reaches git through GIT_CONFIG_COUNT environment
 * entries (`http.extraHeader`), which git reads like `-c` options but which, unlike `-c`, do not show in the
 * process list. Full clone rather than `--filter=blob:none`: reading a snapshot later would fetch missing
 * blobs lazily, and those fetches would run without the header.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { GIT_ENV, GitError } from "../repo/git.js";

const execFileAsync = promisify(execFile);

export interface SyncRequest {
  /** From the webhook payload (GitHub Enterprise and test file:// URLs work alike). */
  cloneUrl: string;
  owner: string;
  name: string;
  branch: string;
  /** Installation token; undefined for local URLs. */
  token?: string;
  cacheDir: string;
  timeoutMs: number;
}

export interface SyncResult {
  gitDir: string;
  /** The branch's commit after the fetch. */
  commit: string;
  /** True when this call cloned (first time for this repository on this machine). */
  cloned: boolean;
}

const SAFE_SEGMENT = /^[A-Za-z0-9_.-]+$/;

/** Where a repository lives in the cache: `<cache>/repos/<owner>/<name>.git`. */
export function repoCacheDir(cacheDir: string, owner: string, name: string): string {
  for (const segment of [owner, name]) {
    if (!SAFE_SEGMENT.test(segment) || segment.startsWith(".")) throw new GitError(`unsafe repository name segment: ${segment}`);
  }
  return join(cacheDir, "repos", owner, `${name}.git`);
}

/** Environment for one git call: no prompts, no credential helper storing anything, the header if any. */
export function gitAuthEnv(token: string | undefined): NodeJS.ProcessEnv {
  const entries: Array<[string, string]> = [["credential.helper", ""]];
  if (token) {
    const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
    entries.push(["http.extraHeader", `Authorization: Basic ${basic}`]);
  }
  const env: NodeJS.ProcessEnv = { ...GIT_ENV, GIT_TERMINAL_PROMPT: "0", GCM_INTERACTIVE: "never", GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return env;
}

async function runGit(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  try {
    const { stdout } = await execFileAsync("git", args, { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string; killed?: boolean; signal?: string };
    if (e.killed || e.signal === "SIGTERM") throw new GitError(`git ${args[0] === "--git-dir" ? args[2] : args[0]} timed out after ${timeoutMs} ms`);
    const stderr = (e.stderr ?? "").trim();
    throw new GitError(stderr.split("\n").find((line) => /fatal|error/i.test(line)) ?? (stderr.split("\n")[0] || "git failed"), stderr);
  }
}

function assertSafeBranch(branch: string): void {
  if (!branch || branch.startsWith("-") || /[\s~^:?*[\\]|\.\.|@\{/.test(branch)) throw new GitError(`invalid branch name: ${branch}`);
}

/** Clones the repository once (bare), fetches its default branch afterwards, and returns the branch's commit. */
export async function syncRepository(request: SyncRequest): Promise<SyncResult> {
  assertSafeBranch(request.branch);
  const gitDir = repoCacheDir(request.cacheDir, request.owner, request.name);
  const env = gitAuthEnv(request.token);
  const ref = `refs/heads/${request.branch}`;
  let cloned = false;

  if (!existsSync(join(gitDir, "HEAD"))) {
    // Clone beside the target and rename: an interrupted clone never looks like a usable cache.
    const partial = `${gitDir}.partial-${process.pid}-${Date.now()}`;
    await mkdir(dirname(gitDir), { recursive: true });
    try {
      await runGit(["clone", "--bare", "--quiet", "--no-tags", "--single-branch", "--branch", request.branch, "--", request.cloneUrl, partial], env, request.timeoutMs);
      await rm(gitDir, { recursive: true, force: true });
      await rename(partial, gitDir);
      cloned = true;
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  } else {
    // The URL comes from the current payload, so a renamed or transferred repository still fetches.
    await runGit(["--git-dir", gitDir, "fetch", "--quiet", "--no-tags", "--force", "--", request.cloneUrl, `+${ref}:${ref}`], env, request.timeoutMs);
  }
  const commit = (await runGit(["--git-dir", gitDir, "rev-parse", "--verify", `${ref}^{commit}`], env, 30_000)).trim();
  return { gitDir, commit, cloned };
}
