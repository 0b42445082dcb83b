import { describe, expect, it } from "@jest/globals";
import { classifyReportKind } from "../../src/classify/report-kind.js";
import { hasTraceback, prepareIssue } from "../../src/classify/text.js";

function kind(title: string, body = "") {
  const prepared = prepareIssue({ title, body });
  return classifyReportKind(prepared, hasTraceback(body));
}

describe("classifyReportKind", () => {
  it("treats a report with an error as a bug", () => {
    const k = kind("Training crashes with a shape error", "ValueError: shapes (3,) and (4,) not aligned");
    expect(k.label).toBe("bug");
    expect(k.evidence.length).toBeGreaterThan(0);
  });

  it("recognises a how-to question", () => {
    const k = kind("How can I use multiple GPUs for inference?", "I have two cards and want to split the batch.");
    expect(k.label).toBe("question");
    expect(k.evidence[0]).toContain("question");
  });

  it("keeps a question that carries a traceback as a bug", () => {
    expect(kind("Why does this fail?", 'Traceback (most recent call last):\n  File "a.py", line 1, in <module>\nKeyError: 1').label).toBe("bug");
  });

  it("keeps a question-like title over a pasted error, or over the bug template, as a bug", () => {
    const error = kind(
      "cudnn does not support NCHW batch_norm during inference?",
      "I got the following error:\n\n```\ntensorflow.python.framework.errors_impl.InternalError: cuDNN launch failure : input shape ([1032,660,1,1])\n```\n\nI switched the format to NHWC and it works fine.",
    );
    expect(error.label).toBe("bug");
    expect(error.evidence).toContain("shows `InternalError`");
    const template = kind("Why Mlp module use conv.py?", "### Bug Description\n\nWhen I extend the training time, there is a bug saying 'weight should at least have two dimensions'.");
    expect(template.label).toBe("bug");
    expect(template.evidence).toContain("filed with the bug template (`Bug Description`)");
    // Naming an error is not showing one: a how-to question that mentions errors, or names an exception, stays a question.
    expect(kind("How do I catch a ValueError from the loader?", "I want to skip bad files instead of stopping.").label).toBe("question");
    expect(kind("How do I avoid errors when loading weights?", "Is there a way to load them without an error?").label).toBe("question");
  });

  it("keeps a question-like title over a pasted crash as a bug, whatever its case", () => {
    expect(kind("Why does predict stop?", "It prints\n\nSegmentation fault\n\nand exits.").label).toBe("bug");
    expect(kind("Why does predict stop?", "It prints: CUDA Error: out of memory").label).toBe("bug");
  });

  it("keeps a question-like title over a pointer to a line of code as a bug", () => {
    const embed = kind("Lost gradient after clipping in focal loss?", "addons/tensorflow_addons/losses/focal_loss.py\n\n         Line 132\n      in\n      776b751\n\n y_pred = K.clip(y_pred, K.epsilon(), 1. - K.epsilon())");
    expect(embed.label).toBe("bug");
    expect(embed.evidence).toContain("points at a line of the code");
    const permalink = kind("Is this clipping right?", "See https://github.com/org/repo/blob/776b751c0ffee/pkg/losses.py#L132");
    expect(permalink.label).toBe("bug");
    const branch = kind("Duplicated Synchronization with Gradient Clipping?", "https://github.com/horovod/horovod/blob/master/horovod/torch/__init__.py#L174\n\nThere is duplicated synchronization.");
    expect(branch.label).toBe("bug");
    // A link to a file, with no line, is no pointer at code: a question about a module stays a question.
    expect(kind("How do I use the losses module?", "See https://github.com/org/repo/blob/main/pkg/losses.py").label).toBe("question");
  });

  it("recognises a feature request", () => {
    expect(kind("[Feature] Add support for bfloat16 in the exporter").label).toBe("feature");
    expect(kind("Sparse attention", "**Is your feature request related to a problem?** I want sparse attention.").label).toBe("feature");
  });

  it("does not take a bug template's 'problem or feature request' heading for a feature request", () => {
    expect(kind("Saved model loads with the wrong weights", "#### Describe the problem or feature request\nThe weights differ after loading.").label).toBe("bug");
  });

  it("takes an exception named in the title for a bug, also when the title speaks of a tutorial", () => {
    const k = kind("AttributeError: module 'catalyst.utils' has no attribute 'detach' while running Segmentation Tutorial", "");
    expect(k.label).toBe("bug");
    expect(k.evidence).toContain("title says `AttributeError:`");
    // A name without the pasted error's colon is what a request may be about.
    expect(kind("[Feature request] Raise a ValueError instead of an assert on bad shapes", "").label).toBe("feature");
    expect(kind("Docs: list the exceptions raised (KeyError, ValueError) by Trainer.fit", "").label).toBe("docs");
  });

  it("recognises a docs request", () => {
    const k = kind("Documentation of the UpSampling operator is incomplete", "The page does not list the scale argument.");
    expect(k.label).toBe("docs");
  });

  it("takes a docs-titled report filed with the bug template as a bug report (Project-MONAI/MONAI#863)", () => {
    const body = "**Describe the bug**\nbuilding the documentation locally generates warnings:\nWARNING: autodoc: failed to import class 'handlers.CheckpointLoader'\ncannot import name 'RemovableEventHandle'";
    const k = kind("sphinx documentation warnings", body);
    expect(k.label).toBe("bug");
    expect(k.evidence).toContain("filed with the bug template (`Describe the bug`)");
    // The bug template alone, over a docs request without a failure shown, keeps it a docs request.
    expect(kind("Typo in the documentation of DataLoader", "## 🐛 Bug\n\nThe docs of `num_workers` say it is a float.").label).toBe("docs");
  });

  it("calls a report with no signal at all a bug with lower confidence", () => {
    const plain = kind("Trainer and evaluator", "");
    const clear = kind("Trainer crashes", "");
    expect(plain.label).toBe("bug");
    expect(plain.confidence).toBeLessThan(clear.confidence);
  });
});
