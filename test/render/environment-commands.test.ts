import { describe, expect, it } from "@jest/globals";
import { environmentCommands, PLATFORM_COMMAND } from "../../src/render/environment-commands.js";
import { missingFacts } from "../../src/classify/missing-facts.js";
import type { Classification, Environment } from "../../src/types.js";
import { makeClassification } from "./fixtures/triage-results.js";

/** What the comment asks for, as missing-facts words it, for an extrinsic report. */
function asked(environment: Environment, gpu = false): string[] {
  return missingFacts({ environment, extrinsicProbability: 0.9, gpuProbability: gpu ? 0.9 : 0, causes: [], isBugReport: true });
}

/** A classification whose questions are the ones missing-facts asks of an extrinsic report (a GPU one when `gpu`). */
function classificationWith(environment: Environment, gpu = false): Classification {
  const base = makeClassification();
  return {
    ...base,
    environment,
    bugType: gpu ? { ...base.bugType, label: "GPU" } : { ...base.bugType, label: "Training" },
    extrinsic: { ...base.extrinsic, causes: [] },
    missingFacts: asked(environment, gpu),
  };
}

describe("environmentCommands", () => {
  it("adds a platform print to `pip list` when the OS or Python version is asked for, since pip list shows neither", () => {
    const env: Environment = { frameworks: {} };
    expect(asked(env)).toEqual(expect.arrayContaining(["operating system and version", "Python version"]));
    const commands = environmentCommands(classificationWith(env), undefined);
    expect(commands).toEqual(["pip list", PLATFORM_COMMAND]);
    expect(PLATFORM_COMMAND).toContain("platform.platform()");
    expect(PLATFORM_COMMAND).toContain("platform.python_version()");
  });

  it("prints the environment of the framework the report names rather than the repository's", () => {
    const c = { ...classificationWith({ frameworks: {} }), frameworkAsked: "torch" };
    expect(environmentCommands(c, "tensorflow")).toEqual(["python -m torch.utils.collect_env"]);
    expect(environmentCommands(classificationWith({ frameworks: {} }), "tensorflow")[0]).toMatch(/import platform, tensorflow as tf/);
    // A stated numpy, or the project's own release, names no environment report: the framework's is still asked.
    const project = { ...classificationWith({ frameworks: { kornia: "0.4.1", numpy: "1.19.1" } }), frameworkAsked: "torch" };
    expect(environmentCommands(project, "torch")).toEqual(["python -m torch.utils.collect_env"]);
  });

  it("suggests `pip list` alone when the report already states the OS and Python", () => {
    const env: Environment = { frameworks: {}, os: "Ubuntu 20.04", python: "3.8" };
    expect(asked(env)).not.toContain("operating system and version");
    expect(environmentCommands(classificationWith(env), "mxnet")).toEqual(["pip list"]);
  });

  it("makes the TensorFlow one-liner print the platform, and the build's CUDA and cuDNN for a GPU problem", () => {
    const plain = environmentCommands(classificationWith({ frameworks: {} }), "tensorflow");
    expect(plain).toHaveLength(1);
    expect(plain[0]).toContain("tf.version.VERSION");
    expect(plain[0]).toContain("platform.platform()");
    expect(plain[0]).not.toContain("get_build_info");

    const gpu = environmentCommands(classificationWith({ frameworks: { tensorflow: "2.4" } }, true), undefined);
    expect(gpu[0]).toContain("tf.sysconfig.get_build_info()");
    expect(gpu[0]).toContain("platform.platform()");
    expect(gpu[1]).toBe("nvidia-smi");

    const stated = environmentCommands(classificationWith({ frameworks: { tensorflow: "2.4" }, os: "Windows 10", python: "3.7" }), undefined);
    expect(stated).toEqual(['python -c "import tensorflow as tf; print(tf.version.GIT_VERSION, tf.version.VERSION)"']);
  });

  it("adds nothing to reports that print the OS already (collect_env, jax.print_environment_info)", () => {
    const env: Environment = { frameworks: {} };
    expect(environmentCommands(classificationWith(env), "torch")).toEqual(["python -m torch.utils.collect_env"]);
    expect(environmentCommands(classificationWith(env), "jax")).toEqual(['python -c "import jax; jax.print_environment_info()"']);
    expect(environmentCommands(classificationWith(env, true), "torch")).toEqual(["python -m torch.utils.collect_env", "nvidia-smi"]);
  });

  it("suggests nvidia-smi only when the GPU's driver or model is asked, not for a GPU type too unsure to ask it", () => {
    const env: Environment = { frameworks: {} };
    // The likeliest type is GPU, but at 40% the comment calls it unclear and missing-facts asks no GPU questions.
    const unsure = missingFacts({ environment: env, extrinsicProbability: 0.9, gpuProbability: 0.4, causes: [], isBugReport: true });
    expect(unsure).not.toContain("GPU model and count");
    const base = classificationWith(env, true);
    expect(environmentCommands({ ...base, missingFacts: unsure }, "torch")).toEqual(["python -m torch.utils.collect_env"]);
    // A report that already gives driver and GPU model needs no nvidia-smi either, whatever the type.
    const stated: Environment = { frameworks: {}, driver: "450.51", gpu: "Tesla V100" };
    expect(environmentCommands(classificationWith(stated, true), "torch")).toEqual(["python -m torch.utils.collect_env"]);
  });
});
