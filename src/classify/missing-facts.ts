/**
 * What to ask the reporter for when a bug looks environmental and the report does not say it. The list follows the
 * study's advice: framework, Python, CUDA/cuDNN/driver, OS, GPU model, install method, dataset version.
 */

import type { Environment, ExtrinsicCause } from "../types.js";
import { DL_FRAMEWORKS } from "./environment.js";

const JS_FRAMEWORKS = ["tfjs", "tfjs-node"];

/**
 * The runtime environment questions, worded once: the comment's commands (render/environment-commands.ts) are
 * chosen by which of them are asked, so that each command printed answers something on the list.
 */
export const ASK = {
  framework: "framework and version",
  python: "Python version",
  os: "operating system and version",
  cuda: "CUDA version",
  cudnn: "cuDNN version",
  driver: "GPU driver version (the `nvidia-smi` header)",
  gpu: "GPU model and count",
  otherLibraries: "versions of the other libraries involved (`pip list`)",
} as const;

/** How each framework (as pipeline/repository-framework.ts names it) is written for a reporter. */
export const FRAMEWORK_NAMES: Readonly<Record<string, string>> = { torch: "PyTorch", tensorflow: "TensorFlow", mxnet: "MXNet", jax: "JAX", paddle: "PaddlePaddle" };

/** ASK.framework as asked when the repository's framework is known: "the PyTorch version" (see withFrameworkNamed). */
export function frameworkVersionFact(name: string): string {
  return `the ${name} version`;
}

/**
 * Whether a fact asked is one the comment's commands print (render/environment-commands.ts): a version or the GPU.
 * The framework's version counts under either wording, ASK.framework or the framework's name.
 */
export function isRuntimeFact(fact: string): boolean {
  return (Object.values(ASK) as string[]).includes(fact) || Object.values(FRAMEWORK_NAMES).some((name) => frameworkVersionFact(name) === fact);
}

/** The project's own release, with the command that prints it (by import name: pip names differ, `pyro-ppl`). */
export function projectVersionFact(pkg: string): string {
  return `the \`${pkg}\` version (\`python -c "import ${pkg}; print(${pkg}.__version__)"\`)`;
}

/** Whether a fact is the project's own release, as projectVersionFact words it. */
export function isProjectVersionFact(fact: string): boolean {
  return /^the `[\w.-]+` version \(`python -c "import [\w.]+; print\([\w.]+\.__version__\)"`\)$/.test(fact);
}

/**
 * A question without the command or hint it carries: "the `pyro` version (`python -c "import pyro; ..."`)" →
 * "the `pyro` version", "GPU driver version (the `nvidia-smi` header)" → "GPU driver version". For a label's
 * hover text, and where the comment names the command anyway.
 */
export function factName(fact: string): string {
  const hint = fact.indexOf(" (");
  return hint > 0 ? fact.slice(0, hint) : fact;
}

/** Package names compared as pip compares them: case and `-`, `_`, `.` do not matter (`pytorch_lightning`). */
export function samePackage(a: string, b: string): boolean {
  const norm = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "");
  return norm(a) === norm(b);
}

/** What the report says of the project's own code, as withProjectVersionAsked reads it. */
export interface ProjectVersionReport {
  /** The report states the project's release, or the commit its install came from. */
  statesVersion: boolean;
  /** The report shows a failed build, which asks for the commit or release being built itself. */
  buildFailure: boolean;
  /** The report installs the project from its own checkout (`pip install -e .`, `setup.py develop`). */
  installsFromSourceTree?: boolean;
}

/**
 * The questions with the project's own version first, when something is asked at all, the report does not state
 * it, and the project is not itself the framework asked about ("framework and version" covers mxnet's own repo).
 * A failed build already asks for the commit or release being built.
 */
export function withProjectVersionAsked(facts: readonly string[], env: Environment, pkg: string | undefined, report: ProjectVersionReport): string[] {
  const { statesVersion, buildFailure, installsFromSourceTree = false } = report;
  if (!pkg || facts.length === 0 || buildFailure || statesVersion) return [...facts];
  if (DL_FRAMEWORKS.some((f) => samePackage(f, pkg))) return [...facts];
  if (Object.keys(env.frameworks).some((f) => samePackage(f, pkg))) return [...facts];
  // Installed from a checkout (`pip install -e .`, `setup.py develop`): the checkout's commit says which code it is,
  // and an install that fails leaves nothing to import.
  if (installsFromSourceTree) return env.revision ? [...facts] : [ASK_CHECKOUT_COMMIT, ...facts];
  return [projectVersionFact(pkg), ...facts];
}

