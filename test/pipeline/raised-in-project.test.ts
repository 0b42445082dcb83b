import { describe, expect, it } from "@jest/globals";
import { parseIssue } from "../../src/issue/index.js";
import { errorRaisedInLibrary, errorRaisedInProject } from "../../src/pipeline/raised-in-project.js";
import type { SourceFile } from "../../src/types.js";

const file = (path: string, text: string): SourceFile => ({ path, text, size: text.length });
const FILES = [
  file("setup.py", "import os\nwith open('README.md') as readme_file:\n    readme = readme_file.read()\nsetup(version=None)\n"),
  file("pkg/__init__.py", ""),
  file("pkg/trainer.py", "def fit(self):\n    lr = self.config['lr']\n    return lr\n"),
];
const PACKAGES = new Set(["pkg", "setup"]);
const trace = (frames: Array<[string, number, string]>, error: string) =>
  ["Traceback (most recent call last):", ...frames.flatMap(([path, line, code]) => [`  File "${path}", line ${line}, in f`, `    ${code}`]), error].join("\n");
const raised = (body: string) => errorRaisedInProject(parseIssue("it fails", body), FILES, PACKAGES);
const TRAINER: [string, number, string] = ["/venv/lib/python3.8/site-packages/pkg/trainer.py", 2, "lr = self.config['lr']"];

describe("errorRaisedInProject", () => {
  it("names the project file whose code raised the error, past the standard library it called", () => {
    expect(raised(trace([["/home/u/train.py", 3, "trainer.fit()"], TRAINER], "KeyError: 'lr'"))).toEqual({ path: "pkg/trainer.py", line: 2, exceptionType: "KeyError" });
    // setup.py read its README with the platform's codec: raised in the standard library, on the project's call.
    const windows = trace(
      [["C:\\Projects\\pkg\\setup.py", 3, "readme = readme_file.read()"], ["C:\\Projects\\pkg\\venv\\lib\\encodings\\cp1252.py", 23, "return codecs.charmap_decode(input)"]],
      "UnicodeDecodeError: 'charmap' codec can't decode byte 0x90",
    );
    expect(raised(windows)).toEqual({ path: "setup.py", line: 3, exceptionType: "UnicodeDecodeError", throughStandardLibrary: true });
  });

  it("says nothing when a library's code raised it, or when the error is the environment's", () => {
    expect(raised(trace([TRAINER, ["/venv/lib/python3.8/site-packages/torch/nn/x.py", 9, "raise RuntimeError(msg)"]], "RuntimeError: shape mismatch"))).toBeUndefined();
    const inProject = (error: string) => raised(trace([TRAINER], error));
    expect(inProject("ValueError: bad value")).toEqual({ path: "pkg/trainer.py", line: 2, exceptionType: "ValueError" });
    for (const error of [
      "ModuleNotFoundError: No module named 'tensorflow'",
      "distutils.errors.DistutilsPlatformError: import tensorflow failed, is it installed?",
      "RuntimeError: CUDA error: device-side assert triggered",
      "RuntimeError: CUDNN_STATUS_EXECUTION_FAILED",
      "RuntimeError: cudaMalloc failed",
      "RuntimeError: no kernel image is available for execution on the device",
      "ConnectionRefusedError: [Errno 111] Connection refused",
      "AttributeError: module 'tensorflow' has no attribute 'placeholder'",
    ]) expect(inProject(error)).toBeUndefined();
    // The project's own module missing an attribute is the project's.
    expect(inProject("AttributeError: module 'pkg.trainer' has no attribute 'fit2'")?.exceptionType).toBe("AttributeError");
    // A tensor on the wrong device is the code's mistake, though the message names a CUDA device.
    expect(inProject("RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!")?.exceptionType).toBe("RuntimeError");
    expect(inProject("RuntimeError: Expected object of device type cuda but got device type cpu")?.exceptionType).toBe("RuntimeError");
    expect(raised("no traceback at all")).toBeUndefined();
  });

  it("reads the last traceback of a chain: the one that propagated", () => {
    const chain = [trace([TRAINER], "KeyError: 'resnet'"), "During handling of the above exception, another exception occurred:", trace([["/home/u/dl.py", 4, "urlopen(url)"]], "urllib.error.URLError: <urlopen error [Errno -3] Temporary failure in name resolution>")].join("\n\n");
    expect(raised(chain)).toBeUndefined();
    expect(raised([trace([["/home/u/a.py", 1, "import mxnet"]], "ModuleNotFoundError: No module named 'mxnet'"), trace([TRAINER], "KeyError: 'lr'")].join("\n\n"))?.path).toBe("pkg/trainer.py");
  });

  it("needs the printed line in the repository's file: another package's setup.py, a reporter's file of the same name, are not the project's", () => {
    const otherSetup = trace([["/tmp/pip-build-abc/spacy/setup.py", 190, "cythonize(MOD_NAMES)"]], "RuntimeError: Running cythonize failed!");
    expect(raised(otherSetup)).toBeUndefined();
    // A frame pasted without its source line cannot be checked: nothing is said.
    expect(raised(["Traceback (most recent call last):", '  File "/venv/lib/python3.8/site-packages/pkg/trainer.py", line 2, in fit', "KeyError: 'lr'"].join("\n"))).toBeUndefined();
  });
});

describe("errorRaisedInLibrary", () => {
  const inLibrary = (body: string) => errorRaisedInLibrary(parseIssue("it fails", body), FILES, PACKAGES);
  const TRANSFORMERS: [string, number, string] = ["/venv/lib/python3.6/site-packages/transformers-3.4.0-py3.6.egg/transformers/tokenization_utils_base.py", 2617, '"Asking to return token_type_ids"'];

  it("names the installed package whose code raised the error, an egg's too, past the standard library", () => {
    expect(inLibrary(trace([TRAINER, TRANSFORMERS], "ValueError: Asking to return token_type_ids"))).toEqual({ library: "transformers", exceptionType: "ValueError" });
    const throughStdlib = trace([TRAINER, ["/venv/lib/python3.8/site-packages/yaml/loader.py", 9, "json.loads(s)"], ["/usr/lib/python3.8/json/decoder.py", 355, "raise JSONDecodeError"]], "json.decoder.JSONDecodeError: Expecting value");
    expect(inLibrary(throughStdlib)).toEqual({ library: "yaml", exceptionType: "JSONDecodeError" });
    // Not a framework checking what the project passed it (tensorflow/addons#639's Keras input spec).
    const keras = trace([TRAINER, ["/venv/lib/python3.6/site-packages/tensorflow_core/python/keras/engine/input_spec.py", 213, "raise ValueError(msg)"]], "ValueError: Input 0 is incompatible with layer");
    expect(inLibrary(keras)).toBeUndefined();
  });

  it("says nothing when the project's code, installed or not, or the reporter's own script raised it", () => {
    expect(inLibrary(trace([TRANSFORMERS, TRAINER], "KeyError: 'lr'"))).toBeUndefined();
    expect(inLibrary(trace([TRAINER, ["/home/u/train.py", 3, "model.fit()"]], "KeyError: 'lr'"))).toBeUndefined();
    expect(inLibrary("no traceback here")).toBeUndefined();
  });
});
