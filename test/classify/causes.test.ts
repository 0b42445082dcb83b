import { describe, expect, it } from "@jest/globals";
import { detectCauses, isNamedCause, withoutToolchainWarnings } from "../../src/classify/causes.js";
import { extractEnvironment } from "../../src/classify/environment.js";
import { CAUSE_LEXICON, TYPE_LEXICON, matchTerms, type LexiconTerm } from "../../src/classify/lexicon.js";
import { prepareIssue } from "../../src/classify/text.js";
import { analyseIssue } from "../../src/classify/features.js";
import { classifyIssue } from "../../src/classify/index.js";
import type { ExtrinsicCause } from "../../src/types.js";

function causesOf(title: string, body: string): ExtrinsicCause[] {
  const prepared = prepareIssue({ title, body });
  return detectCauses(prepared, extractEnvironment(prepared.all)).map((c) => c.cause);
}

function top(title: string, body: string): ExtrinsicCause | undefined {
  return causesOf(title, body)[0];
}

describe("detectCauses", () => {
  it("points at the GPU stack for CUDA errors, with the error text as evidence", () => {
    const prepared = prepareIssue({ title: "CUDNN_STATUS_EXECUTION_FAILED in Conv1D", body: "Fails with cuDNN 7.6 and CUDA 10.1 on a GeForce GTX 1080, nvidia driver 418.67." });
    const causes = detectCauses(prepared, extractEnvironment(prepared.all));
    expect(causes[0]!.cause).toBe("gpu-driver-cuda");
    expect(causes[0]!.evidence.join(" ")).toContain("CUDNN_STATUS_EXECUTION_FAILED");
    expect(causes[0]!.evidence.join(" ")).toContain("CUDA 10.1");
  });

  it("points at the OS for a platform-only failure", () => {
    expect(top("Data workers hang on Windows 10", "Only on Windows the loader hangs because processes are spawned, on Ubuntu it works.")).toBe("os-platform");
  });

  it("points at a third-party library after an upgrade", () => {
    expect(top("CSV loader fails after upgrading pandas", "Since upgrading to pandas 2.0 the loader breaks; works with pandas 1.5. Version mismatch in a dependency.")).toBe(
      "third-party-library",
    );
  });

  it("points at the training data", () => {
    expect(causesOf("Training diverges on the new dataset release", "Some images in my custom dataset are corrupted zero-byte files.")).toContain("training-data");
  });

  it("reads corruption as a data cause only when data is what is corrupt", () => {
    expect(causesOf("Loader fails", "Some of the images are corrupted and the loader stops.")).toContain("training-data");
    expect(causesOf("Loader fails", "It stops at corrupted JPEG files from the scrape.")).toContain("training-data");
    expect(causesOf("Cache bug", "Calling reset() twice corrupts the cache and the next call returns stale values.")).not.toContain("training-data");
    expect(causesOf("Crash in the engine", "Looks like memory corruption in the threaded engine, malformed pointer.")).not.toContain("training-data");
    expect(causesOf("Loader fails", "The data looks corrupted after the download.")).toContain("training-data");
    expect(causesOf("Loader fails", "There is dataset corruption in the record files.")).toContain("training-data");
    expect(causesOf("Loader fails", "It stops at truncated images.")).toContain("training-data");
    expect(causesOf("Crash", "A corrupted heap data structure crashes the engine.")).not.toContain("training-data");
  });

  it("points at pretrained weights", () => {
    expect(causesOf("Pretrained weights from the model zoo give wrong outputs", "The downloaded weights file resnet50.params was trained with an older release.")).toContain(
      "pretrained-model",
    );
  });

  it("reads a model zoo's get_model with a model's name as pretrained weights, not a framework's own get_model()", () => {
    expect(causesOf("Wrong outputs", "net = get_model('resnet50_v1b', pretrained=True)\nout = net(x)")).toContain("pretrained-model");
    expect(causesOf("Wrong outputs", "model = self.trainer.get_model()\nmodel.on_epoch_end()")).not.toContain("pretrained-model");
  });

  it("points at the build for compiler and cmake failures", () => {
    expect(top("Build from source fails with cmake", "cmake -DUSE_CUDA=0 .. then make: gcc 9 error, undefined reference to `cblas_sgemm`.")).toBe("build-install");
  });

  it("does not read a compiler's or linker's warnings alone as a build or install cause (pyro-ppl/pyro#1358)", () => {
    const warnings = [
      "clang: warning: argument unused during compilation: '-fopenmp' [-Wunused-command-line-argument]",
      "ld: warning: dylib (/usr/local/opt/libomp/lib/libomp.dylib) was built for newer macOS version (10.14) than being linked (10.9)",
      "src/ops.cc:12:5: warning: unused variable 'n' [-Wunused-variable]",
    ].join("\n");
    expect(causesOf("test_enum fails", `${warnings}\nFAILED tests/infer/test_enum.py::test_elbo - AssertionError`)).not.toContain("build-install");
    // An error, or a build that failed, still is.
    expect(causesOf("install fails", `${warnings}\nerror: command 'gcc' failed with exit status 1`)).toContain("build-install");
    expect(causesOf("install fails", "clang: error: unsupported option '-fopenmp'")).toContain("build-install");
    expect(causesOf("crash", "I compiled it with clang 10 and it crashes")).toContain("build-install");
  });

  it("reads no build or install cause from a cross compiler's, cc1plus's or MSVC's warnings alone", () => {
    const failed = "\nFAILED tests/test_ops.py::test_roi_align - AssertionError: tensors differ";
    for (const warning of [
      "x86_64-linux-gnu-gcc: warning: -Wstrict-prototypes is not valid for C++ during compilation",
      "/opt/conda/bin/x86_64-conda-linux-gnu-c++: warning: argument unused during compilation",
      "cc1plus: warning: command line option '-Wstrict-prototypes' is valid for C/ObjC but not for C++ (gcc)",
      "C:\\Users\\me\\apex\\csrc\\op.cpp(12): warning C4244: conversion from 'int64_t' to 'int' in cl.exe compilation",
      "C:\\Program Files (x86)\\Microsoft Visual Studio\\include\\op.h(7): warning C4005: 'NOMINMAX': macro redefinition (compilation)",
      "cl : Command line warning D9025 : overriding '/O2' with '/Od' during compilation",
      "/usr/include/c++/9/tuple:553:2: warning: 'x' may be used uninitialized (gcc compilation)",
    ]) {
      expect([warning, causesOf("test_roi_align fails", warning + failed).includes("build-install")]).toEqual([warning, false]);
    }
  });

  it("keeps a linker's warning that a library is not found: a missing library, not a build's chatter", () => {
    const missing = "/usr/bin/ld: warning: libcudart.so.10.1, needed by /opt/lib/libtorch.so, not found (try using -rpath or -rpath-link)";
    expect(causesOf("test_roi_align fails", `${missing}\nFAILED tests/test_ops.py::test_roi_align`)).toContain("build-install");
    expect(withoutToolchainWarnings(missing)).toBe(missing);
    expect(withoutToolchainWarnings("ld: warning: cannot find entry symbol _start")).not.toBe("");
    expect(withoutToolchainWarnings("/usr/bin/ld: warning: undefined reference to `cudnnCreate'")).not.toBe("");
    // Other linker warnings still go.
    expect(withoutToolchainWarnings("ld: warning: dylib (/usr/local/opt/libomp/lib/libomp.dylib) was built for newer macOS version")).toBe("");
  });

  it("does not read the C++ runtime's message for the project's own uncaught exception as a library problem (apache/mxnet#9405)", () => {
    const own = "libc++abi.dylib: terminating with uncaught exception of type dmlc::Error: [10:02:14] src/io/local_filesys.cc:166: Check failed: allow_null";
    expect(causesOf("Crash when loading a record file", own)).toEqual([]);
    const ownLog = "libc++abi.dylib: terminating with uncaught exception of type std::runtime_error: [10:02:14] src/io/iter.cc:30: bad";
    expect(causesOf("Crash when loading a record file", ownLog)).toEqual([]);
    // Another exception, or a library that fails to load, still names the shared library.
    const std = "libc++abi.dylib: terminating with uncaught exception of type std::__1::system_error: mutex lock failed";
    expect(causesOf("Crash at exit", std)).toContain("build-install");
    expect(causesOf("Import fails", "OSError: dlopen(libmxnet.dylib, 6): image not found")).toContain("build-install");
  });

  it("finds no cause in a plain logic bug", () => {
    expect(causesOf("Off-by-one in the sliding window helper", "The helper returns one element too few.")).toEqual([]);
  });

  it("orders causes by strength, each in [0, 1)", () => {
    const prepared = prepareIssue({ title: "CUDA error on Windows", body: "CUDA error: out of memory on Windows 10 with CUDA 11.0 and cuDNN 8." });
    const causes = detectCauses(prepared, extractEnvironment(prepared.all));
    for (let i = 1; i < causes.length; i++) expect(causes[i - 1]!.strength).toBeGreaterThanOrEqual(causes[i]!.strength);
    for (const c of causes) expect(c.strength).toBeGreaterThan(0), expect(c.strength).toBeLessThan(1);
  });
});