/** What a report that installs the project from its own checkout is asked for instead of an import's `__version__`. */
export const ASK_CHECKOUT_COMMIT = "the commit of the checkout being installed (`git rev-parse HEAD`)";

/** Below this probability of an outside cause, nothing is asked, GPU bug or not: three to one for the code. */
const CONFIDENTLY_INTRINSIC = 0.25;

export interface MissingFactsInput {
  environment: Environment;
  /** Calibrated probability that the bug is extrinsic. */
  extrinsicProbability: number;
  /** Calibrated probability of the GPU bug type. */
  gpuProbability: number;
  /** Causes considered likely, the likeliest first. */
  causes: ExtrinsicCause[];
  isBugReport: boolean;
  /** The failure is a CI run's (failsOnCi): its machine is the CI's, not the reporter's. */
  onCi?: boolean;
  /** Set when the report shows a failed `docker build` (failedDockerBuild): the image's versions matter. */
  dockerBuild?: FailedDockerBuild;
}

/**
 * A report of a failure on a continuous-integration run: a link to the run (Jenkins, Travis, CircleCI, GitHub
 * Actions, a pull request's or commit's checks, Azure Pipelines, AppVeyor, Buildkite) or words that put the failure
 * there ("fails on CI", "the nightly CI build", "CI failure", "GitHub CI on Windows is broken"). Its environment is the
 * CI's, written in the repository's CI configuration: asking the reporter for their local CUDA or driver is beside
 * the point.
 */
const CI_RUN =
  /\bhttps?:\/\/(?:(?=[\w.-]*jenkins)[\w.-]+|travis-ci\.(?:org|com)|app\.circleci\.com|circleci\.com|dev\.azure\.com|ci\.appveyor\.com|buildkite\.com)\/|\bgithub\.com\/[\w.-]+\/[\w.-]+\/(?:actions\/runs|runs)\/\d|\bgithub\.com\/[\w.-]+\/[\w.-]+\/(?:pull\/\d+|commit\/[0-9a-f]{7,40})\/checks\b|\b(?:fail\w*|flaky|broken|errors?|crash\w*|timed? ?out)\s+(?:on|in)\s+(?:the\s+)?(?:nightly\s+)?(?:CI|Jenkins|Travis|CircleCI|GitHub Actions)\b|\b(?:CI|Jenkins|Travis)\s+(?:failures?|fails|failed|is failing|build (?:fails|failed|failure))\b|\b(?:CI|Jenkins|Travis|CircleCI|GitHub Actions)(?:\s+(?:on|for)\s+[\w.-]+)?\s+(?:is|are)\s+(?:broken|failing|red)\b/g;

export function failsOnCi(text: string): boolean {
  for (const m of text.matchAll(CI_RUN)) {
    // "There are no errors on CI, but on my machine ...", "not flaky on CI": the failure is elsewhere.
    if (!NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 25), m.index))) return true;
  }
  return false;
}

