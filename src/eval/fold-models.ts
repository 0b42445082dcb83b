/**
 * Trains the rankers of a repository-grouped cross-validation: one per held-out repository, each on the bugs of
 * all the other repositories. The folds are independent, so they run in worker threads when the machine has
 * cores to spare; each worker receives the examples once and trains the folds it is handed. The same examples
 * in the same order give the same models as {@link trainFoldModelsHere}.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { LinearModel } from "../ir/learn/listwise.js";
import { spawnSiblingWorker } from "../ir/parallel/spawn-worker.js";
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

/** The ranker that scores `heldOut`'s bugs: trained on the bugs of every other repository, in their order. */
export function trainFold(examples: readonly FoldExample[], heldOut: string): LinearModel {
  return trainRanker(examples.filter((e) => e.repo !== heldOut).map((e) => e.example));
}

/** The ranker for each held-out repository, trained in this thread, one after another. */
export function trainFoldModelsHere(examples: readonly FoldExample[], heldOut: readonly string[]): Map<string, LinearModel> {
  return new Map(heldOut.map((repo) => [repo, trainFold(examples, repo)]));
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
  let failure: { reason: unknown } | undefined;
  try {
    await Promise.all(
      Array.from({ length: count }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = spawnSiblingWorker(import.meta.url, "fold-worker", { examples });
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
    failure = { reason };
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  if (!failure) return models;
  // A thread that cannot start or dies must not lose the evaluation: the same folds are trained here, with the
  // same result; an error of the training itself then surfaces in this thread.
  onFallback?.(failure.reason);
  return trainFoldModelsHere(examples, heldOut);
}
