import { describe, it, expect } from "@jest/globals";
import { planLabels } from "../../src/labels/plan-labels.js";
import { defaultRepoConfig, parseRepoConfig } from "../../src/config/repo-config.js";
import { gpuExtrinsicResult, makeClassification, makeResult, questionResult } from "../render/fixtures/triage-results.js";

const config = defaultRepoConfig();

describe("planLabels", () => {
  it("suggests the bug type label of a confident bug report, with its colour and description", () => {
    const labels = planLabels(makeResult(), config);
    expect(labels).toEqual([
      {
        name: "bug: tensor & input",
        color: "1d76db",
        description: config.labels.tensorInput.description,
        reason: "looks like a Tensor & Input bug (81%)",
        confidence: 0.81,
      },
    ]);
  });

  it("suggests the bug type, extrinsic and needs-info labels for an extrinsic GPU bug with missing facts", () => {
    const labels = planLabels(gpuExtrinsicResult(), config);
    expect(labels.map((l) => l.name)).toEqual(["bug: GPU", "extrinsic", "needs environment info"]);
    expect(labels[1]?.reason).toContain("GPU, driver or CUDA");
    expect(labels[1]?.confidence).toBe(0.79);
    expect(labels[2]?.reason).toBe("missing: CUDA version, cuDNN version, GPU driver version, and 1 more");
  });

  it("writes 'an' before a bug type that starts with a vowel in the label's reason, as the comment does", () => {
    const base = makeClassification();
    const api = makeResult({ classification: { ...base, bugType: { ...base.bugType, label: "API" as const } } });
    expect(planLabels(api, config)[0]?.reason).toBe("looks like an API bug (81%)");
  });

  it("words two causes and a long list of missing facts so that they read apart", () => {
    const base = gpuExtrinsicResult();
    const classification = {
      ...base.classification!,
      extrinsic: {
        ...base.classification!.extrinsic,
        causes: [
          { label: "gpu-driver-cuda" as const, confidence: 0.7, evidence: [] },
          { label: "build-install" as const, confidence: 0.6, evidence: [] },
        ],
      },
      missingFacts: ["operating system and version", "GPU driver version", "GPU model and count", "the build flags"],
    };
    const labels = planLabels({ ...base, classification }, config);
    expect(labels.find((l) => l.name === "extrinsic")?.reason).toBe(
      "probably caused outside this repository, by GPU, driver or CUDA, or the build or installation (79%)",
    );
    expect(labels.find((l) => l.name === "needs environment info")?.reason).toBe(
      "missing: operating system and version, GPU driver version, GPU model and count, and 1 more",
    );
  });

  it("suggests nothing below the label confidence thresholds", () => {
    const result = gpuExtrinsicResult();
    const strict = parseRepoConfig({ thresholds: { labelConfidence: 0.9, extrinsicConfidence: 0.9 } }).config;
    // Nor the needs-info label: the facts are asked, but the comment states no reason why the environment matters
    // (neither probably extrinsic nor confidently a GPU bug), and a label would say the triage waits on them.
    expect(planLabels(result, strict)).toEqual([]);
    // A confident GPU bug keeps it, whatever the extrinsic call.
    const gpuOnly = parseRepoConfig({ thresholds: { extrinsicConfidence: 0.9 } }).config;
    expect(planLabels(result, gpuOnly).map((l) => l.name)).toEqual(["bug: GPU", "needs environment info"]);
    // Its confidence is then the GPU call's, not the small chance of an outside cause.
    const needsInfo = planLabels(result, gpuOnly).find((l) => l.name === "needs environment info")!;
    expect(needsInfo.confidence).toBe(result.classification!.bugType.confidence);
  });

  it("asks, but does not label 'needs environment info', on a coin flip between inside and outside", () => {
    const base = gpuExtrinsicResult();
    const coinFlip = {
      ...base,
      classification: {
        ...base.classification!,
        bugType: { ...base.classification!.bugType, label: "API" as const, confidence: 0.6, probabilities: { API: 0.6, GPU: 0.1 } },
        extrinsic: { ...base.classification!.extrinsic, confidence: 0.51 },
      },
    };
    expect(coinFlip.classification.missingFacts.length).toBeGreaterThan(0);
    expect(planLabels(coinFlip, config).map((l) => l.name)).toEqual(["bug: API"]);
  });

  it("calls a bug extrinsic only from the extrinsic threshold (0.7 by default), stricter than the label threshold", () => {
    const result = gpuExtrinsicResult(); // extrinsic at 0.79
    const at = (confidence: number) => ({ ...result, classification: { ...result.classification!, extrinsic: { ...result.classification!.extrinsic, confidence } } });
    const names = (confidence: number) => planLabels(at(confidence), parseRepoConfig({}).config).map((l) => l.name);
    expect(names(0.79)).toContain("extrinsic");
    expect(names(0.6)).not.toContain("extrinsic");
  });

  it("suggests no label for a question, a feature request or a docs issue", () => {
    expect(planLabels(questionResult(), config)).toEqual([]);
    for (const label of ["feature", "docs"] as const) {
      const result = makeResult({ classification: makeClassification({ reportKind: { label, confidence: 0.8, evidence: [] } }) });
      expect(planLabels(result, config)).toEqual([]);
    }
  });

  it("still treats an unsure non-bug call as a bug report", () => {
    const result = makeResult({
      classification: makeClassification({ reportKind: { label: "question", confidence: 0.4, evidence: [] } }),
    });
    expect(planLabels(result, config).map((l) => l.name)).toEqual(["bug: tensor & input"]);
  });

  it("suggests nothing when there is no classification", () => {
    expect(planLabels(makeResult({ classification: undefined }), config)).toEqual([]);
  });

  it("applies the prefix and skips labels the config turns off", () => {
    const custom = parseRepoConfig({ labels: { prefix: "mltriage: ", extrinsic: { enabled: false }, gpu: { name: "cuda", color: "ABCDEF" } } }).config;
    const labels = planLabels(gpuExtrinsicResult(), custom);
    expect(labels.map((l) => l.name)).toEqual(["mltriage: cuda", "mltriage: needs environment info"]);
    expect(labels[0]?.color).toBe("abcdef");
  });

  it("does not suggest the extrinsic label for an intrinsic bug", () => {
    const names = planLabels(makeResult(), config).map((l) => l.name);
    expect(names).not.toContain("extrinsic");
  });
});
