import { describe, expect, it } from "@jest/globals";
import { ASK } from "../../src/classify/missing-facts.js";
import { repositoryFramework, withFrameworkNamed } from "../../src/pipeline/repository-framework.js";
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
