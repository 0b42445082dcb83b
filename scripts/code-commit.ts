/**
 * The commit of the code a training script runs, as a model file records it: `<sha>-dirty` when the source differs
 * from that commit, changed or added (a model trained on uncommitted code must not claim the commit's code made it),
 * "unknown" outside a git checkout.
 */

import { execFileSync } from "node:child_process";

/** The paths, from the checkout's root, whose changes change what a training script computes. */
const CODE_PATHS = ["src", "scripts", "package.json", "package-lock.json"];

export function codeCommit(cwd = process.cwd()): string {
  // No optional locks: a status taken while another job commits must not take index.lock from it.
  const env = { ...process.env, GIT_OPTIONAL_LOCKS: "0" };
  const git = (dir: string, ...args: string[]): string =>
    execFileSync("git", args, { cwd: dir, env, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    const sha = git(cwd, "rev-parse", "HEAD");
    if (!sha) return "unknown";
    // From the root, so that a script run from a subfolder checks the same paths.
    const root = git(cwd, "rev-parse", "--show-toplevel");
    return git(root, "status", "--porcelain", "--untracked-files=all", "--", ...CODE_PATHS) === "" ? sha : `${sha}-dirty`;
  } catch {
    return "unknown";
  }
}
