import { beforeAll, describe, expect, it } from "@jest/globals";
import { classifyIssue, describeEnvironment } from "../../src/classify/index.js";
import { analyseIssue } from "../../src/classify/features.js";
import { prepareIssue } from "../../src/classify/text.js";
import type { ClassifierModel } from "../../src/classify/model.js";
import { analyseAll, trainClassifier } from "../../src/classify/train.js";
import { BUG_TYPES, type BugType } from "../../src/types.js";
import { inventedIssues } from "./fixtures.js";

// A model trained on the invented fixtures only: these tests check the method end to end, not the shipped weights.
let model: ClassifierModel;
beforeAll(() => {
  model = trainClassifier(analyseAll(inventedIssues()));
});

const NEW_ISSUES: Array<[BugType, string, string]> = [
  ["Model", "Embedding layer ignores the hidden size argument", "The model architecture builds the embedding layer and the dense layer with the wrong number of units."],
  ["Tensor & Input", "Broadcasting error: shape mismatch between (2, 3) and (3, 2)", "Expected a tensor of shape (2, 3) but got (3, 2); reshape and transpose of the input tensor give a size mismatch."],
  ["Training", "Loss is NaN after the first epoch with a high learning rate", "The training loss diverges to nan; the optimizer and gradient clipping do not help, accuracy stays at zero."],
  ["GPU", "CUDA error: out of memory on two GPUs", "With CUDA 11.2 and cuDNN 8.1 on GeForce GTX 1080 GPUs the device runs out of memory (OOM) at the first step."],
  ["API", "AttributeError: module has no attribute 'experimental' after upgrade to version 3.1", "The function was deprecated and removed; the new API signature raises unexpected keyword argument."],
  ["non-DL", "Install script fails when the path contains spaces", "The CLI command line tool cannot find the config file: No such file or directory. The docs link is 404."],
];

