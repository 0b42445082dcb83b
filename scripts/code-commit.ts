/**
 * The commit of the code a training script runs, as a model file records it: `<sha>-dirty` when the source differs
 * from that commit (a model trained on uncommitted code must not claim the commit's code made it), "unknown" outside
 * a git checkout.
 */

import { execFileSync } from "node:child_process";

/** The paths whose changes change what a training script computes. */
const CODE_PATHS = ["src", "scripts", "package.json", "package-lock.json"];

export function codeCommit(cwd = process.cwd()): string {
  const git = (...args: string[]): string => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    const sha = git("rev-parse", "HEAD");
    if (!sha) return "unknown";
    return git("status", "--porcelain", "--untracked-files=no", "--", ...CODE_PATHS) === "" ? sha : `${sha}-dirty`;
  } catch {
    return "unknown";
  }
}