describe("lexicon precision", () => {
  const ids = (text: string, list: LexiconTerm[]): string[] => matchTerms(text, list).map((h) => h.id);

  it("does not count English words as tensor operations or build commands", () => {
    const prose = "Make sure to take a look where the stack trace ends; in view of this, the optimization is off.";
    expect(ids(prose, TYPE_LEXICON["Tensor & Input"])).toEqual([]);
    expect(ids(prose, TYPE_LEXICON["non-DL"])).not.toContain("nondl.build");
    expect(ids(prose, TYPE_LEXICON.Training)).not.toContain("training.optimizer");
  });

  it("still counts them as calls and commands", () => {
    expect(ids("x = np.where(mask, a, b); y = t.view(2, 3)", TYPE_LEXICON["Tensor & Input"])).toEqual(
      expect.arrayContaining(["tensor.slice", "tensor.view"]),
    );
    expect(ids("make -j8 USE_CUDA=1 fails", TYPE_LEXICON["non-DL"])).toContain("nondl.build");
  });

  it("reads a dataset's annotations as training data, not Python's type annotations (MONAI#730)", () => {
    expect(causesOf("Docs warning", 'WARNING: Cannot resolve forward reference in type annotations of "{}"')).not.toContain("training-data");
    expect(causesOf("Wrong boxes", "Some annotations in my COCO json have negative widths")).toContain("training-data");
  });

  it("reads Node.js as a platform, not a TensorFlow graph node in an error (tensorpack#462)", () => {
    expect(ids("InvalidArgumentError: You must feed a value\n[[Node: input_1 = Placeholder[dtype=DT_FLOAT]()]]", TYPE_LEXICON["non-DL"])).not.toContain("nondl.platform");
    expect(ids("[[{{node conv1/Conv2D}}]]", TYPE_LEXICON["non-DL"])).not.toContain("nondl.platform");
    expect(ids("It fails in Node 12 but works in the browser", TYPE_LEXICON["non-DL"])).toContain("nondl.platform");
  });

  it("reads HTML-escaped ampersands as text, not as AMP", () => {
    expect(ids("Tom &amp; Jerry", TYPE_LEXICON.Training)).not.toContain("training.amp");
    expect(ids("NaN loss with AMP and loss scaling", TYPE_LEXICON.Training)).toContain("training.amp");
  });

  it("names a third-party library mentioned in words but not in an import line", () => {
    const lib = CAUSE_LEXICON["third-party-library"];
    expect(ids("import numpy as np", lib)).not.toContain("cause.lib.libName");
    expect(ids("Cannot mix a numpy scalar and an ndarray", lib)).toContain("cause.lib.libName");
  });

  it("recognises what a failed build prints", () => {
    expect(ids("src/op.cu:12: fatal error: cudnn.h: No such file or directory", CAUSE_LEXICON["build-install"])).toContain(
      "cause.build.buildError",
    );
  });
});

