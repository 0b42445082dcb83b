import { describe, expect, it } from "@jest/globals";
import { reportSaysLittle, THIN_REPORT_WORDS } from "../../src/classify/bare-report.js";
import { classifyIssue } from "../../src/classify/index.js";
import { isConfidentBugType, isProbablyExtrinsic } from "../../src/labels/classification-verdicts.js";
import { planLabels } from "../../src/labels/plan-labels.js";
import { defaultRepoConfig } from "../../src/config/repo-config.js";
import { renderComment } from "../../src/render/render-comment.js";
import { makeClassification, makeResult } from "../render/fixtures/triage-results.js";

const nothing = { tracebackFramesInRepo: 0, identifierCount: 0, mentionedPaths: 0 };

describe("reportSaysLittle", () => {
  it("holds for a few prose words and nothing else to hold on to", () => {
    expect(reportSaysLittle({ ...nothing, proseWords: 1 })).toBe(true);
    expect(reportSaysLittle({ ...nothing, proseWords: THIN_REPORT_WORDS - 1 })).toBe(true);
  });

  it("fails for enough words, for a frame, an identifier or a file name, and when the words are unknown", () => {
    expect(reportSaysLittle({ ...nothing, proseWords: THIN_REPORT_WORDS })).toBe(false);
    expect(reportSaysLittle({ ...nothing, proseWords: 1, tracebackFramesInRepo: 1 })).toBe(false);
    expect(reportSaysLittle({ ...nothing, proseWords: 1, identifierCount: 1 })).toBe(false);
    expect(reportSaysLittle({ ...nothing, proseWords: 1, mentionedPaths: 1 })).toBe(false);
    expect(reportSaysLittle(nothing)).toBe(false);
  });
});

describe("a bug type read from the title of a bare report", () => {
  const config = defaultRepoConfig();

  it("is marked titleOnly by the classifier only when the caller says the report says little", () => {
    const issue = { title: "CUDA out of memory", body: "help" };
    expect(classifyIssue(issue, undefined, { reportSaysLittle: true }).bugType.titleOnly).toBe(true);
    expect(classifyIssue(issue).bugType.titleOnly).toBeUndefined();
    // Same model output either way: the mark qualifies the type, it does not change it.
    expect(classifyIssue(issue, undefined, { reportSaysLittle: true }).bugType.probabilities).toEqual(classifyIssue(issue).bugType.probabilities);
  });

  it("is never a confident type, so its label is not suggested, however probable", () => {
    const base = makeClassification();
    const guessed = makeResult({ classification: { ...base, bugType: { ...base.bugType, confidence: 0.95, titleOnly: true } } });
    const plain = makeResult({ classification: { ...base, bugType: { ...base.bugType, confidence: 0.95 } } });
    expect(isConfidentBugType(plain, config)).toBe(true);
    expect(isConfidentBugType(guessed, config)).toBe(false);
    expect(planLabels(plain, config).map((l) => l.name)).toContain("bug: tensor & input");
    expect(planLabels(guessed, config).map((l) => l.name)).not.toContain("bug: tensor & input");
  });

  it("is called a guess from a few words in the comment's summary and bug type line", () => {
    const base = makeClassification();
    const result = makeResult({ classification: { ...base, bugType: { ...base.bugType, confidence: 0.95, titleOnly: true } } });
    const body = renderComment({ result, config, repo: { owner: "o", name: "r" }, suggestedLabels: planLabels(result, config) });
    expect(body).toMatch(/Might be a \*\*Tensor \\?& Input\*\* bug \(a guess from a few words\)/);
    expect(body).toMatch(/\*\*Bug type:\*\* Tensor \\?& Input \(a guess from a few words\)/);
    expect(body).not.toMatch(/Looks like/);
  });
});

describe("the cause read from the title of a bare report", () => {
  const config = defaultRepoConfig();
  const bare = (extrinsic: { label: "extrinsic" | "intrinsic"; confidence: number }) => {
    const base = makeClassification();
    return makeResult({
      classification: { ...base, bugType: { ...base.bugType, titleOnly: true }, extrinsic: { ...base.extrinsic, ...extrinsic } },
    });
  };
  const render = (result: ReturnType<typeof bare>) =>
    renderComment({ result, config, repo: { owner: "o", name: "r" }, suggestedLabels: planLabels(result, config) });

  it("is not stated as 'in this repository's code', however probable", () => {
    const body = render(bare({ label: "intrinsic", confidence: 0.9 }));
    expect(body).not.toMatch(/bug \([^)]*\) in this repository's code/);
    expect(body).toMatch(/\*\*Cause:\*\* possibly in this repository's code \(intrinsic, a guess from a few words\)/);
  });

  it("is never 'probably extrinsic': no extrinsic lead, no extrinsic label, only 'possibly'", () => {
    const result = bare({ label: "extrinsic", confidence: 0.95 });
    expect(isProbablyExtrinsic(result, config)).toBe(false);
    expect(planLabels(result, config).map((l) => l.name).join(" ")).not.toMatch(/extrinsic/);
    const body = render(result);
    expect(body).not.toMatch(/probably \*\*extrinsic\*\*/);
    expect(body).toMatch(/\*\*Cause:\*\* possibly outside this repository \(extrinsic, a guess from a few words\)/);
  });
});
