import { ASK } from "../classify/missing-facts.js";
import type { Classification } from "../types.js";

/**
 * The commands whose output answers the environment questions of the comment ("For the versions, the quickest way is to paste the
 * output of ..."). Each must print what the list asks for, so a command that does not print a fact asked for is
 * joined by one that does:
 * - `python -m torch.utils.collect_env` prints the OS, Python, CUDA, cuDNN, GPU models and driver: nothing to add.
 * - `jax.print_environment_info()` prints Python, `platform.uname()` and, when there is one, `nvidia-smi`: nothing to add.
 * - the TensorFlow one-liner prints only TensorFlow's versions: it also prints the platform and Python version when
 *   either is asked, and the CUDA and cuDNN versions TensorFlow was built with (`tf.sysconfig.get_build_info()`)
 *   when either of those is asked.
 * - `pip list`, when the framework is unknown, prints packages only: a one-line platform print is added.
 * - `nvidia-smi`, when the driver or the GPU model is asked, prints the driver, the CUDA version it supports and
 *   the GPUs.
 * What is asked decides, not the bug type: a type that the comment calls unclear ("likeliest: GPU, 40%") asks no
 * GPU questions, and a command whose output answers none of the questions is noise to the reporter.
 */

const COMMAND_FRAMEWORKS = ["torch", "pytorch", "tensorflow", "keras", "jax"];

/** Prints the OS (with its version) and the Python version, which `pip list` does not. */
export const PLATFORM_COMMAND = 'python -c "import platform; print(platform.platform(), platform.python_version())"';

/**
 * The framework's own environment report, plus what it leaves out of the facts asked for, plus `nvidia-smi` when
 * the GPU's driver or model is asked: the framework the reporter states, else the one the comment asks about (the
 * one the report names, else the repository's), else a plain package list.
 */
export function environmentCommands(classification: Classification, repositoryFramework: string | undefined): string[] {
  const env = classification.environment;
  // The frameworks the commands know; a stated numpy or the project's own release names no environment report.
  const stated = Object.keys(env.frameworks)
    .map((f) => f.toLowerCase())
    .filter((f) => COMMAND_FRAMEWORKS.includes(f));
  const fallback = classification.frameworkAsked ?? repositoryFramework;
  const frameworks = stated.length > 0 ? stated : fallback ? [fallback] : [];
  const asked = new Set<string>(classification.missingFacts);
  const gpuAsked = asked.has(ASK.driver) || asked.has(ASK.gpu);
  const platformAsked = asked.has(ASK.os) || asked.has(ASK.python);
  const cudaAsked = asked.has(ASK.cuda) || asked.has(ASK.cudnn);
  const commands: string[] = [];
  if (frameworks.some((f) => f === "torch" || f === "pytorch")) {
    commands.push("python -m torch.utils.collect_env");
  } else if (frameworks.some((f) => f === "tensorflow" || f === "keras")) {
    commands.push(tensorflowCommand(platformAsked, cudaAsked));
  } else if (frameworks.includes("jax")) {
    commands.push('python -c "import jax; jax.print_environment_info()"');
  } else {
    commands.push("pip list");
    if (platformAsked) commands.push(PLATFORM_COMMAND);
  }
  if (gpuAsked) commands.push("nvidia-smi");
  return commands;
}

/** One line of Python: TensorFlow's versions, and the platform and build's CUDA/cuDNN when they are asked for. */
function tensorflowCommand(platform: boolean, buildInfo: boolean): string {
  const imports = platform ? "import platform, tensorflow as tf" : "import tensorflow as tf";
  const prints = ["print(tf.version.GIT_VERSION, tf.version.VERSION)"];
  if (platform) prints.push("print(platform.platform(), platform.python_version())");
  // get_build_info() holds cuda_version and cudnn_version (TensorFlow 2.3 and later).
  if (buildInfo) prints.push("print(tf.sysconfig.get_build_info())");
  return `python -c "${imports}; ${prints.join("; ")}"`;
}
