import { ASK } from "../../src/classify/missing-facts.js";
import { withFrameworkNamed } from "../../src/pipeline/repository-framework.js";
import { ASK_ERROR, ASK_REPRODUCER } from "../../src/classify/missing-details.js";
import { missingFacts } from "../../src/classify/missing-facts.js";
import { describe, it, expect } from "@jest/globals";
import MarkdownIt from "markdown-it";
import {
  COMMENT_MARKER,
  isBotComment,
  MAX_COMMENT_LENGTH,
  parseCommentMeta,
  parseLabelCheckboxes,
  renderComment,
  type RenderInput,
} from "../../src/render/render-comment.js";
import { planLabels } from "../../src/labels/plan-labels.js";
import { defaultRepoConfig, parseRepoConfig, type RepoConfig } from "../../src/config/repo-config.js";
import { ZWJ } from "../../src/render/escape-markdown.js";
import type { RankedFile, TriageResult } from "../../src/types.js";
import { COMMIT, gpuExtrinsicResult, makeClassification, makeResult, questionResult } from "./fixtures/triage-results.js";

const md = new MarkdownIt({ html: true, linkify: false });
const repo = { owner: "octo-org", name: "tiny-vision" };

function render(result: TriageResult, extra: Partial<RenderInput> & { config?: RepoConfig } = {}): string {
  const config = extra.config ?? defaultRepoConfig();
  return renderComment({ result, config, repo, suggestedLabels: planLabels(result, config), ...extra });
}

/** Index of each needle in the body, to check the order of sections. */
function positions(body: string, needles: string[]): number[] {
  return needles.map((needle) => {
    const index = body.indexOf(needle);
    expect(index).toBeGreaterThanOrEqual(0);
    return index;
  });
}

function isAscending(values: number[]): boolean {
  return values.every((value, i) => i === 0 || value > values[i - 1]!);
}

function withFiles(files: RankedFile[]): TriageResult {
  const base = makeResult();
  return makeResult({ localization: { ...base.localization, ranked: files, byLocalizer: {} } });
}

