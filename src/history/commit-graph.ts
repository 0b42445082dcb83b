import { git } from "../repo/git.js";
import { LOG_FORMAT, parseLog } from "./git-history.js";
import type { CommitInfo } from "../types.js";

interface Node {
  info: CommitInfo;
  parents: string[];
  time: number;
}

/**
 * Every commit of a repository (all refs) with its parents and changed files, read once with one `git log`.
 * Answers "which commits are ancestors of X" in memory, so evaluating hundreds of bugs of one repository
 * needs one git call instead of one per bug.
 */
export class CommitGraph {
  private constructor(private readonly nodes: Map<string, Node>) {}

  static async load(gitDir: string): Promise<CommitGraph> {
    const out = await git(gitDir, ["log", "--all", "--no-renames", "--name-only", LOG_FORMAT], { timeoutMs: 600_000 });
    const nodes = new Map<string, Node>();
    for (const { info, parents } of parseLog(out)) nodes.set(info.sha, { info, parents, time: Date.parse(info.date) });
    return new CommitGraph(nodes);
  }

  /** The full SHA of a commit named by its full or abbreviated (7+ hex digits, unambiguous) id. */
  resolve(id: string): string | undefined {
    if (this.nodes.has(id)) return id;
    if (!/^[0-9a-f]{7,39}$/.test(id)) return undefined;
    let found: string | undefined;
    for (const sha of this.nodes.keys()) {
      if (!sha.startsWith(id)) continue;
      if (found) return undefined; // ambiguous
      found = sha;
    }
    return found;
  }

  has(sha: string): boolean {
    return this.nodes.has(sha);
  }

  get(sha: string): CommitInfo | undefined {
    return this.nodes.get(sha)?.info;
  }

  /** The commit and all its ancestors. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      const node = this.nodes.get(s);
      if (!node) continue;
      seen.add(s);
      for (const p of node.parents) if (!seen.has(p)) stack.push(p);
    }
    return seen;
  }

  /** Ancestors of `sha` dated at or before `until` (ms), newest first. */
  history(sha: string, until = Infinity): CommitInfo[] {
    const out: Node[] = [];
    for (const s of this.ancestors(sha)) {
      const node = this.nodes.get(s)!;
      if (node.time <= until) out.push(node);
    }
    return out.sort((a, b) => b.time - a.time).map((n) => n.info);
  }
}
