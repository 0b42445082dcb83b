import { describe, expect, it } from "@jest/globals";
import { isProbablyExtrinsic, isUnclearBugType } from "../../src/labels/classification-verdicts.js";
import { defaultRepoConfig } from "../../src/config/repo-config.js";
import { makeClassification, makeResult } from "../render/fixtures/triage-results.js";
import type { Classification } from "../../src/types.js";

const config = defaultRepoConfig();

function withBugType(bugType: Partial<Classification["bugType"]>) {
  const base = makeClassification();
  return makeResult({ classification: { ...base, bugType: { ...base.bugType, ...bugType } } });
}

describe("isUnclearBugType", () => {
  const unsure = config.thresholds.labelConfidence / 2;
  const sure = Math.min(1, config.thresholds.labelConfidence + 0.1);

  it("holds for an unsure type that nothing in the report points at, also when guessed from the title alone", () => {
    expect(isUnclearBugType(withBugType({ confidence: unsure, evidence: [] }), config)).toBe(true);
    expect(isUnclearBugType(withBugType({ confidence: sure, evidence: [], titleOnly: true }), config)).toBe(true);
  });

  it("fails for a confident type, for a type with evidence, and without a classification", () => {
    expect(isUnclearBugType(withBugType({ confidence: sure, evidence: [] }), config)).toBe(false);
    expect(isUnclearBugType(withBugType({ confidence: unsure, evidence: ['word "epoch"'] }), config)).toBe(false);
    expect(isUnclearBugType(makeResult({ classification: undefined }), config)).toBe(false);
  });

  it("holds for an unsure type argued by learned words alone, not for a confident one", () => {
    expect(isUnclearBugType(withBugType({ confidence: unsure, evidence: ['word "fail"'], wordsOnly: true }), config)).toBe(true);
    expect(isUnclearBugType(withBugType({ confidence: sure, evidence: ['word "fail"'], wordsOnly: true }), config)).toBe(false);
  });
});

describe("isProbablyExtrinsic", () => {
  const sure = Math.min(1, config.thresholds.extrinsicConfidence + 0.05);
  const extrinsic = (evidence: string[]) => {
    const base = makeClassification();
    return makeResult({ classification: { ...base, extrinsic: { ...base.extrinsic, label: "extrinsic", confidence: sure, evidence } } });
  };

  it("holds for a confident extrinsic call that the report's words support", () => {
    expect(isProbablyExtrinsic(extrinsic(["mentions `CUDA 11.0`"]), config)).toBe(true);
  });

  it("fails for a confident call with nothing of the report behind it (base rates and the report's shape alone)", () => {
    expect(isProbablyExtrinsic(extrinsic([]), config)).toBe(false);
  });

  it("fails when the report's traceback raises its error in the repository's own code", () => {
    const result = extrinsic(["mentions `pip install`"]);
    const raised = { path: "setup.py", line: 8, exceptionType: "UnicodeDecodeError" };
    expect(isProbablyExtrinsic({ ...result, classification: { ...result.classification!, raisedInProject: raised } }, config)).toBe(false);
  });

  it("fails when the reporter proposes a change to a line of the repository's code", () => {
    const result = extrinsic(["mentions `undefined symbol`"]);
    const proposedFix = { path: "horovod/common/__init__.py", line: 110 };
    expect(isProbablyExtrinsic({ ...result, classification: { ...result.classification!, proposedFix } }, config)).toBe(false);
  });
});

