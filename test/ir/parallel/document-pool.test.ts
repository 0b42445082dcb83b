import { afterAll, describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createDocumentCache } from "../../../src/ir/create-document-cache.js";
import { buildDocument, buildRawDocument, internDocument, type FileDocument } from "../../../src/ir/document.js";
import { createDocumentPool, DocumentPool } from "../../../src/ir/parallel/document-pool.js";
import { buildSourceIndex } from "../../../src/ir/parallel/build-source-index.js";
import { type DocumentCache, SourceIndex } from "../../../src/ir/source-index.js";
import { Vocabulary } from "../../../src/ir/vocabulary.js";
import type { SourceFile } from "../../../src/types.js";

const MODEL_PY = `"""Model definitions for the trainer."""
import torch.nn as nn
from .layers import ConvBlock, get_activation


class ResidualNet(nn.Module):
    """A residual network with a configurable depth."""

    def __init__(self, depth, num_classes=10):
        super().__init__()
        # one block per stage
        self.blocks = nn.ModuleList([ConvBlock(64) for _ in range(depth)])
        self.head = nn.Linear(64, num_classes)

    def forward(self, inputs):
        if inputs.dim() != 4:
            raise ValueError(f"expected a 4D input, got {inputs.dim()}D")
        for block in self.blocks:
            inputs = block(inputs)
        return self.head(inputs.mean(dim=(2, 3)))
`;

// The same words as MODEL_PY in other fields and another order, so interning order matters for ids.
const TRAIN_PY = `from model import ResidualNet

def train_loop(loader, optimizer, batchSize=32):
    # forward, backward, step
    net = ResidualNet(depth=3)
    for batch in loader:
        loss = net(batch).sum()
        loss.backward()
        optimizer.step()
    return "training finished: %d batches" % batchSize
`;

const BROKEN_PY = `def broken(:
    return [1, 2
class Half(
    x = "unterminated
`;

const GARBAGE_PY = `)))) ((( ]]] {{{ @@@ $$$ ??? ;;; ${"!!! ".repeat(50)}
`;

const README = `# ResidualNet
Run \`train_loop\` with a DataLoader; set batchSize to fit GPU memory.
`;

const FILES: SourceFile[] = [
  { path: "pkg/model.py", blobSha: "1".repeat(40), text: MODEL_PY, size: MODEL_PY.length },
  { path: "pkg/train.py", blobSha: "2".repeat(40), text: TRAIN_PY, size: TRAIN_PY.length },
  { path: "pkg/broken.py", blobSha: "3".repeat(40), text: BROKEN_PY, size: BROKEN_PY.length },
  { path: "pkg/garbage.py", blobSha: "4".repeat(40), text: GARBAGE_PY, size: GARBAGE_PY.length },
  { path: "README.md", blobSha: "5".repeat(40), text: README, size: README.length },
  { path: "pkg/empty.py", blobSha: "6".repeat(40), text: "", size: 0 },
  // The same blob under another path, and a file without a blob SHA (never cached).
  { path: "copy/model.py", blobSha: "1".repeat(40), text: MODEL_PY, size: MODEL_PY.length },
  { path: "notes.txt", text: "loader optimizer checkpoint", size: 27 },
];

/** Every term of a vocabulary in id order: two vocabularies are the same when these lists are. */
function termsOf(vocabulary: Vocabulary): string[] {
  return Array.from({ length: vocabulary.size }, (_, id) => vocabulary.term(id));
}

/** The one-thread reference: `cache.document` over the files, in order. */
async function sequential(files: readonly SourceFile[]): Promise<{ cache: DocumentCache; docs: FileDocument[] }> {
  const cache = await createDocumentCache();
  return { cache, docs: files.map((f) => cache.document(f)) };
}