describe("build evidence is what builds print or take, not the reporter's variable names", () => {
  const all: LexiconTerm[] = [...Object.values(TYPE_LEXICON).flat(), ...Object.values(CAUSE_LEXICON).flat()];
  const ids = (text: string, list: LexiconTerm[]): string[] => matchTerms(text, list).map((h) => h.id);
  const buildIds = ["gpu.build", "gpu.buildFlag", "cause.build.build", "cause.build.flag", "cause.build.compiler", "nondl.build"];

  it("does not count a script's use_cuda / use_cudnn flag as GPU or build evidence", () => {
    const found = ids("out = model(x, use_cuda=True)\nuse_cudnn = False\nuse_nccl=False", all);
    expect(found.filter((id) => buildIds.includes(id) || id.startsWith("gpu."))).toEqual([]);
    expect(causesOf("Wrong output", "```python\nout = model(x, use_cuda=True)\nuse_cudnn = False\n```")).not.toContain("build-install");
  });

  it("still counts capitalised build flags, nvcc, CUDA architectures and CUDA wheel tags", () => {
    expect(ids("make -j8 USE_CUDA=1 USE_CUDNN=1", all)).toEqual(expect.arrayContaining(["gpu.buildFlag", "cause.build.flag"]));
    expect(ids("cmake -DUSE_CUDA=ON ..", all)).toEqual(expect.arrayContaining(["gpu.buildFlag", "cause.build.flag"]));
    expect(ids("nvcc fails for sm_86", all)).toContain("gpu.build");
    expect(ids("pip install mxnet-cu110", all)).toEqual(expect.arrayContaining(["gpu.build", "cause.gpu.cudaVersion"]));
  });

  it("reads no library version in the tail of another package's name", () => {
    expect(ids("msgpack-numpy==0.4.3.1", all)).not.toContain("cause.lib.libVersion");
    expect(ids("numpy==1.19.2", all)).toContain("cause.lib.libVersion");
  });

    it("reads a CUDA version, not a device string, as CUDA", () => {
    expect(ids("Built with CUDA 10.1; CUDA:11.0 too; cuda=10.2", all).filter((id) => id === "cause.gpu.cudaVersion")).toEqual(["cause.gpu.cudaVersion"]);
    expect(matchTerms("Built with CUDA 10.1", all).find((h) => h.id === "cause.gpu.cudaVersion")?.sample).toBe("CUDA 10.1");
    expect(ids("Expected all tensors to be on the same device, but found cuda:0 and cpu; x.to('cuda:1')", all)).not.toContain("cause.gpu.cudaVersion");
  });

  it("does not take a print() or log() call for a logging problem, but the words still count", () => {
    expect(ids("```python\nprint(x.shape)\ny = torch.log(p)\n```", TYPE_LEXICON["non-DL"])).not.toContain("nondl.logging");
    expect(ids("It prints nothing and the logs are empty", TYPE_LEXICON["non-DL"])).toContain("nondl.logging");
  });

  it("counts logging words followed by a bracket in prose", () => {
    const nonDl = TYPE_LEXICON["non-DL"];
    expect(ids("Full output in the logs (attached).", nonDl)).toContain("nondl.logging");
    expect(ids("It shows two warnings (see below).", nonDl)).toContain("nondl.logging");
  });

  it("reads a make variable as a build flag only in capitals, as the other flags", () => {
    const build = CAUSE_LEXICON["build-install"];
    expect(ids("then run make use_cuda=1 and it works", build)).toEqual([]);
    expect(ids("make DEBUG=1", build)).toContain("cause.build.flag");
    expect(ids("make -j8", build)).toContain("cause.build.build");
  });
});

