import { describe, expect, it } from "@jest/globals";
import { parseIssue } from "../../src/issue/index.js";

const TITLE = "EarlyStopping crashes with RuntimeError: Early stopping conditioned on metric";
const BODY = `<!-- Thanks for reporting! Please describe the bug with torch.secret.template_only -->
## Bug

Calling \`Trainer.fit\` with \`early_stop_callback=True\` crashes in \`pytorch_lightning/trainer/training_loop.py\`.
The callback lives in https://github.com/PyTorchLightning/pytorch-lightning/blob/0.9.0/pytorch_lightning/callbacks/early_stopping.py#L121 ,
see also the module tensorpack.dataflow.imgaug and mxnet/gluon/data, e.g. when using www.example.com.

### To Reproduce

~~~~python
import torch
import numpy as np
import torch.nn.functional as F
from pytorch_lightning.callbacks import EarlyStopping

class LitModel(pl.LightningModule):
    def validation_step(self, batch, batch_idx):
        loss = F.cross_entropy(self.model(batch[0]), batch[1])
        return {"loss": loss}

trainer = Trainer(max_epochs=2, early_stop_callback=True)
trainer.fit(LitModel())
~~~~

\`\`\`
Traceback (most recent call last):
  File "repro.py", line 12, in <module>
    trainer.fit(LitModel())
  File "/home/u/.local/lib/python3.8/site-packages/pytorch_lightning/callbacks/early_stopping.py", line 121, in _validate_condition_metric
    raise RuntimeError(error_msg)
RuntimeError: Early stopping conditioned on metric \`val_loss\` which is not available
\`\`\`

I also saw \`ValueError: too many values to unpack\` once, and sometimes
MXNetError: [12:01:02] src/ndarray/ndarray.cc:756: Check failed: !is_none()

    pip freeze | grep torch
`;

