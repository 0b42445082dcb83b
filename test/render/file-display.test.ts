import { describe, it, expect } from "@jest/globals";
import { decideFileDisplay } from "../../src/render/file-display.js";
import { defaultRepoConfig, parseRepoConfig } from "../../src/config/repo-config.js";
import { gpuExtrinsicResult, makeResult } from "./fixtures/triage-results.js";

const config = defaultRepoConfig();

describe("decideFileDisplay", () => {
  it("shows files when the localizability is confident", () => {
    expect(decideFileDisplay(makeResult(), config)).toMatchObject({ verdict: "show", confidence: 0.74 });
  });

  it("follows the thresholds: soften between softenFiles and showFiles, withhold below", () => {
    const at = (confidence: number) =>
      decideFileDisplay(makeResult({ localizability: { confidence, verdict: "show", reasons: [] } }), config).verdict;
    expect(at(0.5)).toBe("show");
    expect(at(0.49)).toBe("soften");
    expect(at(0.25)).toBe("soften");
    expect(at(0.24)).toBe("withhold");
  });

  it("keeps the pipeline's verdict when it is stricter than the thresholds", () => {
    const result = makeResult({ localizability: { confidence: 0.9, verdict: "withhold", reasons: ["no error described"] } });
    expect(decideFileDisplay(result, config)).toEqual({ verdict: "withhold", confidence: 0.9, rankingTrusted: false, reasons: ["no error described"] });
  });

  it("softens files for a probably extrinsic bug even at high localizability", () => {
    const base = gpuExtrinsicResult();
    const result = { ...base, localizability: { confidence: 0.9, verdict: "show" as const, reasons: [] } };
    expect(decideFileDisplay(result, config)).toEqual({ verdict: "soften", confidence: 0.9, rankingTrusted: true, reasons: ["the cause is probably outside this repository's code"] });
  });

  it("shows files when there is no localizability estimate and the bug is not extrinsic", () => {
    expect(decideFileDisplay(makeResult({ localizability: undefined }), config)).toEqual({ verdict: "show", rankingTrusted: true, reasons: [] });
  });

  it("uses the repository's thresholds", () => {
    const lenient = parseRepoConfig({ thresholds: { showFiles: 0.2, softenFiles: 0.1 } }).config;
    const result = makeResult({ localizability: { confidence: 0.3, verdict: "show", reasons: [] } });
    expect(decideFileDisplay(result, lenient).verdict).toBe("show");
    expect(decideFileDisplay(result, config).verdict).toBe("soften");
  });

  it("does not show the localizability's praise as the reason for a caution the repository's thresholds imposed", () => {
    const strict = parseRepoConfig({ thresholds: { showFiles: 0.9 } }).config;
    const result = makeResult({ localizability: { confidence: 0.8, verdict: "show", reasons: ["a traceback frame in the project"] } });
    expect(decideFileDisplay(result, strict)).toEqual({ verdict: "soften", confidence: 0.8, rankingTrusted: false, reasons: [] });
  });
});