describe("renderComment", () => {
  it("renders a tensor bug with a traceback: summary, linked files, verdicts, labels, feedback, footer", () => {
    const body = render(makeResult());
    expect(body).toMatchSnapshot();
    expect(
      isAscending(
        positions(body, [
          "Looks like a **Tensor \\& Input** bug",
          "**Files most likely to hold the bug**",
          "**Bug type:**",
          "**Suggested labels**",
          "/mltriage files +path/a.py -path/b.py",
          COMMENT_MARKER,
        ]),
      ),
    ).toBe(true);
    // The traceback frame's line becomes the link anchor, at the analysed commit.
    expect(body).toContain(`(https://github.com/octo-org/tiny-vision/blob/${COMMIT}/tinyvision/models/classifier.py#L57)`);
    expect(body).toContain("1. [`tinyvision/models/classifier.py`]");
    expect(body).toContain("in the traceback (line 57)");
    expect(body).toContain("**Bug type:** Tensor \\& Input (81%)");
    expect(body).toContain("probably in this repository's code (intrinsic, 86%)");
    expect(body).toContain("- [ ] `bug: tensor & input`");
    expect(body).toContain("`/mltriage rerun`");
    expect(body).toContain("`/mltriage help`");
    expect(isBotComment(body)).toBe(true);
  });

  it("says only that no outside cause shows when nothing in the report supports an intrinsic verdict, and leaves it out of the lead", () => {
    const base = makeClassification();
    // 89% with no evidence is the base rate speaking: "possibly in this repository's code (89%)" would contradict itself.
    const result = makeResult({ classification: { ...base, extrinsic: { ...base.extrinsic, confidence: 0.89, evidence: [] } } });
    const body = render(result);
    expect(body).toContain("**Cause:** no sign of a cause outside this repository (intrinsic, 89%)");
    expect(body).not.toMatch(/in this repository's code/);
  });

  it("calls a supported but unsure intrinsic verdict 'possibly' (below 50% when the extrinsic cut is above it)", () => {
    const base = makeClassification();
    const result = makeResult({ classification: { ...base, extrinsic: { ...base.extrinsic, confidence: 0.45, evidence: ["has a traceback"] } } });
    expect(render(result)).toContain("**Cause:** possibly in this repository's code (intrinsic, 45%): has a traceback");
  });

  it("shows only the configured number of files", () => {
    const body = render(makeResult(), { config: parseRepoConfig({ topFiles: 2 }).config });
    expect(body).toContain("2. [`tinyvision/data/collate.py`]");
    expect(body).not.toContain("3. [`");
  });

  it("asks for the error as text and a reproducer first, and puts the command line after the facts it answers", () => {
    const base = gpuExtrinsicResult();
    const classification = { ...base.classification!, missingDetails: [ASK_ERROR, ASK_REPRODUCER] };
    const body = render({ ...base, classification });
    const order = [`- ${ASK_ERROR}`, `- ${ASK_REPRODUCER}`, "- CUDA version", "the quickest way is to paste"];
    expect(isAscending(positions(body, order))).toBe(true);
    // With no environment fact missing, the details are still asked, and no command is offered for them.
    const onlyDetails = render(makeResult({ classification: { ...makeClassification(), missingDetails: [ASK_REPRODUCER] } }));
    expect(onlyDetails).toContain(`**To narrow it down, please add to the issue:**\n\n- ${ASK_REPRODUCER}`);
    expect(onlyDetails).not.toContain("the quickest way");
  });

  it("asks for the missing environment facts before softly showing files for an extrinsic GPU bug", () => {
    const body = render(gpuExtrinsicResult());
    expect(body).toMatchSnapshot();
    expect(body.split("\n")[0]).toBe(
      "Looks like a **GPU** bug, probably **extrinsic** (GPU, driver or CUDA). Files are shown with low confidence.",
    );
    expect(isAscending(positions(body, ["probably not a bug in this repository's code", "- CUDA version", "- GPU model", "Possible files, low confidence"]))).toBe(true);
    expect(body).toContain("`python -m torch.utils.collect_env`");
    expect(body).toContain("`nvidia-smi`");
    expect(body).toContain("(ranking confidence 31%)");
    expect(body).toContain("- [ ] `needs environment info`");
    expect(body).toContain("- [ ] `extrinsic`");
  });

  it("offers the commands line only when something asked is a version or the GPU, which they print", () => {
    const base = makeClassification();
    const flagsOnly = render(makeResult({ classification: { ...base, missingFacts: ["the build flags (the cmake or make command line)"] } }));
    expect(flagsOnly).toContain("- the build flags (the cmake or make command line)");
    expect(flagsOnly).not.toContain("the quickest way");
    const withVersion = render(makeResult({ classification: { ...base, missingFacts: ["the build flags (the cmake or make command line)", ASK.python] } }));
    expect(withVersion).toContain("For the versions, the quickest way is to paste the output of");
    // The pipeline asks a pyro report for "the PyTorch version", not "framework and version": still a version.
    const named = withFrameworkNamed(makeClassification({ missingFacts: [ASK.framework, "the dataset and its version"] }), "torch");
    const byName = render(makeResult({ classification: named, repository: { ...makeResult().repository, framework: "torch" } }));
    expect(byName).toContain("- the PyTorch version");
    expect(byName).toContain("For the versions, the quickest way is to paste the output of `python -m torch.utils.collect_env`");
  });

  it("states a build's compiler and CMake version with the environment", () => {
    const base = makeClassification();
    const environment = { frameworks: { mxnet: "1.2.0" }, os: "Ubuntu 16.04", build: { failedAtBuild: true as const, compiler: "g++ 5.4.0", cmakeVersion: "3.10.2" } };
    const body = render(makeResult({ classification: { ...base, environment } }));
    expect(body).toContain("**Environment stated:** `mxnet 1.2.0`, `Ubuntu 16.04`, `g++ 5.4.0`, `CMake 3.10.2`");
  });

  it("offers no package list or nvidia-smi for a failed build, whose questions name their own commands", () => {
    const gpu = gpuExtrinsicResult();
    const classification = { ...gpu.classification!, missingFacts: ["CUDA toolkit version (`nvcc --version`)"], buildFailure: true as const };
    const body = render({ ...gpu, classification });
    expect(body).toContain("- CUDA toolkit version (`nvcc --version`)");
    expect(body).not.toContain("the quickest way");
    expect(body).not.toContain("`nvidia-smi`");
    // Its fix may be in the repository's build files or sources: it is not called "not a bug in this repository's code".
    expect(body).toContain("**This looks like a failure of the build, not of the code at run time.** To check, please add to the issue:");
    expect(body).not.toContain("not a bug in this repository's code");
    // The files and the cause line say the same: a failed build, whose fix may be in the sources after all.
    const trusted = render({ ...gpu, classification, localizability: { confidence: 0.92, verdict: "show" as const, reasons: [] } });
    expect(trusted).not.toContain("the cause is probably outside this repository's code");
    expect(trusted).toContain("the build failed, so the fix may lie in how it is built. If the fix is in the sources, these are the likeliest places");
    expect(body).toContain("**Cause:** probably a failed build, not the code at run time (extrinsic, 79%)");
  });

  it("says where the fix of an extrinsic bug with nothing to ask more likely lies, by its likeliest cause", () => {
    const base = gpuExtrinsicResult();
    const withCause = (label: "gpu-driver-cuda" | "third-party-library") => ({
      ...base,
      classification: {
        ...base.classification!,
        extrinsic: { ...base.classification!.extrinsic, causes: [{ label, confidence: 0.7, evidence: [] }] },
        missingFacts: [],
        missingDetails: [],
      },
    });
    expect(render(withCause("gpu-driver-cuda"))).toContain("A change of driver, CUDA version or setting is more likely to fix it than a change of code.");
    const library = render(withCause("third-party-library"));
    expect(library).toContain("A version pin, or an update of the code for the library's change, is more likely to fix it.");
    expect(library).not.toContain("driver");
  });

  it("says when a possible outside cause rests on nothing the reporter wrote", () => {
    const base = makeResult();
    const possibly = (evidence: string[]) =>
      render({
        ...base,
        classification: { ...base.classification!, extrinsic: { label: "extrinsic", confidence: 0.57, evidence, causes: [] } },
      });
    expect(possibly([])).toContain("**Cause:** unclear: the classifier leans outside (extrinsic, 57%), but the report names no outside cause");
    expect(possibly([])).not.toContain("possibly outside");
    // An installed library that raised the error is said, as where the error comes from.
    const fromLibrary = render({
      ...base,
      classification: { ...base.classification!, extrinsic: { label: "extrinsic", confidence: 0.64, evidence: [], causes: [] }, raisedInLibrary: { library: "transformers", exceptionType: "ValueError" } },
    });
    expect(fromLibrary).toContain("**Cause:** unclear: the classifier leans outside (extrinsic, 64%); the report names no outside cause, but its error (ValueError) is raised inside the installed `transformers`");
    // Nor does the first line call it possibly extrinsic then.
    expect(possibly([]).split("\n")[0]).not.toContain("extrinsic");
    expect(possibly(["mentions `incompatible`"]).split("\n")[0]).toContain("possibly extrinsic");
    expect(possibly(["mentions `incompatible`"])).toContain("**Cause:** possibly outside this repository (extrinsic, 57%): mentions `incompatible`");
  });

  it("says both when the report's words point outside but its traceback raises the error in the repository's code", () => {
    const base = gpuExtrinsicResult();
    const raisedInProject = { path: "setup.py", line: 8, exceptionType: "UnicodeDecodeError" };
    const body = render({ ...base, classification: { ...base.classification!, raisedInProject } });
    // The quotes back the percentage, so they stand inside its parenthesis, before the doubt.
    expect(body).toMatch(/\*\*Cause:\*\* possibly outside this repository \(extrinsic, 79%: [^\n]+\), though the error \(UnicodeDecodeError\) is raised in this repository's `setup\.py`, printed as line 8(\\)?$/m);
    // Raised by the project's call into the standard library: said so.
    const throughStdlib = render({ ...base, classification: { ...base.classification!, raisedInProject: { ...raisedInProject, throughStandardLibrary: true } } });
    expect(throughStdlib).toContain("the error (UnicodeDecodeError) is raised by a call in this repository's `setup.py`, printed as line 8");
    expect(body).not.toContain("probably not a bug in this repository's code");
    expect(body).not.toContain("probably **extrinsic**");
    expect(body).not.toContain("- [ ] `extrinsic`");
  });

  it("puts the reporter's proposed change before the model's outside leaning, and asks nothing", () => {
    const base = gpuExtrinsicResult();
    const asking = render(base);
    expect(asking).toContain("please add to the issue");
    const proposedFix = { path: "horovod/common/__init__.py", line: 110 };
    const body = render({ ...base, classification: { ...base.classification!, proposedFix, missingFacts: [], missingDetails: [] } });
    // The reporter's checked proposal outweighs the model's leaning, which is said after it with what it read.
    expect(body).toMatch(/\*\*Cause:\*\* probably in this repository's code, where the report proposes a change to line 110 of `horovod\/common\/__init__\.py` \(the classifier leaned outside, extrinsic 79%: [^\n]+\)(\\)?$/m);
    expect(body.split("\n")[0]).not.toContain("extrinsic");
    expect(body.split("\n")[0]).toContain("in this repository's code");
    expect(body).not.toContain("please add to the issue");
    expect(body).not.toContain("- [ ] `extrinsic`");
  });

  it("says where in the code when the classifier's intrinsic call and the report's proposed change agree", () => {
    const base = makeResult();
    const proposedFix = { path: "tinyvision/models/classifier.py", line: 12 };
    const body = render({ ...base, classification: { ...base.classification!, proposedFix } });
    expect(body).toMatch(/^\*\*Cause:\*\* probably in this repository's code \(intrinsic, \d+%\), where the report proposes a change to line 12 of `tinyvision\/models\/classifier\.py`/m);
    expect(body.split("\n")[0]).toContain("in this repository's code");
  });

  it("says the code is likelier when an outside cause is flagged under even odds, and leaves it off the first line", () => {
    const base = makeResult();
    const body = render({
      ...base,
      classification: { ...base.classification!, extrinsic: { label: "extrinsic", confidence: 0.41, evidence: ["mentions `incompatible`"], causes: [] } },
    });
    expect(body).toContain("**Cause:** possibly outside this repository (extrinsic, 41%: mentions `incompatible`), though the code is likelier");
    expect(body.split("\n")[0]).not.toContain("extrinsic");
    // Every doubt in one clause; and none at 49.7%, shown as 50%.
    const raisedInProject = { path: "pkg/base.py", line: 246, exceptionType: "MXNetError" };
    const both = render({ ...base, classification: { ...base.classification!, raisedInProject, extrinsic: { label: "extrinsic", confidence: 0.48, evidence: ["mentions `tvm`"], causes: [] } } });
    expect(both).toContain(
      "**Cause:** possibly outside this repository (extrinsic, 48%: mentions `tvm`), though the code is likelier; the error (MXNetError) is raised in this repository's `pkg/base.py`, printed as line 246",
    );
    const unnamed = render({ ...base, classification: { ...base.classification!, raisedInProject, extrinsic: { label: "extrinsic", confidence: 0.48, evidence: [], causes: [] } } });
    expect(unnamed).toContain(
      "**Cause:** unclear: the classifier flags a possible outside cause (extrinsic, 48%), but the report names no outside cause, and the error (MXNetError) is raised in this repository's `pkg/base.py`, printed as line 246",
    );
    const half = render({ ...base, classification: { ...base.classification!, extrinsic: { label: "extrinsic", confidence: 0.497, evidence: ["mentions `tvm`"], causes: [] } } });
    expect(half).toContain("**Cause:** possibly outside this repository (extrinsic, 50%): mentions `tvm`");
  });

  it("marks a ranked test file as a test, so that it does not read as where the bug lies", () => {
    const base = makeResult();
    const test = { path: "tests/test_classifier.py", score: 0.5, evidence: [{ kind: "paired-test" as const, detail: "`tinyvision/models/classifier.py`" }], test: true as const };
    const body = render({ ...base, localization: { ...base.localization, ranked: [test, ...base.localization.ranked] } });
    expect(body).toMatch(/^1\. \[`tests\/test_classifier\.py`\]\([^)]*\) \(test\) — /m);
    expect(body).toMatch(/^2\. \[`tinyvision\/models\/classifier\.py`\]\([^)]*\) — /m);
  });

  it("names `pip list` once, in the commands line, when it also answers the question about other libraries", () => {
    const base = gpuExtrinsicResult();
    const environment = { frameworks: {} };
    const classification = {
      ...base.classification!,
      environment,
      missingFacts: missingFacts({ environment, extrinsicProbability: 0.79, gpuProbability: 0.1, causes: ["third-party-library"], isBugReport: true }),
    };
    expect(classification.missingFacts).toContain(ASK.otherLibraries);
    const body = render({ ...base, classification, repository: { source: base.repository.source, commit: base.repository.commit } });
    expect(body).toContain("- versions of the other libraries involved\n");
    expect(body.match(/`pip list`/g)).toHaveLength(1);
    // The same for nvidia-smi, which the driver question names and the commands line runs.
    const gpu = render(gpuExtrinsicResult());
    expect(gpu).toContain("- GPU driver version\n");
    expect(gpu.match(/`nvidia-smi`/g)).toHaveLength(1);
  });

  it("does not call a sound ranking 'low confidence' when only the extrinsic cause softens it", () => {
    const gpu = gpuExtrinsicResult();
    const result = { ...gpu, localizability: { confidence: 0.92, verdict: "show" as const, reasons: ["a traceback frame in the project"] } };
    const body = render(result);
    expect(body.split("\n")[0]).toBe("Looks like a **GPU** bug, probably **extrinsic** (GPU, driver or CUDA). Files are shown with a caution.");
    expect(body).toContain("**⚠️ Possible files.** If the cause is in the code after all, these are the likeliest places (at ");
    // "probably outside" is said by the first line and the cause section, not a third time over the files.
    expect(body.match(/probably outside this repository|probably \*\*extrinsic\*\*|probably not a bug in this repository/g)?.length).toBeLessThanOrEqual(3);
    expect(body).toMatch(/likeliest places \(at \[`[0-9a-f]{7}`\]\([^)]*\); ranking confidence 92%\):/);
    expect(body).not.toContain("low confidence");
  });

  it("asks for the environment report of the framework the repository imports when the reporter names none", () => {
    const base = gpuExtrinsicResult();
    const environment = { frameworks: {} };
    const classification = {
      ...base.classification!,
      environment,
      missingFacts: missingFacts({ environment, extrinsicProbability: 0.79, gpuProbability: 0.88, causes: ["gpu-driver-cuda"], isBugReport: true }),
    };
    const inTensorflow = render({ ...base, classification, repository: { ...base.repository, framework: "tensorflow" } });
    expect(inTensorflow).toContain("`python -c \"import platform, tensorflow as tf; print(tf.version.GIT_VERSION, tf.version.VERSION); print(platform.platform(), platform.python_version()); print(tf.sysconfig.get_build_info())\"`");
    expect(inTensorflow).not.toContain("torch.utils.collect_env");
    const unknown = render({ ...base, classification, repository: { source: base.repository.source, commit: base.repository.commit } });
    // pip list shows no OS, which the list asks for: a platform print goes with it.
    expect(unknown).toContain("`pip list` and `python -c \"import platform; print(platform.platform(), platform.python_version())\"`");
    expect(unknown).not.toContain("torch.utils.collect_env");
  });

  it("names no bug type in the first line when the type is unsure and nothing in the report points at it", () => {
    const unsure = (evidence: string[]) =>
      makeClassification({
        bugType: { label: "Training", confidence: 0.3, evidence, probabilities: { Training: 0.3, GPU: 0.2, Model: 0.16, API: 0.14, "Tensor & Input": 0.12, "non-DL": 0.08 } },
      });
    const bareBody = render(makeResult({ classification: unsure([]) }));
    const bare = bareBody.split("\n")[0];
    expect(bare).toMatch(/^A bug of unclear type in this repository's code\./);
    expect(bare).not.toContain("Training");
    expect(bareBody).toContain("**Bug type:** unclear (likeliest: Training, 30%)");
    const hinted = render(makeResult({ classification: unsure(['word "epoch"']) })).split("\n")[0];
    expect(hinted).toMatch(/^Might be a \*\*Training\*\* bug \(low confidence\)/);
  });

  it("names no bug type when an unsure type leads the next by a few points only", () => {
    const tie = makeClassification({
      bugType: { label: "Model", confidence: 0.27, evidence: ["title mentions `activation`"], probabilities: { Model: 0.27, GPU: 0.26, API: 0.17, Training: 0.15, "Tensor & Input": 0.1, "non-DL": 0.05 } },
    });
    const body = render(makeResult({ classification: tie }));
    expect(body.split("\n")[0]).toMatch(/^A bug of unclear type/);
    expect(body).toContain("**Bug type:** unclear (likeliest: Model, 27%)");
  });

  it("writes 'an' before a bug type that starts with a vowel", () => {
    const base = gpuExtrinsicResult();
    const classification = { ...base.classification!, bugType: { ...base.classification!.bugType, label: "API" as const } };
    expect(render({ ...base, classification }).split("\n")[0]).toMatch(/^Looks like an \*\*API\*\* bug/);
  });

  it("folds the files away when the ranking is too uncertain", () => {
    const result = makeResult({ localizability: { confidence: 0.1, verdict: "withhold", reasons: ["scores are flat"] } });
    const body = render(result);
    const details = body.indexOf("<details><summary>Show the uncertain ranking anyway</summary>");
    expect(details).toBeGreaterThan(0);
    expect(body.indexOf("1. [`tinyvision/models/classifier.py`]")).toBeGreaterThan(details);
    expect(body).toContain("The ranking is too uncertain to point at files.");
    expect(body).toContain("scores are flat");
  });

  it("does not put a high ranking confidence next to 'low confidence' when something else cautions the files", () => {
    // A bare report: the localizability model is confident, the pipeline cautions the files because the report says little.
    const reason = "the report says little (no error, code or file name)";
    const body = render(makeResult({ localizability: { confidence: 0.81, verdict: "soften", reasons: [reason] } }));
    expect(body).toContain(`**⚠️ Possible files, low confidence**: ${reason}`);
    expect(body).not.toContain("ranking confidence 81%");
  });

  it("applies the repository's stricter thresholds to the localizability confidence", () => {
    const strict = parseRepoConfig({ thresholds: { showFiles: 0.9, softenFiles: 0.8 } }).config;
    expect(render(makeResult(), { config: strict })).toContain("Show the uncertain ranking anyway");
    const soften = parseRepoConfig({ thresholds: { showFiles: 0.9 } }).config;
    expect(render(makeResult(), { config: soften })).toContain("Possible files, low confidence");
  });

  it("gives a question a short note and no ranking", () => {
    const body = render(questionResult());
    expect(body).toMatchSnapshot();
    expect(body).toContain("This looks like a **question** (90%) rather than a bug report");
    expect(body).not.toContain("/blob/");
    expect(body).not.toContain("**Bug type:**");
    expect(body).not.toContain("mltriage:labels");
    expect(body).not.toContain("/mltriage files");
    // No files were ranked, so the footer names no ranker (the hidden meta line keeps it for tools).
    expect(body).not.toContain("files ranked by");
    expect(parseCommentMeta(body).localizer).toBeDefined();
    expect(isBotComment(body)).toBe(true);
  });

  it("advises a docs report on what would make it a code bug, not to say what happens", () => {
    const docs = makeResult({ classification: makeClassification({ reportKind: { label: "docs", confidence: 0.75, evidence: ["title is about `docs`"] } }) });
    const body = render(docs);
    expect(body).toContain("If the code is at fault rather than the documentation, add the steps that show it");
    expect(body).not.toContain("add what happens");
  });

  it("says once, at the top, which config fields are invalid", () => {
    const { config, problems } = parseRepoConfig({ topFiles: "many", labels: { prefix: 3 }, colour: "red" });
    const body = render(makeResult(), { config, configProblems: problems });
    expect(body).toMatchSnapshot();
    expect(body.startsWith("> [!WARNING]\n> `.github/mltriage.yml` has problems")).toBe(true);
    // An invalid value falls back to its default; an unknown field has none, it is ignored.
    expect(body).toContain('> - `topFiles`: expected number, got string "many" (the default is used)');
    expect(body).toContain("> - `labels.prefix`: expected string, got number 3 (the default is used)");
    expect(body).toMatch(/> - `colour`: unknown field.*; it is ignored\n/);
    expect(body).not.toMatch(/it is ignored.*default|use their defaults/);
    expect(body.match(/has problems/g)).toHaveLength(1);
  });

  it("keeps odd file names from breaking the markdown", () => {
    const odd = ["a|b.py", "x`y.py", "@user.py", "<script>.py", "dir (copy)/[x].py"];
    const body = render(withFiles(odd.map((path, i) => ({ path, score: 1 - i / 10, evidence: [{ kind: "terms", detail: path }] }))));
    expect(body).toMatchSnapshot();
    const html = md.render(body);
    expect(html).not.toMatch(/<script/);
    const links = [...html.matchAll(/<a href="([^"]+)"><code>([^<]*)<\/code><\/a>/g)];
    const fileLinks = links.filter((link) => link[1]!.includes("/blob/"));
    expect(fileLinks.map((link) => decodeHtml(link[2]!))).toEqual(odd);
    expect(fileLinks.map((link) => decodeURIComponent(link[1]!.split(`/blob/${COMMIT}/`)[1]!))).toEqual(odd);
    // One list item per file: nothing merged or split.
    const orderedList = html.slice(html.indexOf("<ol>"), html.indexOf("</ol>"));
    expect(orderedList.match(/<li>/g)).toHaveLength(odd.length);
    // Outside code (where GitHub links nothing) the mention is broken up by a zero-width joiner.
    expect(html.replace(/<code>.*?<\/code>/g, "")).not.toMatch(/@user/);
    expect(html).toContain(`@${ZWJ}user.py`);
  });

  it("neutralises @-mentions and issue references that come from evidence", () => {
    const result = withFiles([
      {
        path: "src/model.py",
        score: 1,
        evidence: [
          { kind: "similar-issue", detail: "like #123 reported by @octocat (cc @org/team)" },
          { kind: "terms", detail: "see owner/repo#9" },
        ],
      },
    ]);
    const body = render(result);
    expect(body).toMatchSnapshot();
    expect(body).not.toMatch(/@[A-Za-z]/);
    expect(body).not.toMatch(/#\d/);
    expect(body).toContain(`#${ZWJ}123 reported by @${ZWJ}octocat`);
  });

  it("ticks the boxes of labels already on the issue and reads them back", () => {
    const result = gpuExtrinsicResult();
    const body = render(result, { appliedLabels: ["Extrinsic", "help wanted"] });
    expect(parseLabelCheckboxes(body)).toEqual([
      { label: "bug: GPU", checked: false },
      { label: "extrinsic", checked: true },
      { label: "needs environment info", checked: false },
    ]);
    // A maintainer ticks the GPU box in the GitHub UI.
    const edited = body.replace("- [ ] `bug: GPU`", "- [x] `bug: GPU`");
    expect(parseLabelCheckboxes(edited)[0]).toEqual({ label: "bug: GPU", checked: true });
  });

  it("keeps a ticked box for a managed label on the issue that is no longer suggested", () => {
    const body = render(makeResult(), { appliedLabels: ["bug: GPU"] });
    expect(body).toContain("- [x] `bug: GPU` — on the issue");
  });

  it("says labels were applied when auto-apply is on", () => {
    const body = render(makeResult(), { config: parseRepoConfig({ autoApplyLabels: true }).config, appliedLabels: ["bug: tensor & input"] });
    expect(body).toContain("applied automatically; untick a box to remove a label");
    expect(body).toContain("- [x] `bug: tensor & input`");
  });

  it("renders a ranking without a classification", () => {
    const body = render(makeResult({ classification: undefined, localizability: undefined }));
    expect(body).toContain("The files most likely to hold it are below.");
    expect(body).not.toContain("**Bug type:**");
    expect(body).not.toContain("mltriage:labels");
  });

  it("says so when no file matched", () => {
    const body = render(withFiles([]));
    expect(body).toContain("No file of the repository matched the report.");
    expect(body).not.toContain("/blob/");
  });

  it("records versions and the commit in the hidden meta line", () => {
    const body = render(makeResult());
    expect(parseCommentMeta(body)).toEqual({ version: "0.1.0", localizer: "fusion@1", classifier: "keywords-1", commit: COMMIT });
    expect(body.trimEnd().endsWith("-->")).toBe(true);
  });

  it("is deterministic", () => {
    expect(render(gpuExtrinsicResult())).toBe(render(gpuExtrinsicResult()));
  });

  it("stays under GitHub's size limit with huge evidence, keeping the labels and the marker", () => {
    const long = "x".repeat(5000);
    const files: RankedFile[] = Array.from({ length: 20 }, (_, i) => ({
      path: `${"deep/".repeat(300)}file${i}.py`,
      score: 1 - i / 100,
      evidence: Array.from({ length: 40 }, () => ({ kind: "terms" as const, detail: long })),
    }));
    const base = makeResult();
    const byLocalizer = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`loc${i}`, { localizer: `loc${i}`, version: "1", ranked: files }]),
    );
    const result = makeResult({
      localization: { ...base.localization, ranked: files, byLocalizer },
      classification: makeClassification({ missingFacts: Array.from({ length: 50 }, () => long) }),
    });
    const body = render(result, {
      config: parseRepoConfig({ topFiles: 20 }).config,
      configProblems: Array.from({ length: 500 }, (_, i) => ({ path: `p${i}`, message: long })),
    });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(isBotComment(body)).toBe(true);
    expect(parseLabelCheckboxes(body).length).toBeGreaterThan(0);
    expect(body.match(/<details>/g)?.length ?? 0).toBe(body.match(/<\/details>/g)?.length ?? 0);
  });
});

function decodeHtml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}
