/**
 * What to ask the reporter for when a bug looks environmental and the report does not say it. The list follows the
 * study's advice: framework, Python, CUDA/cuDNN/driver, OS, GPU model, install method, dataset version.
 */

import type { Environment, ExtrinsicCause } from "../types.js";

const DL_FRAMEWORKS = ["torch", "tensorflow", "tfjs", "tfjs-node", "keras", "jax", "mxnet", "paddle", "onnxruntime", "chainer", "theano"];
const JS_FRAMEWORKS = ["tfjs", "tfjs-node"];

export interface MissingFactsInput {
  environment: Environment;
  /** Calibrated probability that the bug is extrinsic. */
  extrinsicProbability: number;
  /** Calibrated probability of the GPU bug type. */
  gpuProbability: number;
  /** Causes considered likely. */
  causes: ExtrinsicCause[];
  isBugReport: boolean;
}

export function missingFacts(input: MissingFactsInput): string[] {
  const { environment: env, causes } = input;
  const gpuRelated = input.gpuProbability >= 0.5 || causes.includes("gpu-driver-cuda");
  if (!input.isBugReport || (input.extrinsicProbability < 0.5 && !gpuRelated)) return [];
  const frameworks = Object.keys(env.frameworks);
  const isJs = frameworks.some((f) => JS_FRAMEWORKS.includes(f));
  const out: string[] = [];
  if (!frameworks.some((f) => DL_FRAMEWORKS.includes(f))) out.push("framework and version"); // the comment names the command that prints it (render/environment-commands.ts)
  if (!env.python && !isJs) out.push("Python version");
  if (!env.os) out.push("operating system and version");
  if (gpuRelated) {
    if (!env.cuda) out.push("CUDA version");
    if (!env.cudnn) out.push("cuDNN version");
    if (!env.driver) out.push("GPU driver version (the `nvidia-smi` header)");
    if (!env.gpu) out.push("GPU model and count");
  }
  if (causes.includes("build-install")) {
    if (!env.installedWith) out.push("how it was installed (pip, conda or from source, with the build flags)");
    // Built from source: the flags decide what was compiled in, and reports rarely give them.
    // A report that pasted its make or cmake line has given them.
    else if (env.installedWith === "source" && !env.buildFlagsStated) out.push("the build flags (the cmake or make command line)");
  }
  if (causes.includes("training-data")) out.push("the dataset and its version (a small sample that reproduces the problem helps)");
  if (causes.includes("pretrained-model")) out.push("where the pretrained weights come from and which version produced them");
  if (causes.includes("third-party-library") && frameworks.length < 2) out.push("versions of the other libraries involved (`pip freeze`)");
  return out;
}
