import { describe, expect, it } from "@jest/globals";
import { trainFoldModels, trainFoldModelsHere, type FoldExample } from "../../src/eval/fold-models.js";
import { FEATURE_COUNT, FEATURE_NAMES } from "../../src/ir/localizers/features.js";

/** Bugs of three repositories; in each, the fixed file carries `mentioned` or `trace`, another file `bm25`. */
function examples(): FoldExample[] {
  const col = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);
  const out: FoldExample[] = [];
  ["o/a", "o/b", "o/c"].forEach((repo, r) => {
    for (let k = 0; k < 4; k++) {
      const matrix = new Float32Array(3 * FEATURE_COUNT);
      const fixed = (k + r) % 3;
      matrix[fixed * FEATURE_COUNT + col(k % 2 ? "mentioned" : "trace")] = 1;
      matrix[((fixed + 1) % 3) * FEATURE_COUNT + col("bm25")] = 1;
      matrix[((fixed + 2) % 3) * FEATURE_COUNT + col("path")] = 0.5;
      out.push({ repo, example: { matrix, docCount: 3, relevant: [fixed] } });
    }
  });
  return out;
}

describe("trainFoldModels", () => {
  it("trains each held-out repository's model without that repository's bugs", () => {
    const models = trainFoldModelsHere(examples(), ["o/a", "o/b", "o/c"]);
    expect([...models.keys()]).toEqual(["o/a", "o/b", "o/c"]);
    // Leaving different repositories out gives different training sets, so different weights.
    expect(models.get("o/a")!.weights).not.toEqual(models.get("o/b")!.weights);
    expect(models.get("o/a")!.weights[FEATURE_NAMES.indexOf("mentioned")]!).toBeGreaterThan(0);
  });

  it("gives in worker threads exactly the models it gives in this thread", async () => {
    const here = trainFoldModelsHere(examples(), ["o/a", "o/b", "o/c"]);
    const fallbacks: unknown[] = [];
    const threaded = await trainFoldModels(examples(), ["o/a", "o/b", "o/c"], 2, (reason) => fallbacks.push(reason));
    expect(fallbacks).toEqual([]); // the threads did the work
    expect(threaded).toEqual(here);
  });
});