/** A negation just before a phrase. */
const NEGATED_BEFORE = /\b(?:no|not|never|without|n't)\b[^.\n]{0,20}$/i;

/**
 * A `docker build` that failed: the classic builder's "The command '/bin/sh -c ...' returned a non-zero code: 1",
 * BuildKit's "executor failed running [/bin/sh -c ...]" and "ERROR: failed to solve: process ... did not complete
 * successfully". The versions that matter are then the image's, which its Dockerfile sets, not the host's. A build
 * command or its "Step 5/12 :" lines alone are no failure: a run-time error in a container that built is the host's
 * GPU and driver's as much as the image's.
 */
const DOCKER_BUILD_FAILED = /returned a non-zero code: \d+|\bexecutor failed running \[|\bERROR: failed to solve: /;
/** A Dockerfile pasted: its base image line. */
const DOCKERFILE_FROM = /^[ \t]*FROM[ \t]+[\w.\/:@-]+/m;

export interface FailedDockerBuild {
  /** The report pasted its Dockerfile (a `FROM` line): nothing is left to ask. */
  dockerfilePasted: boolean;
}

/** The report's failed `docker build`, or undefined when it shows none. */
export function failedDockerBuild(text: string): FailedDockerBuild | undefined {
  return DOCKER_BUILD_FAILED.test(text) ? { dockerfilePasted: DOCKERFILE_FROM.test(text) } : undefined;
}

/** What a failed `docker build` is asked: its Dockerfile, unless the report pasted one. */
export const ASK_DOCKERFILE = "the Dockerfile (at least the image it starts `FROM`)";

/**
 * True when the report shows a build that failed (compile or link errors) and the build or installation is the
 * likeliest cause: the questions are then the build's (each naming the command that answers it), not a runtime's.
 */
export function isBuildFailure(env: Environment, causes: readonly ExtrinsicCause[]): boolean {
  return causes[0] === "build-install" && env.build?.failedAtBuild === true;
}

export function missingFacts(input: MissingFactsInput): string[] {
  const { environment: env, causes } = input;
  const gpuRelated = input.gpuProbability >= 0.5 || causes.includes("gpu-driver-cuda");
  if (!input.isBugReport || (input.extrinsicProbability < 0.5 && !gpuRelated)) return [];
  if (input.onCi) return [];
  if (input.dockerBuild) return input.dockerBuild.dockerfilePasted ? [] : [ASK_DOCKERFILE];
  // A failed build is asked its own questions whatever the model says of the code (they name its commands).
  if (isBuildFailure(env, causes)) return buildFailureFacts(env, input.gpuProbability >= 0.5, causes);
  // A GPU bug the classifier puts three to one in the code (a failing test of the project's own CUDA path) is not
  // asked for the machine's driver and versions: those questions are for causes outside the code.
  if (input.extrinsicProbability < CONFIDENTLY_INTRINSIC) return [];
  const frameworks = Object.keys(env.frameworks);
  const isJs = frameworks.some((f) => JS_FRAMEWORKS.includes(f));
  const out: string[] = [];
  if (!frameworks.some((f) => DL_FRAMEWORKS.includes(f))) out.push(ASK.framework); // the comment names the command that prints it (render/environment-commands.ts)
  // A fact the report answers "N/A" (a CPU user's "CUDA/cuDNN version: N/A") is not asked again.
  const missing = (fact: NonNullable<Environment["notApplicable"]>[number]) => env[fact] === undefined && !env.notApplicable?.includes(fact);
  if (missing("python") && !isJs) out.push(ASK.python);
  if (missing("os")) out.push(ASK.os);
  if (gpuRelated) {
    if (missing("cuda")) out.push(ASK.cuda);
    if (missing("cudnn")) out.push(ASK.cudnn);
    if (missing("driver")) out.push(ASK.driver);
    if (missing("gpu")) out.push(ASK.gpu);
  }
  if (causes.includes("build-install")) {
    if (!env.installedWith) out.push("how it was installed (pip, conda or from source, with the build flags)");
    // Built from source: the flags decide what was compiled in, and reports rarely give them.
    // A report that pasted its make or cmake line has given them.
    else if (env.installedWith === "source" && !env.build?.flagsStated) out.push("the build flags (the cmake or make command line)");
  }
  if (causes.includes("training-data")) out.push("the dataset and its version (a small sample that reproduces the problem helps)");
  if (causes.includes("pretrained-model")) out.push("where the pretrained weights come from and which version produced them");
  if (causes.includes("third-party-library") && frameworks.length < 2) out.push(ASK.otherLibraries);
  return out;
}

/**
 * A build from source that failed while compiling or linking: what decides a compile or link error is the source
 * (commit or release), the toolchain (OS, compiler, CUDA toolkit for nvcc, CMake) and the flags, not the GPU it
 * would have run on, so the driver and GPU model are not asked. cuDNN only when the build turns it on
 * ("USE_CUDNN=1"): a report that built with USE_CUDNN=0 has no cuDNN version to give.
 */
function buildFailureFacts(env: Environment, gpuLikely: boolean, causes: ExtrinsicCause[]): string[] {
  const build = env.build ?? {};
  const out: string[] = [];
  const versionStated = Object.keys(env.frameworks).some((f) => DL_FRAMEWORKS.includes(f));
  if (!build.revisionStated && !versionStated) out.push("the commit or release being built (`git rev-parse HEAD`)");
  if (!env.os) out.push(ASK.os);
  if (!build.compiler) out.push("compiler and its version (`gcc --version`, `clang --version` or the MSVC version)");
  // CUDA is compiled in when the build turns it on or nvcc runs; a GPU-looking report that does not turn it off too.
  if (!env.cuda && (build.cuda === "on" || (gpuLikely && build.cuda !== "off"))) out.push("CUDA toolkit version (`nvcc --version`)");
  if (!env.cudnn && build.cudnn === "on") out.push(ASK.cudnn);
  if (build.usesCmake && !build.cmakeVersion) out.push("CMake version (`cmake --version`)");
  if (!build.flagsStated) out.push("the build flags (the cmake or make command line)");
  // A dependency the build compiles or links against (protobuf headers, BLAS, OpenCV): its version, not `pip freeze`.
  if (causes.includes("third-party-library")) out.push("versions of the libraries the build uses (e.g. protobuf, BLAS, OpenCV)");
  return out;
}
