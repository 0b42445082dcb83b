import { execFile } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { ScopeOptions } from "../ir/scope.js";
import { readCommitHistory } from "../history/git-history.js";
import type { CommitInfo, RepoSnapshot } from "../types.js";
import { GIT_ENV, GitError, resolveCommit, resolveGitDir } from "./git.js";
import { readFolderSnapshot } from "./read-folder-snapshot.js";
import { readGitSnapshot } from "./read-git-snapshot.js";
import { folderFileReader, gitFileReader, type RepositoryFileReader } from "./repository-file.js";

const execFileAsync = promisify(execFile);

/** A remote clone URL (https, ssh, git, file, or scp-like `user@host:path`). */
export function isRemoteUrl(repo: string): boolean {
  return /^(https?|ssh|git|file):\/\//.test(repo) || /^[\w.-]+@[\w.-]+:/.test(repo);
}

/**
 * The text without the credentials of any URL in it, for messages: a token in a URL must never reach a log. Both
 * the user-info part (`https://user:token@host`) and a query string (`...git?token=...`) go, in every URL of the
 * text (git's own error output may repeat the URL).
 */
export function redactUrl(text: string): string {
  return text.replace(/\/\/[^/@\s'"]*@/g, "//***@").replace(/(:\/\/[^\s'"?]*)\?[^\s'"]+/g, "$1?***");
}

/**
 * How to clone a URL that carries credentials (`https://user:token@host/o/r.git`) without writing them to disk: git
 * stores the URL it clones in the clone's `.git/config`, which an interrupted run (Ctrl-C before the temporary folder
 * is removed) leaves behind. The credentials go in an Authorization header given through the environment
 * (GIT_CONFIG_COUNT, git 2.31 and later), read by this one git process only, and the URL without them.
 */
export function cloneWithoutStoredCredentials(repo: string): { url: string; env: NodeJS.ProcessEnv } {
  if (!/^https?:\/\//i.test(repo)) return { url: repo, env: {} };
  let parsed: URL;
  try {
    parsed = new URL(repo);
  } catch {
    return { url: repo, env: {} };
  }
  if (parsed.username === "" && parsed.password === "") return { url: repo, env: {} };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = "";
  parsed.password = "";
  const basic = Buffer.from(`${user}:${password}`).toString("base64");
  return {
    url: parsed.toString(),
    env: { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraHeader", GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}` },
  };
}

/** Commits of history read for a local triage: enough for fix frequency, recency and co-change. */
export const LOCAL_HISTORY_COMMITS = 5000;

export interface LoadedRepository {
  snapshot: RepoSnapshot;
  /** Ancestors of the analysed commit (of HEAD for a working folder), newest first; empty outside git. */
  commits: CommitInfo[];
}

/**
 * Scope options decided by the repository itself (its `.github/mltriage.yml`), read from the same state that is
 * analysed: the commit (`commit` set) or the working folder (`commit` undefined).
 */
export type ScopeFromRepository = (files: RepositoryFileReader, commit: string | undefined) => Promise<ScopeOptions>;

/**
 * The snapshot to triage and its commit history: a working folder as it is on disk, a commit of a local
 * repository (`ref`), or a commit of a remote repository cloned bare into a temporary folder that is removed
 * afterwards.
 */
export async function loadRepository(repo: string, ref: string | undefined, scopeOf: ScopeOptions | ScopeFromRepository = {}): Promise<LoadedRepository> {
  const scopeAt = async (gitDir: string, commit: string) => (typeof scopeOf === "function" ? scopeOf(gitFileReader(gitDir, commit), commit) : scopeOf);
  const history = (gitDir: string, commit: string) => readCommitHistory(gitDir, commit, { maxCommits: LOCAL_HISTORY_COMMITS }).catch(() => []);
  if (isRemoteUrl(repo)) {
    const dir = await mkdtemp(join(tmpdir(), "mltriage-clone-"));
    // Interrupted (Ctrl-C, a kill), the `finally` below never runs: the temporary clone is removed here, then the
    // signal is raised again for its default effect.
    const onSignal = (signal: NodeJS.Signals) => {
      rmSync(dir, { recursive: true, force: true });
      process.kill(process.pid, signal);
    };
    const noListenersBefore = process.listenerCount("SIGINT") === 0 && process.listenerCount("SIGTERM") === 0;
    if (noListenersBefore) {
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
    }
    try {
      try {
        const { url, env } = cloneWithoutStoredCredentials(repo);
        await execFileAsync("git", ["clone", "--bare", "--quiet", "--", url, join(dir, "repo.git")], { env: { ...GIT_ENV, ...env }, timeout: 600_000 });
      } catch (err) {
        const stderr = String((err as { stderr?: string }).stderr ?? "").trim().split("\n")[0] ?? "";
        throw new GitError(`cannot clone ${redactUrl(repo)}: ${redactUrl(stderr)}`);
      }
      const gitDir = join(dir, "repo.git");
      const commit = await resolveCommit(gitDir, ref ?? "HEAD");
      const snapshot = await readGitSnapshot(gitDir, commit, await scopeAt(gitDir, commit));
      return { snapshot: { ...snapshot, source: redactUrl(repo) }, commits: await history(gitDir, snapshot.commit!) };
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await rm(dir, { recursive: true, force: true });
    }
  }
  const info = await stat(repo).catch(() => null);
  if (!info?.isDirectory()) throw new GitError(`${repo} is not a folder or a git URL`);
  if (ref) {
    const gitDir = await resolveGitDir(repo);
    const commit = await resolveCommit(gitDir, ref);
    const snapshot = await readGitSnapshot(gitDir, commit, await scopeAt(gitDir, commit));
    return { snapshot: { ...snapshot, source: repo }, commits: await history(gitDir, snapshot.commit!) };
  }
  const scope = typeof scopeOf === "function" ? await scopeOf(folderFileReader(repo), undefined) : scopeOf;
  const snapshot = await readFolderSnapshot(repo, scope);
  const gitDir = await resolveGitDir(repo).catch(() => null);
  return { snapshot, commits: gitDir ? await history(gitDir, "HEAD") : [] };
}

/** {@link loadRepository} without the history. */
export async function loadSnapshot(repo: string, ref: string | undefined, scope: ScopeOptions = {}): Promise<RepoSnapshot> {
  return (await loadRepository(repo, ref, scope)).snapshot;
}
