import { describe, expect, it } from "@jest/globals";
import { parseIssue } from "../../src/issue/index.js";
import { errorRaisedInProject } from "../../src/pipeline/raised-in-project.js";

const PATHS = ["setup.py", "pkg/__init__.py", "pkg/trainer.py"];
const trace = (frames: Array<[string, number]>, error: string) =>
  ["Traceback (most recent call last):", ...frames.flatMap(([file, line]) => [`  File "${file}", line ${line}, in f`, "    x = y()"]), error].join("\n");
const raised = (body: string) => errorRaisedInProject(parseIssue("it fails", body), PATHS);

describe("errorRaisedInProject", () => {
  it("names the project file whose code raised the error, past the standard library it called", () => {
    expect(raised(trace([["/home/u/train.py", 3], ["/venv/lib/python3.8/site-packages/pkg/trainer.py", 40]], "KeyError: 'lr'"))).toEqual({
      path: "pkg/trainer.py",
      line: 40,
      exceptionType: "KeyError",
    });
    // setup.py read its README with the platform's codec: raised in the standard library, the project's call.
    const windows = trace([["C:\\Projects\\pkg\\setup.py", 8], ["C:\\Projects\\pkg\\venv\\lib\\encodings\\cp1252.py", 23]], "UnicodeDecodeError: 'charmap' codec can't decode byte 0x90");
    expect(raised(windows)).toEqual({ path: "setup.py", line: 8, exceptionType: "UnicodeDecodeError" });
  });

  it("says nothing when a library's code raised it, or when the error is the environment's", () => {
    expect(raised(trace([["/venv/lib/python3.8/site-packages/pkg/trainer.py", 40], ["/venv/lib/python3.8/site-packages/torch/nn/x.py", 9]], "RuntimeError: shape mismatch"))).toBeUndefined();
    const inProject = (error: string) => raised(trace([["/venv/lib/python3.8/site-packages/pkg/trainer.py", 40]], error));
    expect(inProject("ModuleNotFoundError: No module named 'tensorflow'")).toBeUndefined();
    expect(inProject("distutils.errors.DistutilsPlatformError: import tensorflow failed, is it installed?")).toBeUndefined();
    expect(inProject("RuntimeError: CUDA error: device-side assert triggered")).toBeUndefined();
    expect(inProject("ValueError: bad value")).toEqual({ path: "pkg/trainer.py", line: 40, exceptionType: "ValueError" });
    expect(raised("no traceback at all")).toBeUndefined();
  });

  it("takes the first traceback whose error the project raised, past the environment's ones", () => {
    const body = [
      trace([["/tmp/pip-install-x/pkg/setup.py", 72]], "ModuleNotFoundError: No module named 'mxnet'"),
      trace([["/tmp/pip-install-x/pkg/setup.py", 801], ["/usr/lib/python3.7/distutils/version.py", 335]], "AttributeError: 'NoneType' object has no attribute 'version'"),
    ].join("\n\n");
    expect(raised(body)).toEqual({ path: "setup.py", line: 801, exceptionType: "AttributeError" });
  });
});
