import { describe, expect, it } from "@jest/globals";
import { ASK } from "../../src/classify/missing-facts.js";
import { frameworkTheReportNames, repositoryFramework, withFrameworkNamed } from "../../src/pipeline/repository-framework.js";
import { makeClassification } from "../render/fixtures/triage-results.js";
import { indexFiles, sourceFile as file } from "../helpers/source-file.js";

describe("repositoryFramework", () => {
  it("names the framework most Python files import, counting each file once", async () => {
    const index = await indexFiles([
      file("a.py", "import tensorflow as tf\nfrom tensorflow.keras import layers\n"),
      file("b.py", "from keras import Model\n"),
      file("c.py", "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"),
      file("d.py", "import numpy as np\n"),
    ]);
    // tensorflow: a.py and b.py (keras is TensorFlow's); torch: c.py only, however many imports it has.
    expect(repositoryFramework(index)).toBe("tensorflow");
  });

  it("is undefined when no file imports a DL framework", async () => {
    const index = await indexFiles([file("a.py", "import numpy\n"), file("README.md", "import torch\n")]);
    expect(repositoryFramework(index)).toBeUndefined();
  });
});

describe("withFrameworkNamed", () => {
  it("asks for the repository's framework by name instead of 'framework and version'", () => {
    const c = makeClassification({ missingFacts: [ASK.framework, ASK.python] });
    expect(withFrameworkNamed(c, "torch").missingFacts).toEqual(["the PyTorch version", ASK.python]);
    expect(withFrameworkNamed(c, undefined).missingFacts).toEqual([ASK.framework, ASK.python]);
    expect(withFrameworkNamed(c, "unknown-framework").missingFacts).toEqual([ASK.framework, ASK.python]);
  });
});

describe("the framework the report names", () => {
  it("names one framework by its name, package or alias, and none when the report names several or none", () => {
    expect(frameworkTheReportNames("import horovod.torch as hvd\nhvd.init()")).toBe("torch");
    expect(frameworkTheReportNames("Works with PyTorch 1.3 only")).toBe("torch");
    expect(frameworkTheReportNames("model = tf.keras.Sequential()")).toBe("tensorflow");
    expect(frameworkTheReportNames("x = mx.nd.ones((2, 3))")).toBe("mxnet");
    // Not inside another name: a build flag or the Lightning package are no framework named.
    expect(frameworkTheReportNames("HOROVOD_WITHOUT_TENSORFLOW=1 pip install horovod")).toBeUndefined();
    expect(frameworkTheReportNames("import pytorch_lightning as pl")).toBeUndefined();
    expect(frameworkTheReportNames("Framework: (TensorFlow, Keras, PyTorch, MXNet)")).toBeUndefined();
    expect(frameworkTheReportNames("the loss is NaN")).toBeUndefined();
  });

  it("is asked for before the repository's framework, and recorded for the comment's command", () => {
    const c = makeClassification({ missingFacts: [ASK.framework, ASK.python] });
    const asked = withFrameworkNamed(c, "tensorflow", "Crash in hvd.broadcast_parameters with horovod.torch");
    expect(asked.missingFacts).toEqual(["the PyTorch version", ASK.python]);
    expect(asked.frameworkAsked).toBe("torch");
    // Nothing named: the repository's framework, as before.
    expect(withFrameworkNamed(c, "tensorflow", "allreduce hangs").frameworkAsked).toBe("tensorflow");
    // Nothing asked, nothing recorded.
    expect(withFrameworkNamed(makeClassification({ missingFacts: [ASK.python] }), "tensorflow", "torch").frameworkAsked).toBeUndefined();
  });
});