describe("classifyIssue", () => {
  it.each(NEW_ISSUES)("labels an invented %s bug with that type", (type, title, body) => {
    const c = classifyIssue({ title, body }, model);
    expect(c.bugType.label).toBe(type);
  });

  it("returns probabilities over the six classes that sum to 1, the label being the most probable", () => {
    const c = classifyIssue({ title: NEW_ISSUES[0]![1], body: NEW_ISSUES[0]![2] }, model);
    const probs = BUG_TYPES.map((t) => c.bugType.probabilities[t]!);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(Math.max(...probs)).toBeCloseTo(c.bugType.confidence, 4);
    expect(c.bugType.confidence).toBeGreaterThan(0);
    expect(c.bugType.confidence).toBeLessThanOrEqual(1);
  });

  it("gives each label evidence from the text", () => {
    const c = classifyIssue({ title: "CUDA error: device-side assert triggered", body: "On 2 GPUs with CUDA 11.0, cuDNN 8.0 and torch==1.7.0." }, model);
    expect(c.bugType.label).toBe("GPU");
    expect(c.bugType.evidence.length).toBeGreaterThan(0);
    expect(c.bugType.evidence.join(" ").toLowerCase()).toMatch(/cuda|gpu|device/);
    expect(c.extrinsic.label).toBe("extrinsic");
    // The version as written, whole: "torch==1.7", cut at the minor version, would misquote the report.
    expect(c.extrinsic.evidence.join(" ")).toContain("`torch==1.7.0`");
    expect(c.extrinsic.causes[0]!.label).toBe("gpu-driver-cuda");
    expect(c.environment.frameworks.torch).toBe("1.7.0");
    expect(c.modelVersion).toBe(model.modelVersion);
  });

  it("explains a type label only with lexicon shares of that same type", () => {
    let checked = 0;
    for (const [, title, body] of NEW_ISSUES) {
      const c = classifyIssue({ title, body }, model);
      for (const line of c.bugType.evidence) {
        const named = /\bare (?:mostly )?(.+) terms$/.exec(line)?.[1];
        if (named) {
          checked++;
          expect(named).toBe(c.bugType.label);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("leaves out another type's lexicon share even when its weight pushed the label", () => {
    // A doctored model in which "the title is mostly Model terms" votes for Training.
    const doctored: ClassifierModel = JSON.parse(JSON.stringify(model));
    const j = doctored.type.features.indexOf("lct:Model");
    expect(j).toBeGreaterThanOrEqual(0);
    doctored.type.weights[BUG_TYPES.indexOf("Training")]![j] = 50;
    const c = classifyIssue({ title: "Embedding layer ignores the hidden size", body: "" }, doctored);
    expect(c.bugType.label).toBe("Training");
    expect(c.bugType.evidence.join(" ")).not.toContain("Model terms");
  });

  it("labels a plain logic bug intrinsic", () => {
    const c = classifyIssue({ title: "Validation accuracy metric counts padded samples", body: "The accuracy metric includes padding during training." }, model);
    expect(c.extrinsic.label).toBe("intrinsic");
    expect(c.missingFacts).toEqual([]);
  });

  it("asks for the missing GPU facts when a GPU bug states none", () => {
    const c = classifyIssue({ title: "CUDA error: device-side assert on multi-GPU", body: "Training on several GPUs crashes with a CUDA error." }, model);
    expect(c.missingFacts).toEqual(expect.arrayContaining(["CUDA version", "GPU model and count"]));
    // Named plainly: the comment gives the command that prints it (collect_env, pip list...), and an "e.g. the
    // output of `pip list`" here would contradict it.
    expect(c.missingFacts).toContain("framework and version");
  });

  it("does not ask for what the report already states", () => {
    const c = classifyIssue(
      { title: "CUDA error: device-side assert on multi-GPU", body: "torch==1.7.0, CUDA 11.0, cuDNN 8.0.4, driver 450.80.02, GeForce RTX 2080 Ti, Ubuntu 18.04, Python 3.8" },
      model,
    );
    expect(c.missingFacts).toEqual([]);
  });

  describe("edge cases", () => {
    it("classifies an issue with an empty body and an empty title", () => {
      const c = classifyIssue({ title: "", body: "" }, model);
      expect(BUG_TYPES).toContain(c.bugType.label);
      expect(c.environment).toEqual({ frameworks: {} });
    });

    it("classifies non-English text without failing", () => {
      const c = classifyIssue({ title: "训练时损失变成 NaN", body: "使用 GPU 训练模型时，第二个 epoch 之后损失变成 NaN。学习率是 0.1。" }, model);
      expect(BUG_TYPES).toContain(c.bugType.label);
      expect(c.bugType.probabilities.Training).toBeGreaterThan(0);
    });

    it("classifies a body that is only a traceback", () => {
      const body = [
        "Traceback (most recent call last):",
        '  File "run.py", line 12, in <module>',
        "    model = model.cuda(device)",
        '  File "/usr/lib/python3.8/site-packages/torch/cuda/__init__.py", line 221, in _lazy_init',
        "RuntimeError: CUDA error: an illegal memory access was encountered (cudaErrorIllegalAddress) on GPU 1",
      ].join("\n");
      const c = classifyIssue({ title: "", body }, model);
      expect(c.bugType.label).toBe("GPU");
      expect(c.reportKind.label).toBe("bug");
      expect(c.environment.python).toBe("3.8");
    });

    it("classifies a 1 MB paste (bounded work: the body is capped before feature extraction)", () => {
      const line = "2021-01-01 12:00:00 INFO step 100 loss=0.4321 lr=0.001 device=cuda:0 shape=(32, 3, 224, 224)\n";
      const body = `Loss becomes NaN, full log below\n\`\`\`\n${line.repeat(Math.ceil(1_048_576 / line.length))}\`\`\`\nRuntimeError: loss is NaN`;
      expect(body.length).toBeGreaterThanOrEqual(1_048_576);
      const c = classifyIssue({ title: "Loss becomes NaN during training", body }, model);
      expect(c.bugType.label).toBe("Training");
    });
  });
});

describe("classification evidence", () => {
  const quotes = (phrases: string[]) => phrases.flatMap((p) => [...p.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.toLowerCase()));

  it("quotes each thing once, whatever its case, and never explains extrinsic by a bug type's share of the terms", () => {
    // "DDP" and "Windows 10" appear in the title and the body, in two cases.
    const c = classifyIssue({
      title: "DDP hangs with NCCL on Windows 10",
      body: "Training with DDP on windows 10 hangs after the first epoch. torch 1.7.0, CUDA 11.0, Windows 10.\nThe loss shape is wrong too.",
    });
    for (const evidence of [c.bugType.evidence, c.extrinsic.evidence]) {
      const q = quotes(evidence);
      expect(new Set(q).size).toBe(q.length);
    }
    expect(c.extrinsic.evidence.join(" ")).not.toMatch(/terms/);
  });

  it("does not quote again words of an earlier quote (`cu101` or `torch 1.6.0` after `torch==1.6.0+cu101`, `Darwin` after macOS)", () => {
    // Words split at anything but letters, digits, '_' and '.', then compared as a run of whole words.
    const words = (quote: string) => ` ${quote.replace(/[^\p{L}\p{N}_.]+/gu, " ").trim()} `;
    const asWord = (whole: string, part: string) => words(part).trim() !== "" && words(whole).includes(words(part));
    const reports = [
      {
        title: "AttributeError: 'DistilBertConfig' object has no attribute 'return_dict'",
        body: "transformers version: 3.1.0\nPython version: 3.6.9\nPyTorch version (GPU?): 1.6.0+cu101 (False)\nnumpy 1.18.3\n\nIt fails in pandas apply.",
      },
      {
        title: "训练时验证集崩溃",
        body: "在验证阶段 DataLoader 报错：stack expects each tensor to be equal size。我使用的是 torch 1.12。",
      },
      {
        title: "Failed to evaluate gradient with train_mode=False",
        body: "mxnet 1.5.0, Python 3.7.3\nPlatform     : Darwin-17.7.0-x86_64-i386-64bit\nsystem       : Darwin\nrelease      : 17.7.0\nlibmxnet.so",
      },
    ];
    let checked = 0;
    for (const report of reports) {
      const c = classifyIssue(report);
      for (const evidence of [c.bugType.evidence, c.extrinsic.evidence]) {
        const q = quotes(evidence);
        for (let i = 0; i < q.length; i++) {
          for (let j = 0; j < i; j++) expect([q[j], q[i], asWord(q[j]!, q[i]!)]).toEqual([q[j], q[i], false]);
        }
        checked += q.length;
      }
    }
    expect(checked).toBeGreaterThan(4);
  });

  it("leaves the stated environment to its own line: the cause's evidence quotes the report, never a pin it did not write", () => {
    const c = classifyIssue({
      title: "CUDA error: device-side assert triggered",
      body: "On 2 GPUs with CUDA 11.0, cuDNN 8.0.\n\nmxnet version: 1.2.0",
    }, model);
    expect(c.extrinsic.label).toBe("extrinsic");
    expect(describeEnvironment(c.environment)).toContain("mxnet 1.2.0");
    const said = c.extrinsic.evidence.join("; ");
    expect(said).toContain("device-side assert");
    // A list of versions says what the reporter runs, not why the cause is outside the code.
    expect(said).not.toMatch(/\bstates\b|mxnet|==/);
  });

  it("quotes no term that only the template's bracketed examples hold ('(e.g., Linux Ubuntu 16.04)')", () => {
    const body =
      "**System information**\n- OS Platform and Distribution (e.g., Linux Ubuntu 16.04): Google Colab\n" +
      "- TensorFlow version and how it was installed (source or binary): 2.2.0, binary\n\n" +
      "**Describe the bug**\nAfter upgrading to tensorflow 2.2.0 the optimizer fails with an incompatible dtype.";
    const c = classifyIssue({ title: "Lookahead fails after upgrading TensorFlow", body });
    expect(c.extrinsic.label).toBe("extrinsic");
    const said = [...c.extrinsic.evidence, ...c.extrinsic.causes.flatMap((x) => x.evidence), ...c.bugType.evidence].join("; ");
    expect(said).toContain("after upgrading");
    expect(said).not.toContain("Ubuntu");
    // A term that also matches the reporter's words is quoted from them, not from the example (`16.04`).
    const stated = classifyIssue({ title: "Lookahead fails after upgrading TensorFlow", body: body.replace("Google Colab", "Ubuntu 18.04.4") });
    const quoted = [...stated.extrinsic.evidence, ...stated.extrinsic.causes.flatMap((x) => x.evidence), ...stated.bugType.evidence].join("; ");
    expect(quoted).not.toContain("16.04");
    const analysis = analyseIssue(prepareIssue({ title: "t", body: body.replace("Google Colab", "Ubuntu 18.04.4") }));
    expect(analysis.lexiconHits.get("lx:api.version")?.sample).toBe("16.04"); // the feature's first match
    // The quote's: from the reporter's prose. "OS Platform and Distribution: Ubuntu 18.04.4" states the environment,
    // which the comment's environment line shows; it is no reason for a type or a cause.
    expect(analysis.quotable?.get("api.version")).toBe("2.2.0");
  });

  it("quotes no word every report uses ('bug', 'error', 'fails') as evidence of a type or a cause", () => {
    // Both models lean on such words: the shipped one on "bug" in a bare "Bug", the invented one on "error".
    const reports = [classifyIssue({ title: "Bug", body: "see title" }), classifyIssue({ title: "Error when running", body: "" }, model)];
    for (const c of reports) {
      const said = [...c.bugType.evidence, ...c.extrinsic.evidence].join("; ");
      expect(said).not.toMatch(/(?:word|phrase) "(?:bug|error|fail|problem)(?: (?:bug|error|fail|problem))?"/);
    }
  });

  it("never gives the traceback as evidence of an outside cause", () => {
    const trace =
      'Traceback (most recent call last):\n  File "train.py", line 3, in <module>\n    model.to_onnx("model.onnx")\n' +
      '  File "/opt/conda/lib/python3.7/site-packages/pytorch_lightning/core/lightning.py", line 1723, in to_onnx\n' +
      "    torch.onnx.export(self, input_data, file_path)\nRuntimeError: Input, output and indices must be on the current device";
    const c = classifyIssue({ title: "Export to ONNX fails", body: trace });
    expect(c.extrinsic.label).toBe("extrinsic");
    expect(c.extrinsic.evidence.length).toBeGreaterThan(0);
    expect(c.extrinsic.evidence).not.toContain("has a traceback");
  });

  it("gives no report-shape fact but the traceback as evidence ('title is a question', 'long report' explain nothing)", () => {
    const long = "The loss goes down for a while and then it stops changing at all. ".repeat(30);
    for (const issue of [
      { title: "Why does the loss stop decreasing?", body: `${long}\n\n\`\`\`\nimport torch\nmodel = Net()\n\`\`\`` },
      { title: "Wrong output after upgrade?", body: "torch 1.7.0, CUDA 11.0, Ubuntu 18.04, Python 3.8\n\n" + long },
    ]) {
      const c = classifyIssue(issue, model);
      const all = [...c.bugType.evidence, ...c.extrinsic.evidence];
      expect(all.filter((e) => /title is a question|long report|has a code block|states its environment|empty description/.test(e))).toEqual([]);
    }
  });

  it("says a version number is one when that is all a term matched ('mentions `16.04`' was Ubuntu's, read as API evidence)", () => {
    const reports = [
      {
        title: "NotImplementedError in examples/ss_vae_M2.py",
        body: 'After recent update I got an error:\n\n```\nTraceback (most recent call last):\n  File "ss_vae_M2.py", line 464, in <module>\n    run(args)\n  File "/home/u/.pyenv/versions/3.6.4/lib/python3.6/site-packages/pyro/infer/svi.py", line 98, in step\n    loss = self.loss_and_grads()\nNotImplementedError: enum_discrete does not support mixture of batched and un-batched variables\n```',
      },
      { title: "Upgrade breaks the build on 16.04", body: "Ubuntu 16.04. It worked before the upgrade, now the attribute is missing." },
    ];
    const said = reports.flatMap((r) => {
      const c = classifyIssue(r, model);
      return [...c.bugType.evidence, ...c.extrinsic.evidence];
    });
    expect(said.some((e) => /a version number \(`[\d.]+`\)/.test(e))).toBe(true);
    expect(said.filter((e) => /mentions `v?\d+(?:\.\d+)+`$/.test(e))).toEqual([]);
  });

  it("does not quote a shortened version after the full one (`torch 1.12` after `torch 1.12.1`)", () => {
    const c = classifyIssue({
      title: "RuntimeError: CUDA out of memory during training",
      body: "Training runs out of memory after a few steps.\n\ntorch 1.12.1, CUDA 11.3, RTX 2080 Ti, Ubuntu 20.04",
    });
    const q = quotes(c.extrinsic.evidence);
    expect(q).toContain("torch 1.12.1");
    expect(q).not.toContain("torch 1.12");
  });

  it("keeps the fuller of two quotes of the same words (`Shape mismatch`, not `Shape` before it)", () => {
    const c = classifyIssue({ title: "Shape mismatch in reshape of tensor", body: "" }, model);
    const q = quotes(c.bugType.evidence);
    expect(q).toContain("shape mismatch");
    expect(q).not.toContain("shape");
  });

  it("quotes only the reporter's words when given them apart from the repository's template text", () => {
    const template = "## To Reproduce\nSteps to reproduce the behavior:\n\n## Environment\nPlease paste the output of the CUDA / cuDNN / nvidia driver check below.\n";
    const mine = "Training is very slow: one epoch takes 2 hours with the Adam optimizer.";
    const issue = { title: "Training is slow", body: `${template}\n${mine}` };
    const whole = classifyIssue(issue);
    const reporters = classifyIssue(issue, undefined, { reportersWords: { title: issue.title, body: mine } });
    // The same verdicts (the models read the whole text), other quotes.
    expect(reporters.bugType.probabilities).toEqual(whole.bugType.probabilities);
    expect(reporters.extrinsic.confidence).toBe(whole.extrinsic.confidence);
    expect([...whole.bugType.evidence, ...whole.extrinsic.evidence].join("; ")).toMatch(/`Steps`|`cuDNN`/);
    const said = [...reporters.bugType.evidence, ...reporters.extrinsic.evidence, ...reporters.extrinsic.causes.flatMap((c) => c.evidence)].join("; ");
    expect(said).not.toMatch(/`Steps`|`cuDNN`|nvidia driver/);
    expect(said).toContain("`Adam`");
  });

  it("judges environment lines with the template's keys in place, when quoting only the reporter's words", () => {
    const body =
      "**System information**\n- OS Platform and Distribution (e.g., Linux Ubuntu 16.04): Ubuntu 18.04.4\n" +
      "- TensorFlow version and how it was installed (source or binary): 2.0.0\n\n" +
      "**Describe the bug**\nWeightNormalization fails with an incompatible shape in a TimeDistributed layer.";
    // What the pipeline passes: the template's own sentences taken out, which leaves the bare answers.
    const reporters = body.replace("OS Platform and Distribution (e.g., Linux Ubuntu 16.04): ", "").replace("TensorFlow version and how it was installed (source or binary): ", "");
    const result = classifyIssue({ title: "Time distributed WeightNormalization result in incompatible shape", body }, undefined, {
      reportersWords: { title: "Time distributed WeightNormalization result in incompatible shape", body: reporters },
    });
    const said = [...result.extrinsic.evidence, ...result.extrinsic.causes.flatMap((c) => c.evidence), ...result.bugType.evidence].join("; ");
    // (The causes' own list may still say what the report states: "states OS Ubuntu 18.04.4".)
    expect(said).not.toMatch(/mentions `Ubuntu/);
    expect(said).toContain("mentions `incompatible`");
  });

  it("does not give a stated OS as the reason for an outside cause: the template asks every reporter for one", () => {
    const body =
      "**System information**\n- OS Platform and Distribution (e.g., Linux Ubuntu 16.04): Google Colab\n" +
      "- TensorFlow version and how it was installed (source or binary): 2.2.0\n\n**Describe the bug**\nequalize returns a wrong image for uint8 input.\n";
    const result = classifyIssue({ title: "tfa.image.equalize not compatible with tf.function", body });
    expect(result.environment.os).toBe("Google Colab");
    expect(result.extrinsic.evidence.join("; ")).not.toMatch(/states OS/);
  });

  it("states the share of a type's terms once, for the report or for its title", () => {
    for (const title of ["CUDA out of memory on GPU with cudnn", "Shape mismatch in reshape of tensor"]) {
      const shares = classifyIssue({ title, body: "" }, model).bugType.evidence.filter((p) => /DL terms/.test(p));
      expect(shares.length).toBeLessThanOrEqual(1);
    }
  });

  it("marks a type that only learned words point at, and not one the DL lexicon points at", () => {
    expect(classifyIssue({ title: "Models stop too early when running", body: "" }, model).bugType.wordsOnly).toBe(true);
    expect(classifyIssue({ title: "NaN loss after a few epochs", body: "loss becomes nan with lr 0.1" }, model).bugType.wordsOnly).toBeUndefined();
  });

  it("quotes a learned word as the reporter wrote it, not as its stem", () => {
    const evidence = classifyIssue({ title: "Models stop too early when running", body: "" }, model).bugType.evidence;
    expect(evidence).toContain('word "models"');
    expect(evidence.join("; ")).not.toContain('"model"');
  });

  it("quotes no keyword of pasted Python nor a word read twice out of two names as evidence", () => {
    const c = classifyIssue({ title: "Returns wrong values", body: "```python\nimport torch\nfrom x import y\nx_train, y_train = load()\nself.model.fit(x_train, y_train)\n```\n" }, model);
    const quoted = [...c.bugType.evidence, ...c.extrinsic.evidence].join("; ");
    for (const word of ['"return"', '"returns"', '"import"', '"self"', '"from"', '"train train"']) expect(quoted).not.toContain(word);
    // The shipped model has learned these words (this one said 'word "python"' and 'phrase "blob master"').
    const linked = classifyIssue({ title: "Python master fails", body: "See https://github.com/o/r/blob/master/run.py master master" });
    expect(linked.bugType.evidence.length).toBeGreaterThan(0);
    for (const word of ['"master"', '"blob', '"python"']) expect([...linked.bugType.evidence, ...linked.extrinsic.evidence].join("; ")).not.toContain(word);
  });

  it("quotes none of the filler every report's sentences have ('due', 'current', 'tried', 'following')", () => {
    // The shipped model has learned these words: before, the first said 'word "current"' and 'word "tried"'.
    for (const title of ["Current output is wrong due to rounding", "Crash due to the current settings"]) {
      const c = classifyIssue({ title, body: "It is due to the current code, I tried the following." });
      const quoted = [...c.bugType.evidence, ...c.extrinsic.evidence].join("; ");
      for (const word of ['"due"', '"current"', '"tried"', '"following"']) expect(quoted).not.toContain(word);
    }
  });

  it("names a word once, not as a word and again as a title word", () => {
    const c = classifyIssue({ title: "Example", body: "see title" });
    const words = c.bugType.evidence.map((p) => /word "(.+)"$/.exec(p)?.[1]).filter((w) => w !== undefined);
    expect(words.length).toBeGreaterThan(0);
    expect(new Set(words).size).toBe(words.length);
  });
});

describe("evidence quotes a term only for the class it points at", () => {
  const report = {
    title: "Net flattens the batch dimension",
    body: "The output has the wrong size.\n\n```python\nx = torch.randn(4, 3, 32, 32)\ny = net(x)\nprint(x.shape)\nprint(y.shape)\n```\n",
  };

  it("never explains intrinsic or extrinsic by a bug type's lexicon term, nor intrinsic by a cause rule", () => {
    // A doctored model in which the GPU term `cuda` and a CUDA-version cause rule both vote for intrinsic.
    const doctored: ClassifierModel = JSON.parse(JSON.stringify(model));
    const intrinsic = doctored.extrinsic.classes.indexOf("intrinsic");
    for (const feature of ["lx:gpu.cuda", "cz:cause.gpu.cudaVersion"]) {
      const j = doctored.extrinsic.features.indexOf(feature);
      expect(j).toBeGreaterThanOrEqual(0);
      doctored.extrinsic.weights[intrinsic]![j] = 50;
      doctored.extrinsic.weights[1 - intrinsic]![j] = -50;
    }
    const c = classifyIssue({ title: "CUDA 11.0 crash", body: "It crashes with cuda 11.0 when I call the function." }, doctored);
    expect(c.extrinsic.label).toBe("intrinsic");
    expect(c.extrinsic.evidence.join(" ")).not.toMatch(/`(?:cuda|CUDA)/);
  });

  it("does not quote a print() call of the reporter's script, nor call a one-line report long", () => {
    const c = classifyIssue(report);
    expect([...c.bugType.evidence, ...c.extrinsic.evidence].join(" ")).not.toContain("`print`");
    const short = classifyIssue({ title: "CUDA out of memory", body: "help" });
    expect([...short.bugType.evidence, ...short.extrinsic.evidence]).not.toContain("long report");
  });
});
