import { describe, expect, it } from "@jest/globals";
import { extractEnvironment } from "../../src/classify/environment.js";
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

  it("does not ask for the build flags of a report that pasted its make or cmake line", () => {
    const asked = (text: string) => missingFacts({ ...base, environment: { ...extractEnvironment(text), ...env } });
    const flags = "the build flags (the cmake or make command line)";
    const template = "## Build info (Required if built from source)\n\nCompiler g++ 5.4.0\n\n";
    expect(asked(`${template}make -j $(nproc) USE_OPENCV=1 USE_CUDA=1 USE_CUDA_PATH=/usr/local/cuda USE_CUDNN=0`)).not.toContain(flags);
    expect(asked("I build it from source: cmake -DUSE_CUDA=ON -DUSE_CUDNN=OFF .. && make -j8")).not.toContain(flags);
    expect(asked(`${template}It fails to link.`)).toContain(flags);
    expect(asked(`${template}Then I ran make -j8 and it fails.`)).toContain(flags);
  });

  it("asks nothing of a report that looks intrinsic and not GPU-related", () => {
    expect(missingFacts({ ...base, extrinsicProbability: 0.2, causes: [], environment: { frameworks: {} } })).toEqual([]);
  });
});
