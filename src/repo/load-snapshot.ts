import { execFile } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { ScopeOptions } from "../ir/scope.js";
import type { RepoSnapshot } from "../types.js";
import { GIT_ENV, GitError, resolveGitDir } from "./git.js";
import { readFolderSnapshot } from "./read-folder-snapshot.js";
import { readGitSnapshot } from "./read-git-snapshot.js";

const execFileAsync = promisify(execFile);

/** A remote clone URL (https, ssh, git, file, or scp-like `user@host:path`). */
export function isRemoteUrl(repo: string): boolean {
  return /^(https?|ssh|git|file):\/\//.test(repo) || /^[\w.-]+@[\w.-]+:/.test(repo);
}

/** The URL without credentials, for messages: a token in a URL must never reach a log. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^/@]*@/, "//***@");
}

/**
 * The snapshot to triage: a working folder as it is on disk, a commit of a local repository (`ref`), or a
 * commit of a remote repository cloned bare into a temporary folder that is removed afterwards.
 */
export async function loadSnapshot(repo: string, ref: string | undefined, scope: ScopeOptions = {}): Promise<RepoSnapshot> {
  if (isRemoteUrl(repo)) {
    const dir = await mkdtemp(join(tmpdir(), "mltriage-clone-"));
    try {
      try {
        await execFileAsync("git", ["clone", "--bare", "--quiet", "--", repo, join(dir, "repo.git")], { env: GIT_ENV, timeout: 600_000 });
      } catch (err) {
        const stderr = String((err as { stderr?: string }).stderr ?? "").trim().split("\n")[0] ?? "";
        throw new GitError(`cannot clone ${redactUrl(repo)}: ${redactUrl(stderr)}`);
      }
      const snapshot = await readGitSnapshot(join(dir, "repo.git"), ref ?? "HEAD", scope);
      return { ...snapshot, source: redactUrl(repo) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const info = await stat(repo).catch(() => null);
  if (!info?.isDirectory()) throw new GitError(`${repo} is not a folder or a git URL`);
  if (ref) {
    const snapshot = await readGitSnapshot(await resolveGitDir(repo), ref, scope);
    return { ...snapshot, source: repo };
  }
  return readFolderSnapshot(repo, scope);
}
