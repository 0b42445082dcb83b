import { describe, expect, it } from "@jest/globals";
import { ASK, isProjectVersionFact, projectVersionFact } from "../../src/classify/missing-facts.js";
import { defaultRepoConfig } from "../../src/config/repo-config.js";
import { planLabels } from "../../src/labels/plan-labels.js";
import { renderComment } from "../../src/render/render-comment.js";
import type { TriageResult } from "../../src/types.js";
import { makeClassification, makeResult } from "./fixtures/triage-results.js";

const config = defaultRepoConfig();
const render = (result: TriageResult) => renderComment({ result, config, repo: { owner: "o", name: "r" }, suggestedLabels: planLabels(result, config) });

/** A report the classifier leans extrinsic on, below the "probably" verdict, with or without words of the report behind it. */
function leaning(evidence: string[]): TriageResult {
  const base = makeClassification();
  return makeResult({
    classification: {
      ...base,
      extrinsic: { label: "extrinsic", confidence: 0.61, evidence, causes: [] },
      missingFacts: [projectVersionFact("kornia"), ASK.python, ASK.os],
      missingDetails: [],
    },
  });
}

describe("questions when the outside cause is only a leaning", () => {
  it("asks no environment when nothing the reporter wrote points outside, only the project's own release", () => {
    const body = render(leaning([]));
    expect(body).toContain("but the report names no outside cause");
    expect(body).toContain("the `kornia` version");
    expect(body).not.toContain(ASK.python);
    expect(body).not.toContain(ASK.os);
  });

  it("asks the environment when the report's words support the leaning", () => {
    const body = render(leaning(["mentions `CUDA 10.2`"]));
    expect(body).toContain(ASK.python);
    expect(body).toContain(ASK.os);
  });

  it("tells the project's release question from the framework's", () => {
    expect(isProjectVersionFact(projectVersionFact("kornia"))).toBe(true);
    expect(isProjectVersionFact("the PyTorch version")).toBe(false);
    expect(isProjectVersionFact(ASK.python)).toBe(false);
  });
});
