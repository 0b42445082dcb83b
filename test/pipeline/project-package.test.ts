import { describeEnvironment } from "../../src/classify/environment.js";
import { describe, expect, it } from "@jest/globals";
import { classifierOwnNames, maskableProjectName, projectPackage, statedPackageVersion, statesPackageVersion, withProjectVersionQuestion } from "../../src/pipeline/project-package.js";
import { ASK_CHECKOUT_COMMIT, projectVersionFact, withProjectVersionAsked } from "../../src/classify/missing-facts.js";
import { makeClassification } from "../render/fixtures/triage-results.js";

const files = (folder: string, n: number) => Array.from({ length: n }, (_, i) => `${folder}/m${i}.py`);

describe("projectPackage", () => {
  it("picks the package with the most Python files, at the root or under src/ or python/", () => {
    expect(projectPackage(["flair/__init__.py", ...files("flair", 8), "tests/__init__.py", ...files("tests", 20), "setup.py"])).toBe("flair");
    expect(projectPackage(["python/mxnet/__init__.py", ...files("python/mxnet", 9), "tools/__init__.py", ...files("tools", 3)])).toBe("mxnet");
    expect(projectPackage(["src/lightning/__init__.py", ...files("src/lightning", 6)])).toBe("lightning");
  });

  it("finds none where there is no library: only tests or examples, or a package of a few files", () => {
    expect(projectPackage(["examples/__init__.py", ...files("examples", 30), "tests/__init__.py", ...files("tests", 30)])).toBeUndefined();
    expect(projectPackage(["utils/__init__.py", "utils/a.py", "train.py"])).toBeUndefined();
  });
});

describe("statesPackageVersion", () => {
  it("reads the version however the name is spelt", () => {
    expect(statesPackageVersion("flair version 0.4.5", "flair")).toBe(true);
    expect(statesPackageVersion("pytorch-lightning==0.7.3", "pytorch_lightning")).toBe(true);
    expect(statesPackageVersion("Pytorch lightning 0.8.0 on Ubuntu", "pytorch_lightning")).toBe(true);
    expect(statesPackageVersion("- pyro: 1.3.0", "pyro")).toBe(true);
    expect(statesPackageVersion("flair (v0.4.5)", "flair")).toBe(true);
    expect(statesPackageVersion("My flair version is 0.4.5", "flair")).toBe(true);
    expect(statesPackageVersion("TensorFlow-Addons version and how it was installed (source or binary): 0.11.0", "tensorflow_addons")).toBe(true);
  });

  it("reads a version seen somewhere and a project's short name (ludwig#933, pytorch-lightning#2334)", () => {
    expect(statedPackageVersion("Ludwig version tested on v0.2.2 and v0.2.2.8", "ludwig")).toBe("0.2.2");
    expect(statedPackageVersion("PL version: 0.8.1", "pytorch_lightning")).toBe("0.8.1");
    expect(statedPackageVersion("PL version: 0.8.1", "ludwig")).toBeUndefined();
    expect(statedPackageVersion("import pytorch_lightning as pl\ntrainer = pl.Trainer(gpus=2)", "pytorch_lightning")).toBeUndefined();
  });

  it("keeps a pre-release's qualifier, which names another build than the release", () => {
    expect(statedPackageVersion("ignite 0.4.0-pre", "ignite")).toBe("0.4.0-pre");
    expect(statedPackageVersion("pyro 1.3.0.dev20200518", "pyro")).toBe("1.3.0.dev20200518");
    // Named with a sibling package: "allennlp and allennlp-model version is 1.0.0rc5" (allennlp#4319).
    expect(statedPackageVersion("allennlp and allennlp-model version is 1.0.0rc5", "allennlp")).toBe("1.0.0rc5");
    // A template's heading with the answer below it (fepegar/torchio#414), a blank line between or not.
    expect(statedPackageVersion("**TorchIO version**\n0.18.15.\n", "torchio")).toBe("0.18.15");
    expect(statedPackageVersion("TorchIO version\n\n0.17.7", "torchio")).toBe("0.17.7");
    // Not a number two lines below the name alone, nor after two blank lines.
    expect(statedPackageVersion("torchio\n0.17.7", "torchio")).toBeUndefined();
    expect(statedPackageVersion("TorchIO version\n\n\n0.17.7", "torchio")).toBeUndefined();
    expect(statedPackageVersion("flair 0.4.5rc1", "flair")).toBe("0.4.5rc1");
    // Not a word that starts like a qualifier.
    expect(statedPackageVersion("ignite 0.4.0-presumably", "ignite")).toBe("0.4.0");
  });

  it("does not take the name alone, or another package's version, for it", () => {
    expect(statesPackageVersion("flair crashes on load with torch 1.6.0", "flair")).toBe(false);
    expect(statesPackageVersion("pyro-ppl\ntorch 1.4.0", "pyro")).toBe(false);
    expect(statesPackageVersion("I use flair with torch 1.6.0", "flair")).toBe(false);
    expect(statesPackageVersion("flair version with torch 1.6.0", "flair")).toBe(false);
  });
});