describe("a traceback is not a file problem", () => {
  const ids = (text: string, list: LexiconTerm[]): string[] => matchTerms(text, list).map((h) => h.id);

  it("does not read the File header of a Python traceback frame as an io term", () => {
    const trace = 'Traceback (most recent call last):\n  File "train.py", line 3, in <module>\n    main()\nValueError: bad';
    expect(ids(trace, TYPE_LEXICON["non-DL"])).not.toContain("nondl.io");
  });

  it("still reads files named in prose", () => {
    expect(ids('The file "weights.params" cannot be found', TYPE_LEXICON["non-DL"])).toContain("nondl.io");
    expect(ids("Saving to a file fails", TYPE_LEXICON["non-DL"])).toContain("nondl.io");
  });
});

describe("isNamedCause", () => {
  const signalOf = (title: string, body: string) => {
    const prepared = prepareIssue({ title, body });
    return { prepared, signal: detectCauses(prepared, extractEnvironment(prepared.all)).find((c) => c.cause === "pretrained-model") };
  };

  it("does not name a pretrained model when the report only writes a weights file", () => {
    const { prepared, signal } = signalOf(
      "to_onnx fails on GPU",
      "Exporting to ONNX fails with onnx 1.7.0 and torch 1.6.0.\n\n```\nfilepath = 'model.onnx'\nmodel.to_onnx(filepath, export_params=True)\n```\n\n" +
        "```\nRuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!\n```\nThe exported model.onnx is empty.",
    );
    expect(signal).toBeDefined(); // the rule still fires, and weighs in the model as trained
    expect(isNamedCause(signal!, prepared.all)).toBe(false);
    const c = classifyIssue({ title: prepared.title, body: prepared.body });
    expect(c.extrinsic.causes.map((x) => x.label)).not.toContain("pretrained-model");
    expect(c.missingFacts.join(" ")).not.toContain("pretrained weights");
  });

  it("names it when the report loads the file, or speaks of pretrained weights", () => {
    const loads = signalOf("Wrong predictions", "net.load_parameters('resnet-0000.params')\nthe outputs are all zero");
    expect(isNamedCause(loads.signal!, loads.prepared.all)).toBe(true);
    const said = signalOf("Wrong predictions with the pretrained resnet", "outputs differ from the paper's");
    expect(isNamedCause(said.signal!, said.prepared.all)).toBe(true);
    // The file's extension first, then the weights spoken of: the hit keeps only its first match, `.onnx`.
    const both = signalOf("Export differs", "I export to model.onnx; the weights file from the release gives other outputs");
    expect(isNamedCause(both.signal!, both.prepared.all)).toBe(true);
    // A Keras file written, then a frozen graph loaded: read, as before the extensions were shared with the lexicon.
    const frozen = signalOf("Wrong predictions", "I saved model.h5 and froze it; graph = load_graph('frozen.pb') predicts zeros");
    expect(isNamedCause(frozen.signal!, frozen.prepared.all)).toBe(true);
  });
});

