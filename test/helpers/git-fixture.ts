/**
 * Git repositories built in a temporary folder at test time, with fixed names and dates so commit SHAs are
 * the same on every run and on every machine. No test may depend on a repository checked in or on the network.
 *
 *   const repo = createGitRepo({ "pkg/model.py": "class Net: ..." }, { commits: [{ files: { "pkg/model.py": null } }] });
 *   repo.commits   // [initial, second], oldest first
 *   repo.cleanup() // in afterAll
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** What a path holds in a commit: text, raw bytes, a symbolic link, or null to delete it. */
export type FixtureFile = string | Uint8Array | { symlink: string } | null;

export type FixtureFiles = Record<string, FixtureFile>;

export interface FixtureCommit {
  /** Changes on top of the previous commit: paths not named stay as they were. */
  files: FixtureFiles;
  message?: string;
  /** ISO 8601 author and committer date; default: one day after the previous commit. */
  date?: string;
}

export interface GitRepoOptions {
  /** Commits made after the initial one, in order. */
  commits?: FixtureCommit[];
  /** Message of the initial commit. */
  message?: string;
  /** Date of the initial commit (default 2020-01-01T00:00:00Z). */
  date?: string;
  /** Branch name (default "main"). */
  branch?: string;
}

export interface GitRepo {
  /** The work tree. */
  dir: string;
  /** Its `.git` folder. */
  gitDir: string;
  /** SHAs of the commits made so far, oldest first (grows with `addCommit`). */
  commits: string[];
  /** Makes one more commit on the current branch and returns its SHA. */
  addCommit(commit: FixtureCommit): string;
  /** Runs git in the work tree with the fixture's fixed identity and dates; returns stdout. */
  git(args: string[], dateIso?: string): string;
  /** A bare clone of this repository at `dest` (parents created), returned as an absolute path. */
  cloneBare(dest: string): string;
  cleanup(): void;
}

export const FIXTURE_START_DATE = "2020-01-01T00:00:00Z";
const DAY_MS = 86_400_000;

/** Environment that makes git deterministic and blind to the user's own configuration. */
export function fixtureGitEnv(dateIso: string = FIXTURE_START_DATE): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_AUTHOR_NAME: "Fixture Author",
    GIT_AUTHOR_EMAIL: "author@example.com",
    GIT_COMMITTER_NAME: "Fixture Committer",
    GIT_COMMITTER_EMAIL: "committer@example.com",
    GIT_AUTHOR_DATE: dateIso,
    GIT_COMMITTER_DATE: dateIso,
    LC_ALL: "C",
  };
}

/** Runs git with the fixture environment; stdout as text. */
export function runGit(cwd: string, args: string[], dateIso?: string): string {
  return execFileSync("git", args, { cwd, env: fixtureGitEnv(dateIso), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Writes files into a folder (creating parents); `null` deletes. Does not touch git. */
export function writeFiles(dir: string, files: FixtureFiles): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    rmSync(full, { force: true });
    if (content === null) continue;
    mkdirSync(dirname(full), { recursive: true });
    if (typeof content === "string" || content instanceof Uint8Array) writeFileSync(full, content);
    else symlinkSync(content.symlink, full);
  }
}

/** A temporary folder, removed by the returned function. */
export function makeTempDir(prefix = "mltriage-test-"): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function nextDate(previous: string): string {
  return new Date(Date.parse(previous) + DAY_MS).toISOString().replace(/\.000Z$/, "Z");
}

/** A non-bare repository whose first commit holds `files`, followed by `options.commits`. */
export function createGitRepo(files: FixtureFiles, options: GitRepoOptions = {}): GitRepo {
  const temp = makeTempDir("mltriage-repo-");
  const dir = temp.dir;
  runGit(dir, ["init", "--quiet", `--initial-branch=${options.branch ?? "main"}`]);
  runGit(dir, ["config", "core.autocrlf", "false"]);
  runGit(dir, ["config", "core.symlinks", "true"]);
  runGit(dir, ["config", "commit.gpgsign", "false"]);
  const commits: string[] = [];
  let lastDate: string | null = null;

  const commit = (c: FixtureCommit): string => {
    const date = c.date ?? (lastDate === null ? (options.date ?? FIXTURE_START_DATE) : nextDate(lastDate));
    writeFiles(dir, c.files);
    runGit(dir, ["add", "--all"], date);
    runGit(dir, ["commit", "--quiet", "--allow-empty", "--no-verify", "-m", c.message ?? `commit ${commits.length}`], date);
    const sha = runGit(dir, ["rev-parse", "HEAD"]).trim();
    commits.push(sha);
    lastDate = date;
    return sha;
  };

  commit({ files, message: options.message ?? "initial commit", date: options.date });
  for (const c of options.commits ?? []) commit(c);

  return {
    dir,
    gitDir: join(dir, ".git"),
    commits,
    addCommit: commit,
    git: (args, dateIso) => runGit(dir, args, dateIso ?? lastDate ?? FIXTURE_START_DATE),
    cloneBare(dest) {
      const target = resolve(dest);
      mkdirSync(dirname(target), { recursive: true });
      runGit(dirname(target), ["clone", "--bare", "--quiet", "--", dir, target]);
      return target;
    },
    cleanup: temp.cleanup,
  };
}
