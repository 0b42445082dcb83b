import { CommitGraph } from "../history/commit-graph.js";
import type { History, PastFix } from "../types.js";
import type { BenchmarkBug } from "./dataset.js";
import type { HistoryProvider } from "./run-eval.js";

/**
 * History for a benchmark bug, without leaking the future:
 * - commits: ancestors of the bug's base commit dated no later than the issue;
 * - past fixes: other bugs of the same repository in the dataset whose fix commit is such a commit, with
 *   the files that fix changed as git has them.
 * Never the bug itself (its fix is a child of its base commit, so it is not an ancestor), never a later fix.
 */
export function benchmarkHistoryProvider(all: readonly BenchmarkBug[]): HistoryProvider {
  const graphs = new Map<string, Promise<CommitGraph>>();
  const byRepo = new Map<string, BenchmarkBug[]>();
  for (const b of all) {
    let list = byRepo.get(b.repo);
    if (!list) byRepo.set(b.repo, (list = []));
    list.push(b);
  }
  return async (bug, gitDir) => {
    let graph = graphs.get(bug.repo);
    if (!graph) {
      // One graph per repository at a time: the previous one is dropped to bound memory.
      graphs.clear();
      graphs.set(bug.repo, (graph = CommitGraph.load(gitDir)));
    }
    return historyAt(await graph, bug, byRepo.get(bug.repo) ?? []);
  };
}

/** The history visible to `bug`: see {@link benchmarkHistoryProvider}. */
export function historyAt(graph: CommitGraph, bug: BenchmarkBug, sameRepo: readonly BenchmarkBug[]): History {
  const base = graph.resolve(bug.base_commit);
  if (!base) throw new Error(`commit ${bug.base_commit} is not in the history of ${bug.repo}`);
  // Without an issue date, the base commit's own date bounds what the bug may see.
  const until = bug.created_at ? Date.parse(bug.created_at) : Date.parse(graph.get(base)!.date);
  const commits = graph.history(base, until);
  const visible = new Set(commits.map((c) => c.sha));
  const pastFixes: PastFix[] = [];
  for (const other of sameRepo) {
    const fixSha = other.fix_commit ? graph.resolve(other.fix_commit) : undefined;
    if (other.id === bug.id || !fixSha || !visible.has(fixSha)) continue;
    const fix = graph.get(fixSha)!;
    pastFixes.push({ id: other.id, title: other.title, body: other.body, files: fix.files, fixedAt: fix.date });
  }
  return { pastFixes, commits };
}
