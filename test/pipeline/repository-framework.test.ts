import { describe, expect, it } from "@jest/globals";
import { repositoryFramework } from "../../src/pipeline/repository-framework.js";
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
