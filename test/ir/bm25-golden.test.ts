import { describe, expect, it } from "@jest/globals";
import { bm25Localizer } from "../../src/ir/localizers/bm25.js";
import { getLocalizer, LOCALIZERS, DEFAULT_LOCALIZER_ID } from "../../src/ir/localizers/registry.js";
import { orderByScore, topFiles } from "../../src/ir/rank.js";
import { scoreBm25 } from "../../src/ir/scoring.js";
import { DocumentCache, SourceIndex } from "../../src/ir/source-index.js";
import type { SourceFile } from "../../src/types.js";

/**
 * A small golden corpus: a shuffling sampler with an off-by-one, a data loader, a script that uses the
 * loader, a dataset, a model and a requirements file, and the report of the sampler bug.
 */
const GOLDEN = {
  issue: {
    title: "Sampler yields an index out of range when shuffle is on",
    body: "With shuffle=True the RandomSampler returns index 10 for a dataset of 10 items, so the DataLoader fails.",
  },
  files: {
    "data/sampler.py": `import random


class RandomSampler:
    """Yields dataset indices; in random order when shuffle is set."""

    def __init__(self, size, shuffle=False):
        self.size = size
        self.shuffle = shuffle

    def __iter__(self):
        index = list(range(self.size))
        if self.shuffle:
            random.shuffle(index)
        return iter(i + 1 for i in index)
`,
    "data/loader.py": `import itertools


class DataLoader:
    """Batches samples. Collates them into tensors, drops the last partial batch when asked,
    and spreads work across worker processes that prefetch batches ahead of the training loop."""

    def __init__(self, samples, batch_size=1, shuffle=False, drop_last=False, num_workers=0, collate=None):
        self.samples = samples
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.drop_last = drop_last
        self.num_workers = num_workers
        self.collate = collate or default_collate

    def __iter__(self):
        batch = []
        for sample in self.samples:
            batch.append(sample)
            if len(batch) == self.batch_size:
                yield self.collate(batch)
                batch = []
        if batch and not self.drop_last:
            yield self.collate(batch)


def default_collate(samples):
    return list(itertools.chain(samples))
`,
    "scripts/shuffle_check.py": `from data.loader import DataLoader

print(list(DataLoader([1, 2, 3], shuffle=True)))
`,
    "data/dataset.py": `class ListDataset:
    def __init__(self, items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i]
`,
    "models/resnet.py": `import torch.nn as nn


class BasicBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)
        self.bn = nn.BatchNorm2d(channels)

    def forward(self, x):
        return nn.functional.relu(self.bn(self.conv(x)) + x)
`,
    "requirements.txt": "torch>=2.0\nnumpy\n",
  },
};

const issueText = `${GOLDEN.issue.title}\n${GOLDEN.issue.body}`;

function filesOf(map: Record<string, string>, order: "as-is" | "reversed" = "as-is"): SourceFile[] {
  const files = Object.entries(map).map(([path, text]) => ({ path, text, size: Buffer.byteLength(text) }));
  return order === "reversed" ? files.reverse() : files;
}

function rank(files: SourceFile[]) {
  const index = SourceIndex.build(files, new DocumentCache());
  const output = bm25Localizer.localize({ index, issue: GOLDEN.issue });
  return { index, output, order: orderByScore(output.scores).map((d) => index.paths[d]!) };
}

describe("BM25 localizer on the golden corpus", () => {
  const { index, output, order } = rank(filesOf(GOLDEN.files));

  it("ranks the files in the expected order", () => {
    // 1. data/sampler.py: holds six distinct words of the report, five of them in no other file (index, yields,
    //    random, sampler, randomsampler: the highest idf), "shuffle" three times (saturated, not tripled), and
    //    "sampler" again in its path.
    // 2. scripts/shuffle_check.py: dataloader, data, loader, shuffle in only 9 tokens, plus "shuffle" in its path.
    // 3. data/dataset.py: dataset, items, data in 7 tokens.
    // 4. data/loader.py: the same four words as shuffle_check.py, but in 89 tokens against an average of about
    //    27: length normalisation (b = 0.75) divides each match down below the short dataset.py.
    // models/resnet.py and requirements.txt share no word with the report: score 0, not ranked at all.
    expect(order).toEqual(["data/sampler.py", "scripts/shuffle_check.py", "data/dataset.py", "data/loader.py"]);
  });

  it("owes loader.py's place to length normalisation: without it (b = 0) loader.py passes dataset.py", () => {
    const query = index.query(issueText);
    const flat = scoreBm25(index.field("content"), query, { k1: 1.2, b: 0 });
    scoreBm25(index.field("path"), query, { k1: 1.2, b: 0 }, flat);
    const loader = index.pathToDoc.get("data/loader.py")!;
    const dataset = index.pathToDoc.get("data/dataset.py")!;
    expect(output.scores[loader]).toBeLessThan(output.scores[dataset]!);
    expect(flat[loader]).toBeGreaterThan(flat[dataset]!);
    expect(index.field("content").docLengths[loader]).toBeGreaterThan(3 * index.field("content").avgLength);
  });

  it("scores the path as a field of its own: the top file loses ground without it", () => {
    const query = index.query(issueText);
    const contentOnly = scoreBm25(index.field("content"), query);
    const sampler = index.pathToDoc.get("data/sampler.py")!;
    expect(output.scores[sampler]).toBeGreaterThan(contentOnly[sampler]!);
    // The path field is tokenized without the .py suffix: "data/sampler" -> data, sampler.
    expect(index.field("path").docLengths[sampler]).toBe(2);
  });

  it("does not depend on the order the files come in", () => {
    expect(rank(filesOf(GOLDEN.files, "reversed")).order).toEqual(order);
  });

  it("explains a ranked file with the report's own words", () => {
    const top = topFiles(index, output, 2);
    expect(top.map((f) => f.path)).toEqual(order.slice(0, 2));
    expect(top[0]!.score).toBeGreaterThan(top[1]!.score);
    expect(top[0]!.evidence).toHaveLength(1);
    expect(top[0]!.evidence[0]!.kind).toBe("terms");
    // Surfaces are the report's spelling ("shuffle", not the stem "shuffl").
    expect(top[0]!.evidence[0]!.detail).toContain("`shuffle`");
    // `sampler` is shown inside `randomsampler`, once.
    expect(top[0]!.evidence[0]!.detail).toContain("`randomsampler`");
    expect(top[0]!.evidence[0]!.detail).not.toContain("`sampler`");
    expect(top[0]!.evidence[0]!.detail).not.toContain("shuffl`");
  });

  it("ranks nothing for a report that shares no word with the code", () => {
    const nothing = bm25Localizer.localize({ index, issue: { title: "Quantum flux capacitor", body: "" } });
    expect(orderByScore(nothing.scores)).toEqual([]);
  });
});

describe("localizer registry", () => {
  it("registers bm25 beside the default ranker, which is the learned one", () => {
    expect(DEFAULT_LOCALIZER_ID).toBe("learned");
    expect(getLocalizer("default")).toBe(getLocalizer("learned"));
    expect(getLocalizer("bm25")).toBe(bm25Localizer);
    expect(LOCALIZERS.has("bm25")).toBe(true);
    expect(() => getLocalizer("nope")).toThrow(/unknown localizer "nope"/);
  });
});