const pools: DocumentPool[] = [];
function pool(options: ConstructorParameters<typeof DocumentPool>[0] = {}): DocumentPool {
  const p = createDocumentPool(options);
  pools.push(p);
  return p;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const fixture = (name: string): URL => new URL(`./fixtures/${name}`, import.meta.url);

describe("raw and interned halves of a document", () => {
  it("give the document buildDocument gives, with the same vocabulary, for Python, broken Python and text", async () => {
    const { python, tokenizer } = await createDocumentCache();
    const direct = new Vocabulary();
    const split = new Vocabulary();
    for (const file of FILES) {
      const expected = buildDocument(file, { tokenizer, vocabulary: direct, python });
      const raw = buildRawDocument(file, { tokenizer, python });
      // What crosses a thread boundary is a structured clone.
      const actual = internDocument(structuredClone(raw), split);
      expect(actual).toEqual(expected);
    }
    expect(termsOf(split)).toEqual(termsOf(direct));
    expect(direct.size).toBeGreaterThan(20);
  });

  it("keeps each field's distinct terms once, in first-seen order, with counts summing to its length", async () => {
    const { python, tokenizer } = await createDocumentCache();
    const raw = buildRawDocument(FILES[1]!, { tokenizer, python });
    for (const bag of Object.values(raw.fields)) {
      expect(new Set(bag!.terms).size).toBe(bag!.terms.length);
      expect(bag!.counts.reduce((a, b) => a + b, 0)).toBe(bag!.length);
    }
    expect(raw.fields.content).toBeUndefined(); // a Python document's content is the union, made when interning
    expect(raw.structure?.functions.map((f) => f.name)).toEqual(["train_loop"]);
  });

  it("covers the structure and both fallbacks: the broken file still parses, the garbage one still has terms", async () => {
    const { docs } = await sequential(FILES);
    expect(docs[0]!.structure?.classes.map((c) => c.name)).toEqual(["ResidualNet"]);
    expect(docs[0]!.structure?.raises[0]?.exception).toBe("ValueError");
    expect(docs[2]!.language).toBe("python");
    expect(docs[2]!.bags.methods.length).toBeGreaterThan(0);
    expect(docs[4]!.language).toBe("text");
    expect(docs[4]!.structure).toBeUndefined();
  });
});

describe("DocumentPool", () => {
  it("builds, in worker threads, the documents and vocabulary the one-thread path builds", async () => {
    const reference = await sequential(FILES);
    const cache = await createDocumentCache();
    const docs = await cache.documentsAsync(FILES, pool({ workers: 2 }));
    expect(docs).toEqual(reference.docs);
    expect(termsOf(cache.vocabulary)).toEqual(termsOf(reference.cache.vocabulary));
    // A blob is built once: both paths of it get the very same document.
    expect(docs[6]).toBe(docs[0]);
    expect(cache.size).toBe(6);
  });

  it("lets a waiting caller build the files still queued, the last first, while workers hold the rest", async () => {
    const silent = pool({ workers: 1, entry: fixture("silent-worker.mjs") });
    const n = 300;
    const results = Array.from({ length: n }, (_, i) => silent.build({ path: `f${i}.py`, text: `x${i} = ${i}` }));
    results.forEach((r) => r.catch(() => undefined));
    await new Promise((r) => setImmediate(r)); // the pool posts its first batches
    const helped: string[] = [];
    const built = { language: "text" as const, fields: {}, lineCount: 1 };
    while (silent.helpOne((file) => (helped.push(file.path), built)));
    expect(helped.length).toBeGreaterThan(0);
    expect(helped.length).toBeLessThan(n); // the posted batches are the worker's
    expect(helped[0]).toBe(`f${n - 1}.py`);
    expect(silent.stats).toEqual({ byWorkers: 0, byCallers: helped.length });
    expect(await results[n - 1]).toBe(built);
    await silent.close();
    await expect(results[0]).rejects.toThrow(/closed/);
  });

  it("counts every distinct file once, whether a worker or the waiting caller built it", async () => {
    const many: SourceFile[] = Array.from({ length: 200 }, (_, i) => ({ ...FILES[i % 4]!, blobSha: i.toString(16).padStart(40, "0") }));
    const reference = await sequential(many);
    const cache = await createDocumentCache();
    const p = pool({ workers: 1 });
    expect(await cache.documentsAsync(many, p)).toEqual(reference.docs);
    expect(termsOf(cache.vocabulary)).toEqual(termsOf(reference.cache.vocabulary));
    expect(p.stats.byWorkers + p.stats.byCallers).toBe(200);
  });

  it("answers with raw documents built by the worker's own parser", async () => {
    const raw = await pool({ workers: 1 }).build({ path: "m.py", text: MODEL_PY });
    expect(raw.language).toBe("python");
    expect(raw.structure?.functions.map((f) => f.name)).toEqual(["__init__", "forward"]);
    expect(raw.fields.classes?.terms).toContain("residualnet");
  });

  it("interns prepared documents only when asked, in file order, whatever order the workers finish in", async () => {
    const reference = await sequential(FILES);
    const cache = await createDocumentCache();
    const p = pool({ workers: 3 });
    const first = cache.prepare(FILES.slice(0, 4), p);
    // The second batch overlaps the first (model.py): it is sent to a worker only once.
    const second = cache.prepare(FILES.slice(4), p);
    expect(cache.known(FILES[6]!.blobSha!, FILES[6]!.path)).toBe(true);
    expect(cache.cached(FILES[0]!.blobSha!, FILES[0]!.path)).toBeUndefined();
    expect(cache.vocabulary.size).toBe(0);
    const docs = [...(await first.documents()), ...(await second.documents())];
    expect(docs).toEqual(reference.docs);
    expect(termsOf(cache.vocabulary)).toEqual(termsOf(reference.cache.vocabulary));
  });

  it("builds on the calling thread what a crashed worker held, and keeps going without workers", async () => {
    const reference = await sequential(FILES);
    const cache = await createDocumentCache();
    const crashing = pool({ workers: 1, entry: fixture("crashing-worker.mjs") });
    const docs = await cache.documentsAsync(FILES, crashing);
    expect(docs).toEqual(reference.docs);
    await expect(crashing.build({ path: "a.py", text: "x = 1" })).rejects.toThrow(/worker/);
    expect(await cache.documentsAsync([{ path: "late.py", text: "def late(): pass", size: 16 }], crashing)).toHaveLength(1);
  });

  it("builds on the calling thread the files a worker answers with an error", async () => {
    const reference = await sequential(FILES);
    const cache = await createDocumentCache();
    const refusing = pool({ workers: 2, entry: fixture("refusing-worker.mjs") });
    await expect(refusing.build({ path: "a.py", text: "x = 1" })).rejects.toThrow("cannot build a.py");
    expect(await cache.documentsAsync(FILES, refusing)).toEqual(reference.docs);
  });

  it("rejects new work once closed, and the cache then builds the files itself", async () => {
    const reference = await sequential(FILES);
    const closed = createDocumentPool({ workers: 1 });
    await closed.close();
    await expect(closed.build({ path: "a.py", text: "x = 1" })).rejects.toThrow(/closed/);
    const cache = await createDocumentCache();
    expect(await cache.documentsAsync(FILES, closed)).toEqual(reference.docs);
  });

  it("takes one worker per core but one by default, and at least one", () => {
    expect(createDocumentPool().size).toBeGreaterThanOrEqual(1);
    expect(createDocumentPool({ workers: 0 }).size).toBe(1);
    expect(createDocumentPool({ workers: 3 }).size).toBe(3);
  });

  it("does not keep a process alive once its work is done, even unclosed", async () => {
    const script = fileURLToPath(fixture("exit-without-close.mjs"));
    const { stdout } = await promisify(execFile)(process.execPath, [script], { cwd: fileURLToPath(new URL("../../..", import.meta.url)), timeout: 20_000 });
    expect(JSON.parse(stdout)).toEqual(["alpha"]);
  });

  it("builds the index SourceIndex.build builds, paths in order and the same terms", async () => {
    const reference = await createDocumentCache();
    const expected = SourceIndex.build(FILES, reference);
    const cache = await createDocumentCache();
    const index = await buildSourceIndex([...FILES].reverse(), cache, pool({ workers: 2 }));
    expect(index.paths).toEqual(expected.paths);
    expect(index.docs).toEqual(expected.docs);
    expect(termsOf(cache.vocabulary)).toEqual(termsOf(reference.vocabulary));
    const query = "ResidualNet forward raises ValueError";
    expect(index.query(query)).toEqual(expected.query(query));
  });
});
