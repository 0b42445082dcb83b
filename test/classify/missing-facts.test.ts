import { describe, expect, it } from "@jest/globals";
import { classifyIssue } from "../../src/classify/index.js";
import { extractEnvironment } from "../../src/classify/environment.js";
import { ASK, ASK_DOCKERFILE, failedDockerBuild, failsOnCi, missingFacts } from "../../src/classify/missing-facts.js";

const base = { extrinsicProbability: 0.8, gpuProbability: 0.1, causes: ["build-install" as const], isBugReport: true };
const env = { python: "3.6", os: "Ubuntu 16.04", frameworks: { mxnet: "1.1.0" } };

describe("missingFacts", () => {
  it("asks how it was installed only when the report does not show it", () => {
    expect(missingFacts({ ...base, environment: env })).toContain("how it was installed (pip, conda or from source, with the build flags)");
    expect(missingFacts({ ...base, environment: { ...env, installedWith: "pip" } })).toEqual([]);
  });

  it("asks nothing of the reporter's machine when the failure is a CI run's", () => {
    const gpu = { ...base, gpuProbability: 0.9, causes: ["gpu-driver-cuda" as const], environment: { frameworks: {} } };
    expect(missingFacts(gpu)).toContain(ASK.cuda);
    expect(missingFacts({ ...gpu, onCi: true })).toEqual([]);
    expect(failsOnCi("test_conv fails: http://jenkins.mxnet-ci.amazon-ml.com/blue/organizations/jenkins/PR-9995/32/pipeline")).toBe(true);
    expect(failsOnCi("See https://github.com/o/r/actions/runs/123456 for the log")).toBe(true);
    expect(failsOnCi("test_gpu_memory is flaky on CI")).toBe(true);
    expect(failsOnCi("The nightly CI build failed with CUDA error")).toBe(true);
    expect(failsOnCi("CI failure in test_operator_gpu")).toBe(true);
    // A pull request's checks, and the CI said to be broken (pytorch/ignite#1426).
    expect(failsOnCi("https://github.com/pytorch/ignite/pull/1425/checks?check_run_id=1335601277#step:6:39")).toBe(true);
    expect(failsOnCi("GitHub CI on Windows is broken.")).toBe(true);
    expect(failsOnCi("See https://github.com/o/r/pull/1425 for the change")).toBe(false);
    // A failure on the reporter's machine that the CI does not show is theirs.
    expect(failsOnCi("It passes on CI but fails on my machine")).toBe(false);
    expect(failsOnCi("I use CUDA 10.1")).toBe(false);
    // Said not to fail there.
    expect(failsOnCi("There are no errors on CI, but on my machine training crashes")).toBe(false);
    expect(failsOnCi("The test is not flaky on CI, only on my workstation")).toBe(false);
  });

  it("asks a failed docker build for its Dockerfile, not the host's versions", () => {
    const log = "$ docker build -t ludwig .\nStep 5/12 : RUN pip install -r requirements.txt\nThe command '/bin/sh -c pip install -r requirements.txt' returned a non-zero code: 1";
    expect(failedDockerBuild(log)).toEqual({ dockerfilePasted: false });
    const gpu = { ...base, gpuProbability: 0.9, causes: ["gpu-driver-cuda" as const, "build-install" as const], environment: { frameworks: {} } };
    expect(missingFacts({ ...gpu, dockerBuild: failedDockerBuild(log) })).toEqual([ASK_DOCKERFILE]);
    // The Dockerfile pasted: nothing to ask.
    expect(missingFacts({ ...gpu, dockerBuild: failedDockerBuild(`FROM nvidia/cuda:10.1-cudnn7-devel\n${log}`) })).toEqual([]);
    // Running a container is no build.
    expect(failedDockerBuild("docker run --gpus all -it my-image python train.py")).toBeUndefined();
    // A build that went through, then a run-time error in the container, is no failed build.
    expect(failedDockerBuild("docker build -t myimg .\nStep 1/5 : FROM pytorch/pytorch\nSuccessfully built 1234\nRuntimeError: CUDA error: no kernel image")).toBeUndefined();
    expect(failedDockerBuild("ERROR: failed to solve: process \"/bin/sh -c pip install horovod\" did not complete successfully")).toEqual({ dockerfilePasted: false });
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

  it("does not ask again for what the report answers as not applying (a CPU user's 'CUDA/cuDNN version: N/A')", () => {
    const gpu = { ...base, gpuProbability: 0.9, causes: ["gpu-driver-cuda" as const] };
    const all = missingFacts({ ...gpu, environment: extractEnvironment("torch 1.7.0 on Ubuntu 18.04, Python 3.8") });
    expect(all).toEqual(expect.arrayContaining([ASK.cuda, ASK.cudnn, ASK.driver, ASK.gpu]));
    const cpu = extractEnvironment("- torch 1.7.0\n- OS: Ubuntu 18.04\n- Python version: N/A\n- CUDA/cuDNN version: N/A\n- GPU model and memory: N/A");
    expect(missingFacts({ ...gpu, environment: cpu })).toEqual([]);
    // "Expected: none" is no environment answer.
    expect(extractEnvironment("Expected: none").notApplicable).toBeUndefined();
  });

  it("takes 'N/A' for the GPU facts only under the template's own labels for them, not under 'Multi-GPU: no'", () => {
    const gpu = { ...base, gpuProbability: 0.9, causes: ["gpu-driver-cuda" as const] };
    const multi = extractEnvironment("- torch 1.7.0\n- OS: Ubuntu 18.04\n- Python version: 3.8\n- Multi-GPU: no\n- Distributed: no");
    expect(multi.notApplicable).toBeUndefined();
    expect(missingFacts({ ...gpu, environment: multi })).toEqual([ASK.cuda, ASK.cudnn, ASK.driver, ASK.gpu]);
    expect(extractEnvironment("- Multi-GPU training: N/A").notApplicable).toBeUndefined();
    // The template's own labels still settle them.
    expect(extractEnvironment("GPU models and configuration: none").notApplicable).toEqual(["gpu", "cuda", "cudnn", "driver"]);
    expect(extractEnvironment("- GPU: no GPU").notApplicable).toEqual(["gpu", "cuda", "cudnn", "driver"]);
    expect(extractEnvironment("- GPU model and memory (if applicable): N/A").notApplicable).toEqual(["gpu", "cuda", "cudnn", "driver"]);
    expect(extractEnvironment("CUDA/cuDNN version: N/A").notApplicable).toEqual(["cuda", "cudnn", "driver"]);
    expect(extractEnvironment("Nvidia driver version: N/A").notApplicable).toEqual(["driver"]);
  });

  it("takes a CPU user's answers under other GPU and CUDA labels, and not questions of how many or which setup", () => {
    const all = ["gpu", "cuda", "cudnn", "driver"];
    const na = (line: string) => extractEnvironment(`- PyTorch version: 1.7.0\n${line}`).notApplicable;
    expect(na("- CPU/GPU: CPU")).toEqual(all);
    expect(na("- Device (CPU/GPU): CPU")).toEqual(all);
    expect(na("- CUDA available: No")).toEqual(["cuda", "cudnn", "driver"]);
    expect(na("- Is GPU available: No")).toEqual(all);
    expect(na("- GPU/CUDA: N/A")).toEqual(all);
    expect(na("- Running on GPU: no")).toEqual(all);
    expect(na("- GPU support: no")).toEqual(all);
    // The Hugging Face template asks with a question mark; its distributed question settles nothing.
    expect(na("- Using GPU in script?: No")).toEqual(all);
    expect(na("- Using distributed or parallel set-up in script?: No")).toBeUndefined();
    expect(na("- CUDA/cuDNN/NCCL version: N/A")).toEqual(["cuda", "cudnn", "driver"]);
    expect(na("- CUDA toolkit / driver: N/A")).toEqual(["cuda", "cudnn", "driver"]);
    // The GPU or CUDA a driver question names is the driver's.
    expect(na("- GPU driver version: N/A")).toEqual(["driver"]);
    expect(na("- CUDA driver version: N/A")).toEqual(["driver"]);
    expect(na("- GPU model and memory: N/A")).toEqual(all);
    const gpu = { ...base, gpuProbability: 0.9, causes: ["gpu-driver-cuda" as const] };
    const cpu = extractEnvironment("- torch 1.7.0\n- OS: Ubuntu 18.04\n- Python version: 3.8\n- CPU/GPU: CPU");
    expect(missingFacts({ ...gpu, environment: cpu })).toEqual([]);
    // How many GPUs, nodes or workers, and a setup's question, say nothing of whether there is a GPU.
    for (const line of ["- Number of GPUs: none", "- GPU count: N/A", "- How many GPUs: none", "- Number of nodes: N/A", "- GPU workers: none", "- Multi-GPU: no", "- Distributed: no"]) {
      expect(na(line)).toBeUndefined();
    }
    // A framework's version asked with "(GPU?)" is that framework's: a PyTorch user has no TensorFlow.
    expect(na("- Tensorflow version (GPU?): N/A")).toBeUndefined();
  });

  it("asks nothing of a report that looks intrinsic and not GPU-related", () => {
    expect(missingFacts({ ...base, extrinsicProbability: 0.2, causes: [], environment: { frameworks: {} } })).toEqual([]);
  });

  it("asks a GPU bug for the machine's facts unless it is three to one in the code", () => {
    const gpu = { ...base, gpuProbability: 0.8, causes: [], environment: { frameworks: { torch: "1.4.0" } } };
    expect(missingFacts({ ...gpu, extrinsicProbability: 0.4 })).toContain("GPU model and count");
    // A failing test of the project's own CUDA path, intrinsic at 84%: no driver or GPU questions.
    expect(missingFacts({ ...gpu, extrinsicProbability: 0.16 })).toEqual([]);
  });

  it("asks a failed GPU build its own questions even when the model puts the bug three to one in the code", () => {
    const build = { frameworks: {}, build: { failedAtBuild: true as const } };
    const asked = missingFacts({ ...base, extrinsicProbability: 0.1, gpuProbability: 0.8, causes: ["build-install"], environment: build });
    expect(asked).toContain("compiler and its version (`gcc --version`, `clang --version` or the MSVC version)");
  });
});

describe("missingFacts of a failed build from source", () => {
  // apache/mxnet#11339: nvcc and the linker fail on a CUDA build with USE_CUDNN=0; the report gives the OS and gcc.
  const report = [
    "compiling error when USE_CUDA=1  and USE_CUDNN=0 with make command",
    "Ubuntu 16.04",
    "Compiler g++/gcc (Ubuntu 5.4.0-6ubuntu1~16.04.5) 5.4.0 20160609",
    'src/operator/nn/convolution.cu(93): error: identifier "param_" is undefined',
    "naive_engine.cc:(.text+0xd35): undefined reference to cudnnDestroy'",
    "checkout latest master branch",
    "make -j $(nproc) USE_OPENCV=1 USE_BLAS=openblas USE_CUDA=1 USE_CUDA_PATH=/usr/local/cuda USE_CUDNN=0",
  ].join("\n");
  const buildFirst = { extrinsicProbability: 0.84, gpuProbability: 0.44, isBugReport: true, causes: ["build-install" as const, "gpu-driver-cuda" as const] };

  it("asks for the toolchain and source, not for cuDNN, the driver or the GPU", () => {
    const asked = missingFacts({ ...buildFirst, environment: extractEnvironment(report) });
    expect(asked).toEqual(["the commit or release being built (`git rev-parse HEAD`)", "CUDA toolkit version (`nvcc --version`)"]);
  });

  it("asks a build with cuDNN on for its version, and one that does not state them for its compiler, OS and CMake", () => {
    const asked = missingFacts({ ...buildFirst, environment: extractEnvironment("mxnet 1.3.0\ncmake -DUSE_CUDA=ON -DUSE_CUDNN=ON ..\nfoo.cu(3): error: bad") });
    expect(asked).toEqual([
      "operating system and version",
      "compiler and its version (`gcc --version`, `clang --version` or the MSVC version)",
      "CUDA toolkit version (`nvcc --version`)",
      "cuDNN version",
      "CMake version (`cmake --version`)",
    ]);
  });

  it("keeps the runtime questions when the build cause is not the likeliest or nothing failed to compile", () => {
    const gpuFirst = missingFacts({ ...buildFirst, causes: ["gpu-driver-cuda", "build-install"], environment: extractEnvironment(report) });
    expect(gpuFirst).toContain("GPU driver version (the `nvidia-smi` header)");
    const runtime = report.replace(/^.*(?:error:|undefined reference).*$/gm, "RuntimeError: CUDA error: no kernel image is available");
    expect(missingFacts({ ...buildFirst, environment: extractEnvironment(runtime) })).toContain("GPU model and count");
  });
});

describe("cause questions through classifyIssue", () => {
  it("asks about a cause only when the reporter's own words name it, not an environment dump alone", () => {
    const dump = ["", "### Environment", "", "CUDA:", "", "GPU:", "", "GeForce RTX 2080 Ti", "", "available:         True", "version:           10.1", "", "NCCL version: 2.4.8", "cuBLAS: 10.2", "CUDA toolkit: 10.1"];
    const hooks = classifyIssue({ title: "DataModule hooks run in the wrong order", body: ["prepare_data is called after train_dataloader.", ...dump].join("\n") });
    // The dump fires the GPU cause (as a feature, as trained), but nothing the reporter wrote points at the GPU.
    expect(hooks.extrinsic.causes.map((c) => c.label)).toContain("gpu-driver-cuda");
    expect(hooks.missingFacts).not.toContain(ASK.driver);
    expect(hooks.missingFacts).not.toContain(ASK.cudnn);
    const gpu = classifyIssue({ title: "DataModule hooks run in the wrong order", body: ["It fails with CUDA error: an illegal memory access was encountered after the NVIDIA driver update.", ...dump].join("\n") });
    expect(gpu.missingFacts).toContain(ASK.driver);
  });
});

