import { describe, expect, it } from "@jest/globals";
import { ASK_REPRODUCER } from "../../src/classify/missing-details.js";
import { DocumentCache } from "../../src/ir/source-index.js";
import { createDocumentCache } from "../../src/ir/create-document-cache.js";
import { createDocumentPool } from "../../src/ir/parallel/document-pool.js";
import { runPipeline } from "../../src/pipeline/run-pipeline.js";
import type { RepoSnapshot } from "../../src/types.js";
import { sourceFile as file } from "../helpers/source-file.js";

const snapshot: RepoSnapshot = {
  source: "octo/tiny",
  commit: "c".repeat(40),
  files: [
    file("pkg/optim.py", "class Adam:\n    def step(self):\n        self.learning_rate *= self.decay  # weight decay applied twice\n", "1".repeat(40)),
    file("pkg/loss.py", "def cross_entropy(logits, labels):\n    return -(labels * logits.log_softmax(-1)).sum()\n", "2".repeat(40)),
    file("pkg/data.py", "def batches(items, size):\n    return [items[i : i + size] for i in range(0, len(items), size)]\n", "3".repeat(40)),
    file("requirements.txt", "torch==2.1\n", "4".repeat(40)),
  ],
  skipped: [
    { path: "pkg/link.py", reason: "symlink" },
    { path: "third_party/x.py", reason: "vendored" },
  ],
};
const issue = { title: "Adam applies weight decay twice", body: "The learning rate decays twice per optimizer step.", number: 7 };