describe("withProjectVersionAsked", () => {
  const asked = ["Python version", "operating system and version"];

  it("asks for the project's own version first when other facts are asked and it is not stated", () => {
    expect(withProjectVersionAsked(asked, { frameworks: { torch: "1.6.0" } }, "flair", { statesVersion: false, buildFailure: false })).toEqual([projectVersionFact("flair"), ...asked]);
    // By import name: `pip show pyro` would fail, the distribution being `pyro-ppl`.
    expect(projectVersionFact("pyro")).toBe('the `pyro` version (`python -c "import pyro; print(pyro.__version__)"`)');
  });

  it("asks nothing more when nothing is asked, the version is stated, the project is the framework, or a build failed", () => {
    expect(withProjectVersionAsked([], { frameworks: {} }, "flair", { statesVersion: false, buildFailure: false })).toEqual([]);
    expect(withProjectVersionAsked(asked, { frameworks: {} }, "flair", { statesVersion: true, buildFailure: false })).toEqual(asked);
    expect(withProjectVersionAsked(asked, { frameworks: { "pytorch-lightning": "0.7.3" } }, "pytorch_lightning", { statesVersion: false, buildFailure: false })).toEqual(asked);
    expect(withProjectVersionAsked(asked, { frameworks: {} }, "mxnet", { statesVersion: false, buildFailure: false })).toEqual(asked);
    expect(withProjectVersionAsked(asked, { frameworks: {} }, "flair", { statesVersion: false, buildFailure: true })).toEqual(asked);
    expect(withProjectVersionAsked(asked, { frameworks: {} }, undefined, { statesVersion: false, buildFailure: false })).toEqual(asked);
  });
});

describe("withProjectVersionQuestion", () => {
  const paths = ["flair/__init__.py", ...files("flair", 8)];
  const classification = makeClassification({ environment: { frameworks: {} }, missingFacts: ["Python version"] });

  it("adds the project's version to what the comment asks, unless the report states it", () => {
    expect(withProjectVersionQuestion(classification, projectPackage(paths), "it crashes").missingFacts).toEqual([projectVersionFact("flair"), "Python version"]);
    // Installed from the checkout (torchio#350's `pip install --editable .` failed): its commit, not an import.
    for (const text of ["pip install --editable .\nUnicodeDecodeError", "$ pip install -e .[dev]", "python setup.py develop fails"]) {
      expect(withProjectVersionQuestion(classification, projectPackage(paths), text).missingFacts).toEqual([ASK_CHECKOUT_COMMIT, "Python version"]);
    }
    expect(withProjectVersionQuestion(classification, projectPackage(paths), "pip install -e ./other-lib").missingFacts[0]).toBe(projectVersionFact("flair"));
    const withCommit = makeClassification({ environment: { frameworks: {}, revision: "fcb01e3" }, missingFacts: ["Python version"] });
    expect(withProjectVersionQuestion(withCommit, projectPackage(paths), "pip install -e .").missingFacts).toEqual(["Python version"]);
    expect(withProjectVersionQuestion(classification, projectPackage(paths), "flair 0.4.5, it crashes").missingFacts).toEqual(["Python version"]);
    // An editable install from a commit states the code that runs.
    expect(withProjectVersionQuestion(classification, projectPackage(paths), "-e git+git@github.com:o/flair.git@902d36a520dd#egg=flair").missingFacts).toEqual(["Python version"]);
    expect(withProjectVersionQuestion(classification, projectPackage(paths), "-e git+git@github.com:o/x.git@902d36a520dd#egg=flairx").missingFacts).toEqual([projectVersionFact("flair"), "Python version"]);
  });

  it("shows the project's release the report states with the rest of the environment, and no measurement", () => {
    expect(withProjectVersionQuestion(classification, projectPackage(paths), "flair version is 0.4.5, it crashes").environment.frameworks).toEqual({ flair: "0.4.5" });
    expect(withProjectVersionQuestion(classification, projectPackage(paths), "it crashes").environment.frameworks).toEqual({});
    expect(withProjectVersionQuestion(classification, projectPackage(paths), "accuracy of flair 0.4986 only").environment.frameworks).toEqual({});
    // Already read by the environment reader: kept as it was.
    const read = makeClassification({ environment: { frameworks: { flair: "0.4.5" } }, missingFacts: [] });
    expect(withProjectVersionQuestion(read, projectPackage(paths), "flair 0.4.5").environment.frameworks).toEqual({ flair: "0.4.5" });
  });

  it("lists the project's release right after the frameworks, before the machine and the other packages", () => {
    const env = { frameworks: { numpy: "1.18.1", torch: "1.6.0" }, python: "3.7", os: "Ubuntu 18.04" };
    const stated = withProjectVersionQuestion(makeClassification({ environment: env, missingFacts: [] }), projectPackage(paths), "flair version is 0.4.5, it crashes");
    expect(stated.environment.project).toBe("flair");
    expect(describeEnvironment(stated.environment)).toEqual(["torch 1.6.0", "flair 0.4.5", "Python 3.7", "Ubuntu 18.04", "numpy 1.18.1"]);
  });
});

describe("maskableProjectName", () => {
  it("masks a project's own name, not a generic package name that is a word of the reports", () => {
    expect(maskableProjectName("horovod")).toBe("horovod");
    expect(maskableProjectName("training")).toBeUndefined();
    expect(maskableProjectName("utils")).toBeUndefined();
    expect(maskableProjectName(undefined)).toBeUndefined();
  });
});

describe("classifierOwnNames", () => {
  it("masks the repository's name beside its package, as the classifier was trained (opencv/opencv's package is cv2)", () => {
    expect(classifierOwnNames("cv2", "opencv")).toEqual(["cv2", "opencv"]);
    expect(classifierOwnNames("horovod", "horovod")).toEqual(["horovod"]);
    expect(classifierOwnNames("pytorch_lightning", "pytorch-lightning")).toEqual(["pytorch_lightning", "pytorch-lightning"]);
    // Neither when it is a word of the reports.
    expect(classifierOwnNames("utils", "models")).toEqual([]);
    expect(classifierOwnNames(undefined)).toEqual([]);
  });
});
