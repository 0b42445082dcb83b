import { describe, expect, it } from "@jest/globals";
import { indexRepoPaths, mapFrameToRepo, parseTracebacks } from "../../src/issue/index.js";

const LIGHTNING = new Set([
  "pytorch_lightning/__init__.py",
  "pytorch_lightning/trainer/trainer.py",
  "pytorch_lightning/trainer/training_loop.py",
  "pytorch_lightning/callbacks/early_stopping.py",
  "tests/trainer/test_trainer.py",
  "setup.py",
]);

const MXNET = [
  "python/mxnet/__init__.py",
  "python/mxnet/gluon/block.py",
  "python/mxnet/gluon/data/dataloader.py",
  "src/operator/nn/convolution.cc",
  "example/gluon/mnist/mnist.py",
  "module.py",
];

describe("mapFrameToRepo", () => {
  it("maps an installed copy of the repository's package back to the repository file", () => {
    expect(mapFrameToRepo("/usr/lib/python3.8/site-packages/pytorch_lightning/trainer/trainer.py", LIGHTNING)).toEqual({
      repoPath: "pytorch_lightning/trainer/trainer.py",
      thirdParty: false,
      stdlib: false,
      package: "pytorch_lightning",
    });
  });

  it("maps an installed package kept under a subfolder of the repository (python/mxnet)", () => {
    expect(mapFrameToRepo("/usr/local/lib/python3.6/dist-packages/mxnet/gluon/block.py", MXNET).repoPath).toBe("python/mxnet/gluon/block.py");
  });

  it("maps a checkout by the longest shared path suffix", () => {
    expect(mapFrameToRepo("/home/me/src/mxnet/python/mxnet/gluon/block.py", MXNET)).toEqual({
      repoPath: "python/mxnet/gluon/block.py",
      thirdParty: false,
      stdlib: false,
    });
    expect(mapFrameToRepo("/home/me/mxnet/example/gluon/mnist/mnist.py", MXNET).repoPath).toBe("example/gluon/mnist/mnist.py");
  });

  it("recognises third-party packages, Windows paths included, and never maps them onto a same-named repository file", () => {
    expect(mapFrameToRepo("C:\\Users\\ana\\Anaconda3\\lib\\site-packages\\torch\\nn\\modules\\module.py", MXNET)).toEqual({
      repoPath: null,
      thirdParty: true,
      stdlib: false,
      package: "torch",
    });
    // Pasted from a repr: every backslash doubled.
    expect(mapFrameToRepo("C:\\\\Users\\\\ana\\\\lib\\\\site-packages\\\\mxnet\\\\gluon\\\\block.py", MXNET).repoPath).toBe("python/mxnet/gluon/block.py");
    expect(mapFrameToRepo("/opt/conda/lib/python3.8/site-packages/six.py", MXNET)).toMatchObject({ thirdParty: true, package: "six" });
    expect(mapFrameToRepo("/venv/lib/python3.7/site-packages/mxnet-1.5.0-py3.7.egg/mxnet/gluon/block.py", MXNET).repoPath).toBe(
      "python/mxnet/gluon/block.py",
    );
  });

  it("recognises the standard library on Linux and Windows", () => {
    expect(mapFrameToRepo("/usr/lib/python3.8/multiprocessing/pool.py", LIGHTNING)).toEqual({ repoPath: null, thirdParty: false, stdlib: true });
    expect(mapFrameToRepo("C:\\Python38\\Lib\\multiprocessing\\pool.py", LIGHTNING).stdlib).toBe(true);
    expect(mapFrameToRepo("C:\\Projects\\torchio\\venv\\lib\\encodings\\cp1252.py", LIGHTNING).stdlib).toBe(true);
    expect(mapFrameToRepo("C:\\proj\\venv\\Lib\\subprocess.py", LIGHTNING).stdlib).toBe(true);
    expect(mapFrameToRepo("C:\\Users\\me\\Anaconda3\\lib\\encodings\\cp1252.py", LIGHTNING).stdlib).toBe(true);
    // Not a Linux environment's own folder, nor a Windows project's lib folder of its own modules.
    expect(mapFrameToRepo("/home/me/env/lib/mytools/data.py", LIGHTNING).stdlib).toBe(false);
    expect(mapFrameToRepo("C:\\proj\\lib\\mytools\\data.py", LIGHTNING).stdlib).toBe(false);
  });

  it("maps notebook cells and stdin to nothing", () => {
    for (const pseudo of ["<ipython-input-3-5d2f0b1c>", "<stdin>", "<string>", "Cell In[4]"]) {
      expect(mapFrameToRepo(pseudo, LIGHTNING)).toEqual({ repoPath: null, thirdParty: false, stdlib: false });
    }
  });

  it("maps a path whose start the reporter redacted (`<venv path>/...`), which is a file, not a pseudo-file", () => {
    expect(mapFrameToRepo("<venv path>/lib/python3.6/site-packages/pytorch_lightning/trainer/trainer.py", LIGHTNING)).toMatchObject({
      repoPath: "pytorch_lightning/trainer/trainer.py",
      thirdParty: false,
    });
    expect(mapFrameToRepo("<frozen importlib._bootstrap>", LIGHTNING)).toEqual({ repoPath: null, thirdParty: false, stdlib: true });
  });

  it("maps a one-segment relative frame only when a single repository file has that name", () => {
    const repo = ["tests/python/unittest/test_gluon_rnn.py", "example/a/main.py", "example/b/main.py", "tools/main.py"];
    expect(mapFrameToRepo("test_gluon_rnn.py", repo).repoPath).toBe("tests/python/unittest/test_gluon_rnn.py");
    expect(mapFrameToRepo("main.py", repo).repoPath).toBeNull();
  });

  it("maps relative frame paths, but not a user's own script that only shares a file name", () => {
    expect(mapFrameToRepo("pytorch_lightning/trainer/trainer.py", LIGHTNING).repoPath).toBe("pytorch_lightning/trainer/trainer.py");
    expect(mapFrameToRepo("mxnet/gluon/block.py", MXNET).repoPath).toBe("python/mxnet/gluon/block.py");
    expect(mapFrameToRepo("/home/me/experiments/trainer.py", LIGHTNING).repoPath).toBeNull();
  });

  it("accepts a prebuilt index and an array", () => {
    const index = indexRepoPaths(MXNET);
    expect(mapFrameToRepo("/x/python/mxnet/gluon/data/dataloader.py", index).repoPath).toBe("python/mxnet/gluon/data/dataloader.py");
    expect(mapFrameToRepo("/x/python/mxnet/gluon/data/dataloader.py", MXNET).repoPath).toBe("python/mxnet/gluon/data/dataloader.py");
  });

  it("finds the innermost repository frame of a parsed traceback", () => {
    const [tb] = parseTracebacks(
      [
        "Traceback (most recent call last):",
        '  File "train.py", line 3, in <module>',
        '  File "/usr/lib/python3.8/site-packages/pytorch_lightning/trainer/trainer.py", line 440, in fit',
        '  File "/usr/lib/python3.8/site-packages/torch/nn/modules/module.py", line 727, in _call_impl',
        "RuntimeError: boom",
      ].join("\n"),
    );
    const index = indexRepoPaths(LIGHTNING);
    const inRepo = tb!.frames.map((f) => mapFrameToRepo(f.file, index)).filter((m) => m.repoPath !== null);
    expect(inRepo.map((m) => m.repoPath)).toEqual(["pytorch_lightning/trainer/trainer.py"]);
  });
});