describe("runPipeline", () => {
  it("ranks the snapshot's files for the issue and returns a plain, serialisable result", async () => {
    const r = await runPipeline({ snapshot, issue }, { documentCache: new DocumentCache() });
    expect(r.tool.name).toBe("mltriage");
    expect(r.repository).toEqual({ source: "octo/tiny", commit: "c".repeat(40) });
    expect(r.issue).toEqual({ title: issue.title, number: 7 });
    expect(r.filesIndexed).toBe(4);
    expect(r.filesSkipped).toBe(2);
    // optim.py holds Adam, decay, learning_rate and step; no other file shares a word with the report.
    expect(r.localization.ranked.map((f) => f.path)).toEqual(["pkg/optim.py"]);
    expect(r.localization.ranked[0]!.evidence.map((e) => e.kind)).toContain("terms");
    expect(r.localization.localizer).toBe("learned");
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("masks the repository's name where the classifier's lexicons read, beside the package's (snapshot package `pkg`)", async () => {
    const report = { title: "allreduce hangs with horovod", body: "After upgrading horovod to 0.20.0 the job hangs in allreduce." };
    const quotes = (r: Awaited<ReturnType<typeof runPipeline>>) => JSON.stringify(r.classification!.extrinsic.evidence);
    expect(quotes(await runPipeline({ snapshot, issue: report }, { documentCache: new DocumentCache() }))).toContain("horovod");
    expect(quotes(await runPipeline({ snapshot, issue: report, repositoryName: "horovod" }, { documentCache: new DocumentCache() }))).not.toContain("horovod");
  });

  it("times each step with the injected clock and reports each step as it ends", async () => {
    let now = 0;
    const steps: [string, number][] = [];
    const r = await runPipeline(
      { snapshot, issue },
      { documentCache: new DocumentCache(), clock: () => (now += 2.5), onStep: (name, ms) => steps.push([name, ms]) },
    );
    // Every step reads the clock twice, 2.5 ms apart.
    expect(steps.map(([, ms]) => ms)).toEqual(steps.map(() => 2.5));
    expect(steps.map(([name]) => name).slice(0, 3)).toEqual(["index", "parse", "localize"]);
    expect(Object.fromEntries(steps)).toEqual(r.timings);
  });

  it("marks the bug type of a bare report (a title and a word) as read from the title, and only that report's", async () => {
    const bare = await runPipeline({ snapshot, issue: { title: "CUDA out of memory", body: "help" } }, { documentCache: new DocumentCache() });
    expect(bare.classification!.bugType.titleOnly).toBe(true);
    const detailed = await runPipeline(
      { snapshot, issue: { title: "CUDA out of memory", body: "Calling `batches(items, 64)` from pkg/data.py then training runs out of GPU memory." } },
      { documentCache: new DocumentCache() },
    );
    expect(detailed.classification!.bugType.titleOnly).toBeUndefined();
  });

  it("keeps at most `top` files", async () => {
    const wide = { title: "batches of logits and labels with Adam", body: "" };
    const all = await runPipeline({ snapshot, issue: wide }, { documentCache: new DocumentCache() });
    expect(all.localization.ranked.length).toBe(3);
    const two = await runPipeline({ snapshot, issue: wide, top: 2 }, { documentCache: new DocumentCache() });
    expect(two.localization.ranked).toEqual(all.localization.ranked.slice(0, 2));
  });

  it("ignores the HTML comments an issue template leaves in the body", async () => {
    const templated = { title: "Something is wrong", body: "<!-- Describe the bug: Adam, weight decay, learning rate -->\n" };
    const r = await runPipeline({ snapshot, issue: templated }, { documentCache: new DocumentCache() });
    expect(r.localization.ranked).toEqual([]);
    expect(r.issue).toEqual({ title: "Something is wrong" }); // no number when the issue has none
  });

  it("ranks on the reporter's words only, without the text of the repository's issue template", async () => {
    // The template asks about batches; the reporter wrote nothing else. Without the template, data.py matches.
    const template = { path: ".github/ISSUE_TEMPLATE/bug.md", text: "## Describe the bug\n\nHow do you build your batches?\n" };
    const body = "Describe the bug\nHow do you build your batches?\n";
    const plain = await runPipeline({ snapshot, issue: { title: "It is wrong", body } }, { documentCache: new DocumentCache() });
    expect(plain.localization.ranked.map((f) => f.path)).toContain("pkg/data.py");
    const withTemplate = await runPipeline({ snapshot: { ...snapshot, issueTemplates: [template] }, issue: { title: "It is wrong", body } }, { documentCache: new DocumentCache() });
    expect(withTemplate.localization.ranked).toEqual([]);
  });

  it("asks for a reproducer when the only code block is the template's own, left in place", async () => {
    const template = {
      path: ".github/ISSUE_TEMPLATE/bug.md",
      text: "## Environment\n\nPlease run:\n```\nwget https://example.org/collect_env_details.py\npython collect_env_details.py\n```\n",
    };
    const body = "Adam diverges after the first epoch when I train my model.\n\n## Environment\n\nPlease run:\n```\nwget https://example.org/collect_env_details.py\npython collect_env_details.py\n```\n";
    const issue = { title: "Adam diverges", body };
    const plain = await runPipeline({ snapshot, issue }, { documentCache: new DocumentCache() });
    const templated = await runPipeline({ snapshot: { ...snapshot, issueTemplates: [template] }, issue }, { documentCache: new DocumentCache() });
    // Without the template, the block reads as the reporter's steps; with it, the report shows no way to reproduce.
    expect(plain.classification!.missingDetails).not.toContain(ASK_REPRODUCER);
    expect(templated.classification!.missingDetails).toContain(ASK_REPRODUCER);
  });

  it("reuses parsed documents from a shared cache across runs (by blob SHA)", async () => {
    const cache = new DocumentCache();
    await runPipeline({ snapshot, issue }, { documentCache: cache });
    expect(cache.size).toBe(4);
    const renamed: RepoSnapshot = { ...snapshot, files: snapshot.files.map((f) => ({ ...f, path: `moved/${f.path}` })) };
    const r = await runPipeline({ snapshot: renamed, issue }, { documentCache: cache });
    expect(cache.size).toBe(4);
    expect(r.localization.ranked[0]!.path).toBe("moved/pkg/optim.py");
  });

  it("ranks the same with the files parsed in a worker thread", async () => {
    const alone = await runPipeline({ snapshot, issue }, { documentCache: await createDocumentCache() });
    const documentPool = createDocumentPool({ workers: 1 });
    try {
      const pooled = await runPipeline({ snapshot, issue }, { documentCache: await createDocumentCache(), documentPool });
      expect(pooled.localization).toEqual(alone.localization);
      expect(pooled.classification).toEqual(alone.classification);
      expect(documentPool.stats.byWorkers + documentPool.stats.byCallers).toBe(snapshot.files.length);
    } finally {
      await documentPool.close();
    }
  });

  it("ranks nothing, without failing, for an empty snapshot", async () => {
    const r = await runPipeline({ snapshot: { ...snapshot, files: [], skipped: [] }, issue }, { documentCache: new DocumentCache() });
    expect(r.filesIndexed).toBe(0);
    expect(r.localization.ranked).toEqual([]);
  });

  it("refuses an unknown localizer", async () => {
    await expect(runPipeline({ snapshot, issue, localizers: ["nope"] }, { documentCache: new DocumentCache() })).rejects.toThrow(/unknown localizer "nope"/);
  });
});