describe("measurements after a library's name", () => {
  it("are no release to quote as a cause's evidence, though the rule still counts them", () => {
    const issue = prepareIssue({ title: "accuracy differs", body: "## accuracy from sklearn 0.4986\n## accuracy from pl 0.5012" });
    const lib = detectCauses(issue, { frameworks: {} }).find((c) => c.cause === "third-party-library")!;
    expect(lib.hits.length).toBeGreaterThan(0);
    expect(lib.evidence.join("; ")).not.toContain("0.4986");
  });
});

describe("weights files", () => {
  it("are files with a weights extension, not methods of the same name", () => {
    const hits = (t: string) => matchTerms(t, CAUSE_LEXICON["pretrained-model"]).map((h) => h.sample);
    expect(hits("optimizer = SGD(self.head_1.params(), lr=0.1)")).toEqual([]);
    expect(hits("net.load_parameters('model-0000.params')")).toEqual([".params"]);
    // The last part of a dotted module path is no file: allennlp logs every setting from `allennlp.common.params`.
    expect(hits("2020-06-05 15:04:14,980 - INFO - allennlp.common.params - trainer.num_epochs = 3")).toEqual([]);
    expect(hits("saved to ./checkpoints/model.pth")).toEqual([".pth"]);
    // A placeholder stands for the reader's own file (ludwig#493's `<path_to_bert_model.ckpt>`).
    expect(hits("set pretrained_model: <path_to_bert_model.ckpt> in the config")).toEqual([]);
  });
});

describe("a type checker's report", () => {
  it("is no library incompatibility (pytorch/ignite#1446's mypy errors)", () => {
    const mypy = "ignite/distributed/comp_models/native.py:334: error: Incompatible types in assignment (expression has type \"int\", variable has type \"str\")\nArgument 1 to \"f\" has incompatible type \"int\"";
    expect(causesOf("Fix mypy issue", mypy)).not.toContain("third-party-library");
    expect(causesOf("Crash", "The checkpoint is incompatible with torch 1.6")).toContain("third-party-library");
    // Nor is a tensor's incompatible shape (tensorflow/addons#639).
    expect(causesOf("Time distributed WeightNormalization result in incompatible shape", "Incompatible shapes: [4,10] vs. [4,5]")).not.toContain("third-party-library");
    expect(causesOf("Wrapper fails", "ValueError: Input 0 is incompatible with layer weight_normalization: expected shape=(None, 4)")).not.toContain("third-party-library");
  });
});

describe("a system package manager that fails", () => {
  it("is a build or install cause (apache/mxnet#18042's apt-get against a mirror with a bad signature)", () => {
    const apt = "W: GPG error: https://cloud.r-project.org/bin/linux/ubuntu xenial-cran35/ InRelease: BADSIG 51716619E084DAB9\nE: Unable to fetch some archives";
    expect(causesOf("CI docker build fails", apt)).toContain("build-install");
  });
});

describe("a test or build tool's release", () => {
  it("is a third-party library version like a numerical library's (gluon-nlp#727's 'current pytest 4.5')", () => {
    expect(causesOf("Tests fail", "Tests are failing with current pytest 4.5, while pytest < 4 is specified")).toContain("third-party-library");
    expect(causesOf("Docs", "you must have Sphinx 1.5.6 just like CI")).toContain("third-party-library");
  });
});

