import { describe, expect, it } from "@jest/globals";
import { missingFacts } from "../../src/classify/missing-facts.js";

const base = { extrinsicProbability: 0.8, gpuProbability: 0.1, causes: ["build-install" as const], isBugReport: true };
const env = { python: "3.6", os: "Ubuntu 16.04", frameworks: { mxnet: "1.1.0" } };

describe("missingFacts", () => {
  it("asks how it was installed only when the report does not show it", () => {
    expect(missingFacts({ ...base, environment: env })).toContain("how it was installed (pip, conda or from source, with the build flags)");
    expect(missingFacts({ ...base, environment: { ...env, installedWith: "pip" } })).toEqual([]);
  });

  it("asks a build from source for its flags", () => {
    expect(missingFacts({ ...base, environment: { ...env, installedWith: "source" } })).toEqual(["the build flags (the cmake or make command line)"]);
  });

  it("asks nothing of a report that looks intrinsic and not GPU-related", () => {
    expect(missingFacts({ ...base, extrinsicProbability: 0.2, causes: [], environment: { frameworks: {} } })).toEqual([]);
  });
});
