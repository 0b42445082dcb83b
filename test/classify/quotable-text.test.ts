import { describe, expect, it } from "@jest/globals";
import { quotableText } from "../../src/classify/quotable-text.js";
import { classifyIssue } from "../../src/classify/index.js";

describe("quotableText (what classification evidence may quote)", () => {
  it("drops native backtrace frames and filesystem paths, keeps the error and the prose", () => {
    const text =
      "np.sum gives a wrong shape on my machine\n" +
      "mxnet.base.MXNetError: [05:10:11] src/operator/numpy/np_reduce.h:103: Check failed: shape size mismatch\n" +
      "Stack trace:\n  [bt] (0) /home/ubuntu/mxnet/lib/libmxnet.so(+0x1d2f) [0x7f]\n" +
      'It is loaded from /home/ubuntu/.local/lib/python3.6/site-packages/mxnet/base.py and "C:\\Users\\me\\x.py".\n';
    const quoted = quotableText(text);
    expect(quoted).toContain("Check failed: shape size mismatch");
    expect(quoted).toContain("np.sum gives a wrong shape on my machine");
    expect(quoted).not.toMatch(/libmxnet|ubuntu|Users/);
    // Written as inline code, or in a list, still a path.
    expect(quotableText("installed in `/home/ubuntu/.local/lib/mxnet` and [/opt/cuda/lib64,/opt/cuda/bin]")).not.toMatch(/ubuntu|cuda/);
    // A URL's words are its target's, not the report's: a model file's date is no version stated.
    expect(quotableText("see https://github.com/o/r/issues/1")).toBe("see  ");
    expect(quotableText('Predictor.from_path("https://storage.googleapis.com/models/coref-spanbert-large-2020.02.27.tar.gz")')).not.toContain("2020.02.27");
  });

  it("drops commented-out code and configuration (allennlp/allennlp#4646), keeps comments in words and headings", () => {
    const config = "elmo: {\n  //    weight_file: \"models/elmo_weights.hdf5\",\n  // \"grad_norm\": 10.0,\n  type: 'bidirectional_lm_token_embedder',\n}";
    expect(quotableText(config)).not.toMatch(/hdf5|grad_norm/);
    expect(quotableText(config)).toContain("bidirectional_lm_token_embedder");
    expect(quotableText("#model.cuda()\n# x = torch.load(p)\nrun()")).not.toMatch(/cuda|torch\.load/);
    expect(quotableText("// Error: WebGL backend is not supported\n// TODO: cudnn fails here\n# NCCL_DEBUG=INFO python train.py")).toMatch(
      /WebGL backend[\s\S]*cudnn fails[\s\S]*NCCL_DEBUG/,
    );
    expect(quotableText("// this throws on WebGL\n# the CUDA call fails\n# Environment\n## Bug (GPU)")).toMatch(
      /WebGL[\s\S]*CUDA call fails[\s\S]*# Environment[\s\S]*Bug \(GPU\)/,
    );
  });

  it("drops the answers under an environment heading up to the next heading, keeps a sentence there (apache/mxnet#13862)", () => {
    const text = "Wrong result.\n\n## Environment info (Required)\n\nmacOs\nmxnet-cu90==1.2.0\nIt only fails on the GPU build.\n\n## Minimum reproducible example\n\nx = mx.nd.array([1])";
    const quoted = quotableText(text);
    expect(quoted).not.toMatch(/macOs|cu90/);
    expect(quoted).toContain("It only fails on the GPU build.");
    expect(quoted).toContain("x = mx.nd.array([1])");
    // Under another heading, the same words are the reporter's.
    expect(quotableText("## Description\nmacOs only")).toContain("macOs only");
    expect(quotableText("**Environment**\nUbuntu 18.04, CUDA 10.1\n**Steps**\nrun it")).not.toContain("CUDA");
    // The answers end at a blank line: what follows is the reporter's again, and an error line is always kept.
    const noNextHeading = "## Environment\n- PyTorch Version: 1.6.0\n- GPU: RTX 2080\n\nIt only happens with cudnn.benchmark on\nRuntimeError: CUDNN_STATUS_EXECUTION_FAILED";
    expect(quotableText(noNextHeading)).toMatch(/cudnn\.benchmark[\s\S]*CUDNN_STATUS_EXECUTION_FAILED/);
    expect(quotableText("## Environment\nmacOs\nRuntimeError: CUDA error")).toContain("CUDA error");
    // Only a heading that is the environment's: a title about a version is the reporter's words.
    expect(quotableText("## Regression since version 1.6\nAfter upgrading the nvidia driver the loss is NaN")).toContain("nvidia driver");
    // A comment in a code block is no heading.
    expect(quotableText("```python\n# create the environment\nenv = make()\nmodel = model.cuda()  # cudnn error here\n```")).toContain("cudnn error here");
  });

  it("drops the informational lines of a C++ log, keeps its warnings and errors (horovod/horovod#1963)", () => {
    const log = [
      "2020-05-28 12:00:00.123456: I tensorflow/stream_executor/platform/default/dso_loader.cc:48] Successfully opened dynamic library libcudart.so.11.0",
      "I0528 12:00:00.123 1234 engine.cc:55] Using CUDA 11.0",
      "2020-05-28 12:00:01.5: W tensorflow/core/common_runtime/bfc_allocator.cc:431] Allocator ran out of memory",
      "It hangs after this.",
    ].join("\n");
    const quoted = quotableText(log);
    expect(quoted).not.toMatch(/libcudart|Using CUDA/);
    expect(quoted).toContain("Allocator ran out of memory");
    expect(quoted).toContain("It hangs after this.");
  });

  it("drops a list of the packages a script uses (kornia/kornia#642), keeps a single library and a list blamed by version", () => {
    const quoted = quotableText("Just clone it and run it (it uses kornia, numpy, matplotlib, imageio and h5py modules). It fails.");
    expect(quoted).not.toContain("numpy");
    expect(quoted).toContain("It fails.");
    // Two known packages after "installed", "uses"...: an inventory without a word after it.
    expect(quotableText("I installed torch, numpy and opencv yesterday")).not.toMatch(/numpy|opencv/);
    // A list the report blames stays.
    expect(quotableText("It segfaults when protobuf, onnx and tensorrt are installed together")).toContain("protobuf");
    expect(quotableText("It is incompatible with numpy, scipy and pandas")).toContain("numpy");
    // Not a list of packages: the items are no known packages and no "modules" follows.
    expect(quotableText("the shape, dtype and device differ")).toContain("shape, dtype and device");
    // A library named alone, and a list blamed by its versions, stay.
    expect(quotableText("This breaks with numpy 1.20")).toContain("numpy");
    expect(quotableText("numpy, scipy and pandas versions clash")).toContain("numpy");
  });

  it("drops the code lines Python prints under traceback frames, keeps the exception and the reporter's code", () => {
    const text = [
      "Training hangs with two processes:",
      "```python",
      "dist.init_process_group(backend='gloo')",
      "```",
      "Traceback (most recent call last):",
      '  File "/opt/conda/lib/python3.8/site-packages/ignite/distributed/utils.py", line 33, in _backends',
      "    for name in [dist.Backend.NCCL, dist.Backend.GLOO]:",
      '  File "train.py", line 5, in <module>',
      "    run()",
      "AttributeError: type object 'Backend' has no attribute 'NCCL'",
    ].join("\n");
    const quoted = quotableText(text);
    expect(quoted).not.toContain("dist.Backend.NCCL, dist.Backend.GLOO");
    expect(quoted).not.toMatch(/^\s+run\(\)$/m);
    expect(quoted).toContain("AttributeError: type object 'Backend' has no attribute 'NCCL'");
    expect(quoted).toContain("dist.init_process_group(backend='gloo')");
    expect(quoted).toContain("line 33, in _backends");
    // The same with the paths in curly quotes, as a word processor writes them.
    expect(quotableText(text.replace(/File "([^"]+)"/g, "File “$1”"))).not.toContain("dist.Backend.NCCL, dist.Backend.GLOO");
  });

  it("drops IPython's frame headers and numbered source lines, keeps the exception", () => {
    const text = [
      "Training fails in the notebook:",
      "InvalidArgumentError                      Traceback (most recent call last)",
      "~/anaconda3/lib/python3.7/site-packages/tensorflow/python/client/session.py in _do_call(self, fn, *args)",
      "1333     try:",
      "-> 1334       return fn(*args, compiler=compiler)",
      "1335     except errors.OpError as e:",
      "1320",
      "InvalidArgumentError: Paddings must be non-negative: 0 -1",
    ].join("\n");
    const quoted = quotableText(text);
    expect(quoted).not.toMatch(/compiler|_do_call|OpError|1320/);
    expect(quoted).toContain("InvalidArgumentError: Paddings must be non-negative: 0 -1");
    // A Cython module's frame header is a frame too (ludwig-ai/ludwig#1040: no "mentions `pandas`").
    expect(quotableText("Mapping fails:\npandas/_libs/lib.pyx in pandas._libs.lib.map_infer()\nTypeError: bad")).not.toContain("pandas");
    expect(quoted).toContain("Training fails in the notebook:");
    // A plain traceback whose indentation the paste lost: the line under each header is still the frame's code.
    const flat = ['File "/lib/IPython/core/interactiveshell.py", line 3020, in run_cell_async', "interactivity=interactivity, compiler=compiler, result=result)", 'File "<string>", line 1', "ValueError: bad value", "It fails with the compiler flags."].join("\n");
    expect(quotableText(flat)).not.toContain("compiler=compiler");
    expect(quotableText(flat)).toContain("ValueError: bad value");
    expect(quotableText(flat)).toContain("It fails with the compiler flags.");
  });

  it("keeps an exception line that follows a frame printed without its source, in pip's indented output", () => {
    const pip = ['    Traceback (most recent call last):', '      File "<string>", line 1, in <module>', "    ModuleNotFoundError: No module named 'torch'"].join("\n");
    expect(quotableText(pip)).toContain("ModuleNotFoundError: No module named 'torch'");
    const cython = ['  File "mtrand.pyx", line 4, in init', "    ValueError: CUDA driver version is insufficient"].join("\n");
    expect(quotableText(cython)).toContain("ValueError: CUDA driver version is insufficient");
  });

  it("drops environment lines, dumps and template questions, not the report's own key: value lines", () => {
    const text = [
      "- OS Platform and Distribution: Ubuntu 18.04",
      "- GPU models and configuration: GeForce GTX 1080",
      "[pip3] numpy==1.19.1",
      "Compiler (gcc/clang/mingw/visual studio):",
      "g++",
      "",
      "Architecture:        x86_64",
      "CPU(s):              72",
      "NUMA node0 CPU(s):   0-17",
      "",
      "----------System Info----------",
      "('Platform     :', 'Linux-4.4.0-1062-aws-x86_64-with-debian-stretch-sid')",
      "```",
      "RuntimeError: CUDA error: device-side assert triggered",
      "Expected: the loss goes down",
      "Actual: it is nan after the upgrade to numpy 1.20",
      "Steps: run train.py",
    ].join("\n");
    const quoted = quotableText(text);
    // The answer to a build question ("g++" under "Compiler (...):") stays: a build cause quotes it.
    for (const gone of ["Ubuntu", "GeForce", "numpy==1.19.1", "visual studio", "x86_64", "node0", "debian"]) expect(quoted).not.toContain(gone);
    for (const kept of ["g++", "CUDA error: device-side assert triggered", "Expected: the loss goes down", "numpy 1.20", "Steps: run train.py"]) {
      expect(quoted).toContain(kept);
    }
  });

  it("ends a diagnose.py dump pasted without a code block at the next heading or blank line: the report goes on", () => {
    const text = [
      "## Environment info (Required)",
      "----------Python Info----------",
      "Version      : 3.6.4",
      "----------System Info----------",
      "Platform     : Linux-3.10.0-x86_64-with-centos-7.4.1708-Core",
      "## Error Message:",
      "Type inconsistent with the driver, Provided = float32, inferred type = int8",
      "----------Hardware Info----------",
      "Architecture: x86_64",
      "",
      "It only happens with the cudnn backend.",
    ].join("\n");
    const quoted = quotableText(text);
    for (const gone of ["3.6.4", "centos", "x86_64"]) expect(quoted).not.toContain(gone);
    for (const kept of ["Type inconsistent with the driver", "It only happens with the cudnn backend."]) expect(quoted).toContain(kept);
  });

  it("keeps the project's own library and the reporter's home folder out of the cause's evidence", () => {
    const body =
      "```\nmxnet.base.MXNetError: [05:10:11] src/operator/tensor/./broadcast_reduce_op.h:103: Check failed: shape size mismatch\n" +
      "Stack trace:\n  [bt] (0) /home/ubuntu/mxnet/lib/libmxnet.so(+0x1d2f) [0x7f0]\n  [bt] (1) /home/ubuntu/mxnet/lib/libmxnet.so(+0x2e3f) [0x7f1]\n```\n" +
      "- OS: Ubuntu 18.04\n";
    const result = classifyIssue({ title: "np.random.choice returns a wrong shape", body });
    const said = [...result.extrinsic.evidence, ...result.extrinsic.causes.flatMap((c) => c.evidence)].join("; ");
    expect(said).not.toMatch(/mentions `libmxnet\.so`|mentions `[Uu]buntu`/);
  });

  it("drops collect_env's nested layout: package keys, `_version` keys and a key's list of values below it", () => {
    const dump = [
      "* CUDA:",
      "\t- GPU:",
      "\t\t- GeForce RTX 2080 Ti",
      "\t- available:         True",
      "\t- version:           10.1",
      "* Packages:",
      "\t- numpy:             1.18.1",
      "\t- pyTorch_version:   1.5.0",
      "\t- tqdm:              4.47.0",
      "",
      "The datamodule hooks run in the wrong order.",
      "Expected: prepare_data first",
      "- note: the trainer calls setup twice",
    ].join("\n");
    const quoted = quotableText(dump);
    for (const gone of ["GeForce", "numpy", "pyTorch_version", "tqdm", "10.1"]) expect(quoted).not.toContain(gone);
    for (const kept of ["The datamodule hooks run in the wrong order.", "Expected: prepare_data first", "- note: the trainer calls setup twice"]) {
      expect(quoted).toContain(kept);
    }
  });

  it("drops a pasted JSON configuration (three key lines or more), not a dict of two keys or the prose around it", () => {
    const config = ['"trainer": {', '    "num_epochs": 10,', '    "optimizer": {', '      "type": "huggingface_adamw",', '      "lr": 2e-5,', "    }", "  }", "}"].join("\n");
    const quoted = quotableText(`The model fails to load after training.\n${config}\nPredictor.from_path raises ConfigurationError.`);
    expect(quoted).not.toContain("lr");
    expect(quoted).not.toContain("num_epochs");
    expect(quoted).toContain("The model fails to load after training.");
    expect(quoted).toContain("Predictor.from_path raises ConfigurationError.");
    expect(quotableText('{\n  "lr": 0.1,\n  "momentum": 0.9\n}')).toContain('"lr": 0.1');
  });

  it("drops a pasted pip freeze (three lines or more), not a single pinned version in the prose", () => {
    const freeze = ["Cython==0.29.14", "", "msgpack-numpy==0.4.3.1", "-e git+https://github.com/o/r.git@902d36a#egg=r", "torch @ file:///tmp/torch.whl", "h5py==2.10.0"].join("\n");
    const quoted = quotableText(`UnboundLocalError in the trainer\n${freeze}\nIt fails after the first epoch.`);
    expect(quoted).not.toMatch(/Cython|msgpack|h5py|egg=|torch @/);
    expect(quoted).toContain("It fails after the first epoch.");
    expect(quotableText("It broke when I upgraded to\nnumpy==1.20.0\nyesterday.")).toContain("numpy==1.20.0");
    // `conda list` prints columns: name, version, build, channel.
    const conda = ["cudatoolkit               9.2                           0", "cython                    0.29.21          py37h3340039_0", "ninja                     1.10.1               hc9558a2_1    conda-forge"].join("\n");
    const listed = quotableText(`The trainer crashes.\n${conda}\nIt fails with python 3.7 on ubuntu.`);
    expect(listed).not.toMatch(/cudatoolkit|cython|ninja/);
    expect(listed).toContain("It fails with python 3.7 on ubuntu.");
  });

    it("drops the title's component tag and relative paths, not dotted names", () => {
    const text = ["[Numpy] np.einsum fails", "", "See windows_package\\python\\mxnet\\base.py and src/operator/nn/conv.cc, via tf.keras/layers."].join("\n");
    const quoted = quotableText(text);
    expect(quoted.startsWith("np.einsum fails")).toBe(true);
    expect(quoted).not.toMatch(/windows|operator/);
    expect(quoted).toContain("tf.keras/layers");
  });

  it("drops the values under an environment key in a converted body that lost its indents", () => {
    const text = ["### Environment", "", "GPU:", "", "GeForce RTX 2080 Ti", "GeForce RTX 2080 Ti", "", "available: True", "", "The hooks run in the wrong order."].join("\n");
    const quoted = quotableText(text);
    expect(quoted).not.toContain("GeForce");
    expect(quoted).toContain("The hooks run in the wrong order.");
    // A key whose answer is the reporter's sentence under a heading that is no environment key stays.
    expect(quotableText(["Steps:", "", "Train on 2 GPUs with DDP."].join("\n"))).toContain("Train on 2 GPUs with DDP.");
  });
  it("keeps what follows a line of code, an error line and the reporter's sentences, not only a template's values", () => {
    // A line of code ending in a colon is no template question: its body and the error under it are the report's.
    const code = ["with tf.device(raw_devices[idx]):", "IndexError: list index out of range", "", "if torch.cuda.is_available():", "model = model.cuda()"];
    const quotedCode = quotableText(code.join("\n"));
    expect(quotedCode).toContain("IndexError: list index out of range");
    expect(quotedCode).toContain("model = model.cuda()");
    // A template's question left unanswered, then the reporter's paragraph; a sentence answering it.
    const unanswered = ["- CUDA/cuDNN version:", "", "The crash happens in conv on cudnn."].join("\n");
    expect(quotableText(unanswered)).toContain("The crash happens in conv on cudnn.");
    const answered = ["Ray version and other system information (Python version, TensorFlow version, OS):", "This currently breaks on most setups."].join("\n");
    expect(quotableText(answered)).toContain("This currently breaks on most setups.");
    // A value still goes with its key.
    expect(quotableText(["OS:", "", "Ubuntu 18.04", "", "The loss explodes."].join("\n"))).not.toContain("Ubuntu");
  });

  it("reads a deeply indented body in linear time", () => {
    const staircase = Array.from({ length: 1400 }, (_, i) => `${" ".repeat(i)}- GPU:`).join("\n");
    const start = performance.now();
    quotableText(staircase);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe("quotableText and the environment", () => {
  it("drops a collect_env dump and the answers under an environment heading, and keeps the reporter's code and error", () => {
    const body = [
      "Checkpoint is not saved when monitoring val_loss.",
      "",
      "```python",
      "trainer = Trainer(gpus=2)",
      "if self.distributed_backend.lower() not in ['ddp_spawn', 'ddp_cpu', 'tpu']:",
      "    trainer.fit(model)",
      "```",
      "",
      "## Environment",
      "* CUDA:",
      "    - GPU:",
      "        - GeForce GTX TITAN X",
      "    - available:         True",
      "    - version:           10.1",
      "* Packages:",
      "    - numpy:             1.18.1",
      "    - pytorch-lightning: 0.7.5",
      "",
      "RuntimeError: checkpoint callback failed",
    ].join("\n");
    const kept = quotableText(body);
    for (const line of ["trainer = Trainer(gpus=2)", "'ddp_cpu', 'tpu']:", "    trainer.fit(model)", "RuntimeError: checkpoint callback failed", "Checkpoint is not saved"]) expect(kept).toContain(line);
    for (const gone of ["GeForce GTX TITAN X", "10.1", "numpy", "0.7.5"]) expect(kept).not.toContain(gone);
  });

  it("keeps a sentence that leads into code, a linker's error and C++ frames, which end in a colon or hold one", () => {
    const body = [
      "I installed Autokeras 0.2.19 and tried to run the example below:",
      "import autokeras as ak",
      "clf = ak.ImageClassifier()",
      "",
      "build/src/engine/naive_engine.o: In function `NaiveEngine': naive_engine.cc: undefined reference to `cudnnDestroy'",
      "tensorflow::CurrentStackTrace()",
      "Python version: 3.6",
    ].join("\n");
    const kept = quotableText(body);
    expect(kept).toContain("import autokeras as ak");
    expect(kept).toContain("undefined reference to `cudnnDestroy'");
    expect(kept).toContain("tensorflow::CurrentStackTrace()");
    expect(kept).not.toContain("Python version");
    // Short keys of the environment stay keys: a pronoun before them, or a dotted attribute.
    const env = quotableText("My GPU: GeForce GTX 1080\ntorch.version.cuda: 10.1\nThe loss explodes.");
    expect(env).not.toContain("GeForce");
    expect(env).not.toContain("10.1");
  });
});
