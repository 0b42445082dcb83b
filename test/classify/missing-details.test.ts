import { describe, expect, it } from "@jest/globals";
import { ASK_ERROR, ASK_ERROR_IF_ANY, ASK_ERROR_NOT_SCREENSHOT, ASK_REPRODUCER, missingDetails } from "../../src/classify/missing-details.js";
import { prepareIssue } from "../../src/classify/text.js";

const details = (title: string, body: string, bug = true, saysLittle = false) => missingDetails(prepareIssue({ title, body }), { isBugReport: bug, saysLittle });

describe("missingDetails", () => {
  it("asks for the error as text and a reproducer when the report speaks of an error it does not show", () => {
    expect(details("Crash when loading the corpus", "When I run load_corpus it crashes after a while.")).toEqual([ASK_ERROR, ASK_REPRODUCER]);
  });

  it("asks for the error as text, not as a screenshot", () => {
    const body = "I encountered a problem when I run my distributed training code, the error traces are as follows: https://user-images.githubusercontent.com/1/2.png";
    expect(details("problem with distributed training", body)[0]).toBe(ASK_ERROR_NOT_SCREENSHOT);
    // Said in the past tense in the title: "produced errors".
    const monai = "I used this:\npip install git+https://github.com/o/r#egg=r\n\nto import and this issue occurred several times\nhttps://user-images.githubusercontent.com/1/2.png";
    expect(details("monai suddenly stoped importing and produced errors", monai)[0]).toBe(ASK_ERROR_NOT_SCREENSHOT);
    // A measured error is none to paste.
    expect(details("fp16 inference produced large errors", "The outputs differ from fp32, see the plot ![](x.png)")).not.toContain(ASK_ERROR_NOT_SCREENSHOT);
  });

  it("asks nothing the report gives: a traceback, an error line, a script or the command run", () => {
    // A traceback shows the error, not how to get it: the script is still asked for.
    expect(details("Crash", 'When I run it:\nTraceback (most recent call last):\n  File "a.py", line 1, in <module>\nKeyError: 1')).toEqual([ASK_REPRODUCER]);
    expect(details("Crash", "When I run train.py I get this error:\n```\nimport mxnet as mx\nnet = mx.gluon.nn.Dense(2)\n```\nValueError: bad shape")).toEqual([]);
    expect(details("DQN training fails", 'I was trying to train breakout with "./DQN.py --rom breakout.bin". However, I encountered the following error: cannot compare')).toEqual([]);
    expect(details("Training crashes", "When I run python3.8 train.py --gpus 2 it crashes: CUDA error: out of memory")).toEqual([]);
    // A project's own command, under a label or after a shell prompt (ludwig-ai/ludwig#386).
    expect(details("Load fails", "When I run the experiment it crashes: ValueError: bad shape\nCommand: ludwig experiment --data_train_csv train.csv")).toEqual([]);
    expect(details("Load fails", "When I run it it crashes: ValueError: bad shape\n$ ludwig train --config c.yaml")).toEqual([]);
    expect(details("Load fails", "When I run the experiment it crashes: ValueError: bad shape\nCommand:\nludwig experiment --data_train_csv train.csv")).toEqual([]);
    // Commands that inspect the machine are no steps.
    expect(details("Training crashes", "When I run training it crashes with a segfault.\n\n$ nvidia-smi -L\nGPU 0: V100\n$ pip show torch")).toContain(ASK_REPRODUCER);
    // A label without a command, or a prompt without arguments, is none.
    expect(details("Load fails", "When I run the experiment it crashes: ValueError: bad shape\nCommand:")).toEqual([ASK_REPRODUCER]);
  });

  it("takes a linked reproducer (a repository the report calls a repro, a gist, a Colab notebook) for one", () => {
    const linked = "I made a small repro repository with sample images, depths and camera parameters here (https://github.com/me/warp-bug). When I run it, warping fails: ValueError: bad shape";
    expect(details("warp fails", linked)).toEqual([]);
    expect(details("warp fails", "When I run https://gist.github.com/me/abc123 it fails: ValueError: bad shape")).toEqual([]);
    // A link to the project itself is no reproducer.
    expect(details("warp fails", "When I run the warp it fails: ValueError: bad shape. See https://github.com/kornia/kornia")).toEqual([ASK_REPRODUCER]);
  });

  it("does not take a stated Python version for the command that was run", () => {
    // "Python 3.6.9" in the environment list says which interpreter, not what was run with it.
    expect(details("Training crashes", "When I run training it crashes after a while.\n\n- Python 3.6.9\n- Ubuntu 18.04")).toEqual([ASK_ERROR, ASK_REPRODUCER]);
  });

  it("asks nothing of a report with no error to show and nothing run: a wrong formula, a doc mistake", () => {
    expect(details("Incorrect weight_decay in AdaGrad", "weight_decay should be applied to grad before clipping the gradient.")).toEqual([]);
    expect(details("Error in the docstring of AttentionWrapper", "The types description is wrong: it says int, the code takes a list.")).toEqual([]);
    // A template heading is no error, nor is a negated one.
    expect(details("Split is wrong", "### Error Message\n\nNone\n\nIt doesn't crash the program, but 20% of the data is lost.")).toEqual([]);
    // The negation inside the phrase: "with no errors" says there was none.
    expect(details("Wrong output on GPU", "It runs with no errors on CPU and GPU, but the GPU output is all zeros.")).toEqual([]);
  });

  it("asks nothing of what is not a bug report", () => {
    expect(details("How do I get rid of this error?", "When I run it, it crashes.", false)).toEqual([]);
  });


  it("asks for the traceback as text when the title quotes the error and the body shows it only as a screenshot", () => {
    const asked = details("AttributeError: 'LightningOptimizer' object has no attribute 'step'", "Here is what I see: ![image](https://user-images.githubusercontent.com/1/2.png)");
    expect(asked[0]).toBe(ASK_ERROR_NOT_SCREENSHOT);
    // The same error pasted in the body as text is shown.
    expect(details("AttributeError: 'LightningOptimizer' object has no attribute 'step'", "```\nAttributeError: 'LightningOptimizer' object has no attribute 'step'\n```")).toEqual([]);
  });

  it("takes a crash printed by the shell ('Segmentation fault', any case) as the error shown", () => {
    expect(details("Crash on start", "python train.py\nSegmentation fault")).toEqual([]);
    expect(details("Crash on start", "./run.sh crashes with\n\nSegmentation fault: 11")).toEqual([]);
  });

  it("takes steps written under 'Steps to reproduce', after blank lines, for a reproducer", () => {
    // The newline run is read as `\n\s*` (see the source check in line-start-regexes.test.ts): the same steps.
    expect(details("Crash", "When I run training it crashes: RuntimeError: boom\n\nSteps to reproduce:\n\n\n1. load the model")).toEqual([]);
    expect(details("Crash", "When I run training it crashes: RuntimeError: boom")).toEqual([ASK_REPRODUCER]);
  });

  it("asks a report that says little for both, whatever its words", () => {
    expect(details("name 'IProgress' is not defined", "", true, true)).toEqual([ASK_ERROR_IF_ANY, ASK_REPRODUCER]);
    expect(details("Crashes on start", "", true, true)).toEqual([ASK_ERROR, ASK_REPRODUCER]);
    expect(details("name 'IProgress' is not defined", "")).toEqual([]);
    // One that says it crashed, above a snippet, has an error to paste: not "if there is one".
    expect(details("It crashes on start", "```\nnet = Net()\n```", true, true)).toEqual([ASK_ERROR]);
  });
});
