/**
 * Trains the rankers of a repository-grouped cross-validation: one per held-out repository, each on the bugs of
 * all the other repositories. The folds are independent, so they run in worker threads when the machine has
 * cores to spare; each worker receives the examples once and trains the folds it is handed. The same examples
 * in the same order give the same models as {@link trainFoldModelsHere}.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { LinearModel } from "../ir/learn/listwise.js";
import { trainRanker, type RankingExample } from "../ir/learn/ranker-model.js";

export interface FoldExample {
  repo: string;
  example: RankingExample;
}

/** What a fold worker answers for one held-out repository. */
export interface FoldResult {
  heldOut: string;
  model?: LinearModel;
  error?: string;
}

/** The ranker for each held-out repository, trained in this thread, one after another. */
export function trainFoldModelsHere(examples: readonly FoldExample[], heldOut: readonly string[]): Map<string, LinearModel> {
  return new Map(heldOut.map((repo) => [repo, trainRanker(examples.filter((e) => e.repo !== repo).map((e) => e.example))]));
}

/**
 * The ranker for each held-out repository, trained in up to `workers` threads (default: one per core). Trains in
 * this thread when there is one core or one fold, or when a worker fails.
 */
export async function trainFoldModels(
  examples: readonly FoldExample[],
  heldOut: readonly string[],
  workers = availableParallelism(),
  onFallback?: (reason: unknown) => void,
): Promise<Map<string, LinearModel>> {
  const count = Math.min(workers, heldOut.length);
  if (count <= 1) return trainFoldModelsHere(examples, heldOut);
  const queue = [...heldOut];
  const models = new Map<string, LinearModel>();
  const threads: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: count }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = spawnFoldWorker(examples);
          threads.push(worker);
          const next = () => {
            const repo = queue.shift();
            if (repo === undefined) resolve();
            else worker.postMessage(repo);
          };
          worker.on("message", (result: FoldResult) => {
            if (!result.model) return reject(new Error(`training the fold without ${result.heldOut} failed: ${result.error}`));
            models.set(result.heldOut, result.model);
            next();
          });
          worker.on("error", reject);
          worker.on("exit", (code) => {
            if (code !== 0) reject(new Error(`a fold worker exited with code ${code}`));
          });
          next();
        }),
      ),
    );
  } catch (reason) {
    // A thread that cannot start or dies must not lose the evaluation: the same folds are trained here, with the
    // same result; an error of the training itself then surfaces in this thread.
    onFallback?.(reason);
    await Promise.all(threads.map((t) => t.terminate()));
    return trainFoldModelsHere(examples, heldOut);
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  return models;
}

function spawnFoldWorker(examples: readonly FoldExample[]): Worker {
  const here = import.meta.url;
  const typescript = here.endsWith(".ts");
  const entry = new URL(`./fold-worker.${typescript ? "ts" : "js"}`, here);
  if (!typescript) return new Worker(entry, { workerData: { examples }, execArgv: [] });
  // From the TypeScript sources the thread registers tsx itself (see the document pool's bootstrap).
  return new Worker(new URL("../ir/parallel/worker-bootstrap.mjs", here), { workerData: { entry: entry.href, typescript, examples }, execArgv: [] });
}