describe("parseIssue", () => {
  const issue = parseIssue(TITLE, BODY);

  it("keeps the title and body as given", () => {
    expect(issue.title).toBe(TITLE);
    expect(issue.body).toBe(BODY);
  });

  it("separates fenced (any length, ~~~ too) and indented code blocks", () => {
    expect(issue.codeBlocks).toHaveLength(3);
    expect(issue.codeBlocks[0]!.startsWith("import torch\n")).toBe(true);
    expect(issue.codeBlocks[0]!.endsWith("trainer.fit(LitModel())")).toBe(true);
    expect(issue.codeBlocks[1]!.startsWith("Traceback (most recent call last):")).toBe(true);
    expect(issue.codeBlocks[2]).toBe("pip freeze | grep torch");
  });

  it("leaves prose without code, tracebacks or template comments", () => {
    expect(issue.prose).toContain("Calling `Trainer.fit`");
    expect(issue.prose).not.toContain("import numpy");
    expect(issue.prose).not.toContain("Traceback");
    expect(issue.prose).not.toContain("Thanks for reporting");
  });

  it("collects inline code spans", () => {
    expect(issue.inlineCode).toEqual([
      "Trainer.fit",
      "early_stop_callback=True",
      "pytorch_lightning/trainer/training_loop.py",
      "ValueError: too many values to unpack",
    ]);
  });

  it("parses the traceback", () => {
    expect(issue.tracebacks).toHaveLength(2);
    const [py, native] = issue.tracebacks;
    expect(py!.frames.map((f) => f.func)).toEqual(["<module>", "_validate_condition_metric"]);
    expect(py!.exceptionType).toBe("RuntimeError");
    expect(native!.frames).toEqual([{ file: "src/ndarray/ndarray.cc", line: 756, func: "", location: true }]);
  });

  it("collects exception messages from the traceback, the prose and MXNetError lines, cleaned and deduped", () => {
    expect(issue.exceptionMessages).toEqual([
      { type: "RuntimeError", message: "Early stopping conditioned on metric `val_loss` which is not available" },
      { type: "MXNetError", message: "Check failed: !is_none()" },
      { type: "ValueError", message: "too many values to unpack" },
    ]);
  });

  it("collects dotted API names, dropping boilerplate imports, self, file names and domains", () => {
    expect(issue.apiNames).toEqual(
      expect.arrayContaining(["pytorch_lightning.callbacks", "pl.LightningModule", "F.cross_entropy", "trainer.fit", "Trainer.fit", "tensorpack.dataflow.imgaug"]),
    );
    expect(issue.apiNames).not.toContain("torch.nn.functional");
    expect(issue.apiNames).not.toContain("self.model");
    expect(issue.apiNames).not.toContain("www.example.com");
    expect(issue.apiNames).not.toContain("training_loop.py");
    expect(issue.apiNames).not.toContain("torch.secret.template_only");
    expect(new Set(issue.apiNames).size).toBe(issue.apiNames.length);
  });

  it("collects code identifiers without keywords, builtins or boilerplate", () => {
    expect(issue.identifiers).toEqual(
      expect.arrayContaining(["EarlyStopping", "LitModel", "validation_step", "batch_idx", "cross_entropy", "max_epochs", "early_stop_callback", "error_msg"]),
    );
    for (const noise of ["import", "self", "return", "class", "numpy", "np", "torch", "True", "py", "too"]) {
      expect(issue.identifiers).not.toContain(noise);
    }
    expect(new Set(issue.identifiers).size).toBe(issue.identifiers.length);
  });

  it("collects mentioned file and module paths, including GitHub file links", () => {
    expect(issue.mentionedPaths).toEqual(
      expect.arrayContaining([
        "pytorch_lightning/trainer/training_loop.py",
        "pytorch_lightning/callbacks/early_stopping.py",
        "tensorpack.dataflow.imgaug",
        "mxnet/gluon/data",
        "pytorch_lightning.callbacks",
      ]),
    );
    expect(issue.mentionedPaths).not.toContain("numpy");
    expect(issue.mentionedPaths).not.toContain("www.example.com");
  });

  it("does not take the files a packaging log lists for files the report names, but keeps the report's own", () => {
    const body = [
      "pip install fails:",
      "running build_py",
      "creating build/lib.linux-x86_64-3.6/horovod/torch",
      "copying horovod/torch/mpi_ops.py -> build/lib.linux-x86_64-3.6/horovod/torch",
      "> copying horovod/torch/compression.py -> build/lib.linux-x86_64-3.6/horovod/torch",
      "-- Installing: /usr/local/include/opencv4/opencv2/core.hpp",
      "```",
      "byte-compiling build/bdist/horovod/common/util.py to util.cpython-36.pyc",
      "copying horovod/torch/sync_batch_norm.py -> build/lib/horovod/torch",
      "horovod/torch/mpi_lib/__init__.py has the wrong flags",
      "```",
      "It worked with horovod/common/basics.py untouched; creating horovod/run/driver.py by hand did not help.",
    ].join("\n");
    const paths = parseIssue("pip install horovod fails", body).mentionedPaths;
    const listed = ["horovod/torch/mpi_ops.py", "horovod/torch/compression.py", "build/bdist/horovod/common/util.py", "horovod/torch/sync_batch_norm.py"];
    for (const path of listed) expect(paths).not.toContain(path);
    expect(paths.some((p) => p.includes("core.hpp"))).toBe(false);
    // The report's own lines that name files, beside the log, in prose and in a code block.
    expect(paths).toEqual(expect.arrayContaining(["horovod/common/basics.py", "horovod/run/driver.py", "horovod/torch/mpi_lib/__init__.py"]));
  });

  it("keeps the line a named path is cited at by a `file.py:123` suffix, not a GitHub link's line (at another commit)", () => {
    const parsed = parseIssue(
      "auroc is wrong",
      "See https://github.com/o/r/blob/master/pkg/metrics/classification.py#L847-L850 and pkg/trainer.py:120 and pkg/other.py.",
    );
    expect(parsed.mentionedPaths).toEqual(expect.arrayContaining(["pkg/metrics/classification.py", "pkg/trainer.py", "pkg/other.py"]));
    expect(parsed.mentionedLines).toEqual({ "pkg/trainer.py": 120 });
  });

  it("reads a path with `./` segments, as build logs print them, as the path it names", () => {
    const parsed = parseIssue("cuDNN error", "It fails in src/operator/nn/./cudnn/cudnn_convolution-inl.h:242 every time.");
    expect(parsed.mentionedPaths).toContain("src/operator/nn/cudnn/cudnn_convolution-inl.h");
  });

  it("takes MXNet's nested locations as frames, the place that raised last (innermost)", () => {
    const line = "  what():  [06:31:41] src/engine/./threaded_engine.h:359: [06:31:41] src/operator/nn/./cudnn/cudnn_convolution-inl.h:242: Check failed: e == CUDNN_STATUS_SUCCESS (8 vs. 0)";
    const parsed = parseIssue("Conv1D fails", "```\n" + line + "\n```");
    expect(parsed.tracebacks).toHaveLength(1);
    expect(parsed.tracebacks[0]!.frames.map((f) => `${f.file}:${f.line}`)).toEqual([
      "src/engine/./threaded_engine.h:359",
      "src/operator/nn/./cudnn/cudnn_convolution-inl.h:242",
    ]);
    expect(parsed.tracebacks[0]!.message).toContain("Check failed: e == CUDNN_STATUS_SUCCESS");
  });

  it("drops log noise from identifiers and paths: mangled symbols, platform strings, system folders, word lists", () => {
    const body = [
      "Package used (Python/R/Scala/Julia): Python",
      "",
      "```",
      "[bt] (3) /usr/lib/libmxnet.so(_ZN5mxnet2op8TopKImplIN7mshadow3cpuEEEvNS_10RunContextE+0x5b) [0x7f]",
      "Linux-4.4.0-x86_64-with-debian /home/me/anaconda3/lib/python3.6/site-packages/pip",
      "CPU(s): 8   GCC 7.2.0",
      "out = mx.nd.topk(data, k=3, ret_typ='both')",
      "```",
    ].join("\n");
    const issue = parseIssue("topk fails", body);
    expect(issue.identifiers).toEqual(expect.arrayContaining(["topk", "ret_typ"]));
    expect(issue.identifiers.some((id) => id.startsWith("_ZN"))).toBe(false);
    for (const noise of ["x86_64", "GCC", "CPU", "anaconda3"]) expect(issue.identifiers).not.toContain(noise);
    expect(issue.mentionedPaths).toEqual([]);
    expect(issue.apiNames).toEqual(["mx.nd.topk"]);
  });

  it("does not read `except SomeError:` in code as a reported message", () => {
    const issue = parseIssue("", "```python\ntry:\n    run()\nexcept (KeyError, ValueError): pass\nexcept RuntimeError: raise\n```");
    expect(issue.exceptionMessages).toEqual([]);
  });

  it("handles an empty body", () => {
    const empty = parseIssue("Loss is NaN", "");
    expect(empty.prose).toBe("");
    expect(empty.codeBlocks).toEqual([]);
    expect(empty.tracebacks).toEqual([]);
    expect(empty.exceptionMessages).toEqual([]);
  });

  it("handles a body that is only a raw traceback", () => {
    const body = [
      "Traceback (most recent call last):",
      '  File "/usr/local/lib/python3.7/dist-packages/autokeras/engine/tuner.py", line 154, in search',
      "    super().search(callbacks=new_callbacks, **fit_kwargs)",
      "ValueError: Expect the target data to be 1D or 2D, but got shape (32, 1, 1).",
    ].join("\n");
    const issue = parseIssue("", body);
    expect(issue.tracebacks).toHaveLength(1);
    expect(issue.prose).toBe("");
    expect(issue.exceptionMessages).toEqual([{ type: "ValueError", message: "Expect the target data to be 1D or 2D, but got shape (32, 1, 1)." }]);
    expect(issue.identifiers).toContain("fit_kwargs");
  });

  it("keeps non-English prose intact", () => {
    const issue = parseIssue("训练报错", "使用 `Trainer.fit` 时报错：\n\nTypeError: forward() missing 1 required positional argument: 'x'");
    expect(issue.prose).toContain("使用");
    expect(issue.apiNames).toEqual(["Trainer.fit"]);
    expect(issue.exceptionMessages).toEqual([{ type: "TypeError", message: "forward() missing 1 required positional argument: 'x'" }]);
  });

  it("parses a 1 MB paste completely and without pathological slowdowns", () => {
    const frame = '  File "/usr/lib/python3.8/site-packages/torch/nn/modules/module.py", line 727, in _call_impl\n    result = self.forward(*input, **kwargs)\n';
    const noise = "`".repeat(3) + "x".repeat(5000) + " a.b.c " + "((((".repeat(500) + "\n";
    let body = "Log follows\n\n```\nTraceback (most recent call last):\n";
    while (body.length < 1024 * 1024) body += frame;
    body += "RuntimeError: CUDA out of memory\n```\n" + noise.repeat(20);
    const issue = parseIssue("OOM", body);
    expect(body.length).toBeGreaterThan(1024 * 1024);
    expect(issue.tracebacks).toHaveLength(1);
    expect(issue.tracebacks[0]!.frames.length).toBeGreaterThan(100);
    expect(issue.tracebacks[0]!.message).toBe("CUDA out of memory");
  });
});
