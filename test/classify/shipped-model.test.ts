import { describe, expect, it } from "@jest/globals";
import { classifyIssue } from "../../src/classify/index.js";
import { defaultClassifierModel } from "../../src/classify/model.js";
import { BUG_TYPES } from "../../src/types.js";

// The model file shipped in models/ (trained by `npm run train:classify`): it loads, records where it came from,
// and gets the unmistakable cases right.
describe("shipped classifier model", () => {
  it("records the data, code and hyperparameters that produced it", () => {
    const m = defaultClassifierModel();
    expect(m.trainedOn.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.trainedOn.rows).toBeGreaterThan(0);
    expect(m.code.commit).toMatch(/^(?:[0-9a-f]{40}|unknown)$/);
    expect(m.hyperparameters.seed).toEqual(expect.any(Number));
    expect(m.type.classes).toEqual([...BUG_TYPES]);
    expect(m.extrinsic.classes).toEqual(["intrinsic", "extrinsic"]);
    expect(m.type.temperature).toBeGreaterThan(0);
  });

  it("is used when no model is passed", () => {
    expect(classifyIssue({ title: "x", body: "" }).modelVersion).toBe(defaultClassifierModel().modelVersion);
  });

  it("labels an unmistakable training bug and an unmistakable GPU bug", () => {
    const training = classifyIssue({
      title: "Loss becomes NaN after 2k steps",
      body: "The training loss diverges to nan with the Adam optimizer and learning rate 0.1; the gradient explodes.",
    });
    expect(training.bugType.label).toBe("Training");
    const gpu = classifyIssue({
      title: "RuntimeError: CUDA error: device-side assert triggered on 4 GPUs",
      body: "Training with DataParallel on 4 GPUs crashes. CUDA 11.0, cuDNN 8.0.4, driver 450.80.",
    });
    expect(gpu.bugType.label).toBe("GPU");
    expect(gpu.extrinsic.causes[0]?.label).toBe("gpu-driver-cuda");
  });

  it("says a non-DL report's terms are general programming ones, not that its DL terms are non-DL ones", () => {
    const result = classifyIssue({
      title: "Error when reading the csv file path with unicode characters",
      body: "Reading a file with open() fails with UnicodeDecodeError on Windows. The string encoding is wrong in the file reader.",
    });
    expect(result.bugType.label).toBe("non-DL");
    expect(result.bugType.evidence).toContain("most terms in the report are general programming ones, not DL-specific");
    // The title's share is not said of a title with a single such term: "mentions `file`" says it.
    expect(result.bugType.evidence.join("; ")).not.toMatch(/the title's/);
    expect(result.bugType.evidence.join("; ")).not.toMatch(/DL terms are mostly non-DL/);
  });

  it("gives no report shape or word fragment as the reason for a bug type", () => {
    const traceback =
      '```\nTraceback (most recent call last):\n  File "train.py", line 3, in <module>\n    main()\n' +
      '  File "/usr/lib/python3/site-packages/pkg/core.py", line 10, in main\n    run()\nIndexError: list index out of range\n```';
    const result = classifyIssue({ title: "fails on 2 GPUs", body: `Training on 2 GPUs fails.\n${traceback}` });
    expect(result.bugType.label).toBe("GPU");
    const said = result.bugType.evidence.join("; ");
    expect(said).toContain("GPUs");
    expect(said).not.toMatch(/has a traceback|word "gp"|the title's/);
  });
});