describe("an update that is a release", () => {
  const upgraded = (t: string) => matchTerms(t, CAUSE_LEXICON["third-party-library"]).filter((h) => h.id === "cause.lib.upgraded").map((h) => h.sample);

  it("is updated or upgraded to a version, a library's version or the latest, not to a new way of doing things", () => {
    expect(upgraded("It broke after I updated to 2.0")).toEqual(["updated to 2"]);
    expect(upgraded("since we upgraded to torch 1.7 it hangs")).toEqual(["upgraded to torch 1"]);
    expect(upgraded("fails once updated to the latest release")).toEqual(["updated to the latest"]);
    expect(upgraded("the example should be updated to use type: text (ludwig#493)")).toEqual([]);
  });
});

describe("the project's own names", () => {
  const analysed = (ownNames: string[]) =>
    analyseIssue(prepareIssue({ title: "Horovod 0.19.0 hangs in allreduce", body: "After upgrading horovod the job hangs; `import horovod.torch as hvd` then hvd.allreduce(x)." }), ownNames);

  it("are no third-party library or DL term in the project's own tracker", () => {
    const elsewhere = analysed([]);
    expect(elsewhere.causes.map((c) => c.cause)).toContain("third-party-library");
    const own = analysed(["horovod"]);
    expect(own.causes.flatMap((c) => c.hits.map((h) => h.sample.toLowerCase())).filter((sample) => sample.includes("horovod"))).toEqual([]);
    expect([...own.lexiconHits.values()].map((h) => h.sample.toLowerCase()).filter((sample) => sample.includes("horovod"))).toEqual([]);
    // Other words still count: all-reduce is a GPU/distributed term whatever the project.
    expect([...own.lexiconHits.values()].map((h) => h.sample.toLowerCase())).toContain("allreduce");
  });

  it("never show the mask: evidence and quotes name the project, and its own releases are no outside version change", () => {
    const issue = { title: "allreduce regression", body: "It works with horovod 0.19.0 but breaks with horovod 0.20.0.\nCUDA error: horovod crashed in allreduce on 4 GPUs." };
    const classification = classifyIssue(issue, undefined, { ownNames: ["horovod"] });
    expect(JSON.stringify(classification)).not.toContain("ownproject");
    const analysis = analyseIssue(prepareIssue(issue), ["horovod"]);
    expect(JSON.stringify([...analysis.lexiconHits.values(), ...analysis.causes])).not.toContain("ownproject");
    expect(analysis.causes.flatMap((c) => c.hits.map((h) => h.id))).not.toContain("cause.lib.mismatch");
    expect(analysis.causes.flatMap((c) => c.hits.map((h) => h.sample))).toContain("CUDA error: horovod crashed in allreduce on 4 GPUs.");
  });

  it("write a quote's masked name back as the report wrote it, when the project has two names (package and repository)", () => {
    const classification = classifyIssue({ title: "dnn module crashes", body: "CUDA error: OpenCV crashed in the dnn module on 4 GPUs." }, undefined, { ownNames: ["cv2", "opencv"] });
    const quoted = JSON.stringify(classification.extrinsic.evidence);
    expect(quoted).toContain("OpenCV crashed");
    expect(quoted).not.toContain("cv2 crashed");
  });

  it("do not mask another project's package that starts with the name (`tensorflow-addons` in TensorFlow's tracker)", () => {
    const issue = prepareIssue({ title: "crash", body: "It works with tensorflow-addons 0.11.2 but breaks with tensorflow-addons 0.12.0." });
    expect(analyseIssue(issue, ["tensorflow"]).causes.map((c) => c.cause)).toContain("third-party-library");
  });

  it("mask the project's own releases named with a hyphen (horovod/horovod#1963's `dist/horovod-*.tar.gz`, `horovod-0.20.0`)", () => {
    const issue = prepareIssue({ title: "install fails", body: "pip install dist/horovod-*.tar.gz fails, while pip install horovod-0.20.0 from PyPI works." });
    const libraryWords = (ownNames: string[]) => analyseIssue(issue, ownNames).causes.flatMap((c) => c.hits.map((h) => h.sample.toLowerCase())).filter((s) => s.includes("horovod"));
    expect(libraryWords([])).not.toEqual([]);
    expect(libraryWords(["horovod"])).toEqual([]);
  });

  it("leave what the issue states about the project's release to the environment reader", () => {
    expect(analysed(["horovod"]).environment.frameworks).toEqual(analysed([]).environment.frameworks);
  });
});

