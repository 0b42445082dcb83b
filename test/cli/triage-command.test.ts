import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { main } from "../../src/cli/main.js";
import type { TriageResult } from "../../src/types.js";
import { createGitRepo, makeTempDir, writeFiles, type GitRepo } from "../helpers/git-fixture.js";
import { captureIo, hasStackTrace, rankedPathsOf } from "./cli-io.js";
import { NORMALIZE_ISSUE, TINY_PROJECT, TRANSFORMS_PY } from "./tiny-project.js";

// commit 0: Normalize lives in tinynet/data/transforms.py
// commit 1: Normalize moves to tinynet/data/normalize.py; transforms.py keeps only ToTensor
// working tree (uncommitted): a copy of Normalize in tinynet/data/wip_normalize.py
let repo: GitRepo;
const temp = makeTempDir();
const NORMALIZE_ONLY = TRANSFORMS_PY.replace(/\nclass ToTensor:[\s\S]*$/, "");
const TO_TENSOR_ONLY = "import torch\n" + TRANSFORMS_PY.slice(TRANSFORMS_PY.indexOf("\nclass ToTensor:"));

beforeAll(() => {
  repo = createGitRepo(TINY_PROJECT, {
    commits: [{ files: { "tinynet/data/transforms.py": TO_TENSOR_ONLY, "tinynet/data/normalize.py": NORMALIZE_ONLY }, message: "Move Normalize" }],
  });
  writeFiles(repo.dir, { "tinynet/data/wip_normalize.py": NORMALIZE_ONLY });
});
afterAll(() => {
  repo.cleanup();
  temp.cleanup();
});

const issueArgs = ["--title", NORMALIZE_ISSUE.title, "--body", NORMALIZE_ISSUE.body];

async function triageJson(args: string[]): Promise<TriageResult> {
  const io = captureIo();
  const code = await main(["triage", ...args, "--format", "json"], io);
  expect({ code, stderr: io.stderrText }).toEqual({ code: 0, stderr: "" });
  return JSON.parse(io.stdoutText) as TriageResult;
}

describe("mltriage triage", () => {
  it("takes a title that starts with a dash as the title (pytorch-lightning#2669: '--gpus flag with ...')", async () => {
    const result = await triageJson(["--repo", repo.dir, "--ref", repo.commits[0]!, "--title", "--gpus flag breaks Normalize", "--body", NORMALIZE_ISSUE.body]);
    expect(result.issue.title).toBe("--gpus flag breaks Normalize");
  });

  it("names the --config file and its problems on stderr, and still triages with the defaults", async () => {
    const dir = makeTempDir();
    const path = join(dir.dir, "bad.yml");
    writeFileSync(path, "topFiles: [\n  bad");
    const io = captureIo();
    expect(await main(["triage", "--repo", repo.dir, "--ref", repo.commits[0]!, ...issueArgs, "--config", path], io)).toBe(0);
    expect(io.stderrText).toContain(`note: --config ${path}: (file): YAML syntax error:`);
    expect(io.stderrText).toContain("(all defaults are used)");
    expect(rankedPathsOf(io.stdoutText)[0]).toBe("tinynet/data/transforms.py");
    dir.cleanup();
  });

  it("says an unknown --config field is ignored, without claiming a default for it", async () => {
    const dir = makeTempDir();
    const path = join(dir.dir, "unknown.yml");
    writeFileSync(path, "topFile: 3\n");
    const io = captureIo();
    expect(await main(["triage", "--repo", repo.dir, "--ref", repo.commits[0]!, ...issueArgs, "--config", path], io)).toBe(0);
    const notes = io.stderrText.split("\n").filter((line) => line.includes("topFile:"));
    expect(notes).toEqual([`note: --config ${path}: topFile: unknown field (did you mean "topFiles"?); it is ignored`]);
    dir.cleanup();
  });

  it("prints the comment with the file that holds the bug ranked first", async () => {
    const io = captureIo();
    const code = await main(["triage", "--repo", repo.dir, "--ref", repo.commits[0]!, ...issueArgs], io);
    expect(code).toBe(0);
    const ranked = rankedPathsOf(io.stdoutText);
    // Only transforms.py holds Normalize, mean, std, channel and image: every strong word of the report.
    expect(ranked[0]).toBe("tinynet/data/transforms.py");
    expect(ranked.length).toBeGreaterThan(1);
    expect(new Set(ranked).size).toBe(ranked.length);
  });

  it("prints the full result as JSON: files indexed, ranked files with evidence, timings", async () => {
    const r = await triageJson(["--repo", repo.dir, "--ref", repo.commits[0]!, ...issueArgs, "--top", "3"]);
    expect(r.tool.name).toBe("mltriage");
    expect(r.issue.title).toBe(NORMALIZE_ISSUE.title);
    expect(r.repository.commit).toBe(repo.commits[0]);
    // In scope at commit 0: five .py files and requirements.txt; README.md is not indexed.
    expect(r.filesIndexed).toBe(6);
    expect(r.localization.localizer).toBe("learned");
    expect(r.localization.ranked.length).toBeLessThanOrEqual(3);
    expect(r.localization.ranked[0]!.path).toBe("tinynet/data/transforms.py");
    const scores = r.localization.ranked.map((f) => f.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(r.localization.ranked[0]!.evidence.length).toBeGreaterThan(0);
    expect(r.localization.ranked[0]!.evidence).toContainEqual(expect.objectContaining({ kind: "terms", detail: expect.stringContaining("normalize") }));
    expect(r.localization.byLocalizer.learned!.ranked).toEqual(r.localization.ranked);
    for (const step of ["index", "localize"]) expect(r.timings[step]).toBeGreaterThanOrEqual(0);
  });

  it("reads the commit given by --ref, not the working tree", async () => {
    const first = await triageJson(["--repo", repo.dir, "--ref", repo.commits[0]!, ...issueArgs]);
    const firstPaths = first.localization.ranked.map((f) => f.path);
    expect(firstPaths).not.toContain("tinynet/data/normalize.py"); // added later
    expect(firstPaths).not.toContain("tinynet/data/wip_normalize.py"); // never committed

    const head = await triageJson(["--repo", repo.dir, "--ref", "HEAD", ...issueArgs]);
    expect(head.repository.commit).toBe(repo.commits[1]);
    expect(head.localization.ranked[0]!.path).toBe("tinynet/data/normalize.py");
    expect(head.localization.ranked.map((f) => f.path)).not.toContain("tinynet/data/wip_normalize.py");

    // Without --ref the folder is read as it is on disk, uncommitted file included.
    const disk = await triageJson(["--repo", repo.dir, ...issueArgs]);
    expect(disk.repository.commit).toBeNull();
    expect(disk.filesIndexed).toBe(head.filesIndexed + 1);
    expect(disk.localization.ranked.slice(0, 2).map((f) => f.path).sort()).toEqual(["tinynet/data/normalize.py", "tinynet/data/wip_normalize.py"]);
  });

  it("clones a file:// URL given as --repo", async () => {
    const url = pathToFileURL(repo.dir).href;
    const r = await triageJson(["--repo", url, ...issueArgs]);
    expect(r.repository).toEqual({ source: url, commit: repo.commits[1], framework: "torch" });
    expect(r.localization.ranked[0]!.path).toBe("tinynet/data/normalize.py");
    const old = await triageJson(["--repo", url, "--ref", repo.commits[0]!, ...issueArgs]);
    expect(old.localization.ranked[0]!.path).toBe("tinynet/data/transforms.py");
  });

  it("counts only commits made before --created in the history evidence, as the app does with the issue's date", async () => {
    const commitEvidence = (r: TriageResult) =>
      r.localization.ranked.flatMap((f) => f.evidence.filter((e) => e.kind === "commit" && e.detail.includes("Move Normalize")));
    expect(commitEvidence(await triageJson(["--repo", repo.dir, "--ref", "HEAD", ...issueArgs]))).not.toEqual([]);
    // Filed between the first commit (2020-01-01) and "Move Normalize" (2020-01-02): that change came after it.
    expect(commitEvidence(await triageJson(["--repo", repo.dir, "--ref", "HEAD", ...issueArgs, "--created", "2020-01-01T12:00:00Z"]))).toEqual([]);
    const io = captureIo();
    expect(await main(["triage", "--repo", repo.dir, ...issueArgs, "--created", "last week"], io)).toBe(2);
    expect(io.stderrText.split("\n")[0]).toContain("--created must be an ISO date");
    // A day that does not exist is refused, not moved to March.
    const feb = captureIo();
    expect(await main(["triage", "--repo", repo.dir, ...issueArgs, "--created", "2021-02-29"], feb)).toBe(2);
  });

  it("reads the body from --body-file", async () => {
    const bodyFile = join(temp.dir, "issue.md");
    writeFileSync(bodyFile, NORMALIZE_ISSUE.body);
    const fromFile = await triageJson(["--repo", repo.dir, "--ref", repo.commits[0]!, "--title", NORMALIZE_ISSUE.title, "--body-file", bodyFile]);
    const inline = await triageJson(["--repo", repo.dir, "--ref", repo.commits[0]!, ...issueArgs]);
    expect(fromFile.localization.ranked).toEqual(inline.localization.ranked);
  });

  it("runs the localizers named by --localizers beside the default, once each", async () => {
    const r = await triageJson(["--repo", repo.dir, "--ref", repo.commits[0]!, ...issueArgs, "--localizers", "bm25,default"]);
    // "default" is the learned ranker, which always runs: it is not run a second time.
    expect(r.localization.localizer).toBe("learned");
    expect(Object.keys(r.localization.byLocalizer)).toEqual(["learned", "bm25"]);
  });
});

describe("mltriage triage with bad input", () => {
  const cases: { name: string; args: () => string[]; code: number; message: RegExp }[] = [
    { name: "no --repo", args: () => [...issueArgs], code: 2, message: /--repo is required/ },
    { name: "no --title", args: () => ["--repo", repo.dir, "--body", "x"], code: 2, message: /--title is required/ },
    { name: "a blank --title", args: () => ["--repo", repo.dir, "--title", "  "], code: 2, message: /--title is required/ },
    { name: "--top 0", args: () => ["--repo", repo.dir, ...issueArgs, "--top", "0"], code: 2, message: /--top must be a positive integer, got "0"/ },
    { name: "--top abc", args: () => ["--repo", repo.dir, ...issueArgs, "--top", "abc"], code: 2, message: /--top must be a positive integer/ },
    { name: "--format xml", args: () => ["--repo", repo.dir, ...issueArgs, "--format", "xml"], code: 2, message: /--format must be markdown or json/ },
    { name: "an unknown option", args: () => ["--repo", repo.dir, ...issueArgs, "--frobnicate"], code: 2, message: /--frobnicate/ },
    { name: "a stray positional argument", args: () => ["--repo", repo.dir, ...issueArgs, "extra"], code: 2, message: /extra/ },
    { name: "both --body and --body-file", args: () => ["--repo", repo.dir, ...issueArgs, "--body-file", "x.md"], code: 2, message: /not both/ },
    { name: "an unreadable --body-file", args: () => ["--repo", repo.dir, "--title", "t", "--body-file", join(temp.dir, "absent.md")], code: 2, message: /cannot read --body-file .*absent\.md: ENOENT/ },
    { name: "an unknown localizer", args: () => ["--repo", repo.dir, ...issueArgs, "--localizers", "nope"], code: 2, message: /unknown localizer "nope"/ },
    { name: "a repository that does not exist", args: () => ["--repo", join(temp.dir, "no-such-repo"), ...issueArgs], code: 1, message: /no-such-repo is not a folder or a git URL/ },
    { name: "a commit that does not exist", args: () => ["--repo", repo.dir, "--ref", "0badc0de", ...issueArgs], code: 1, message: /commit 0badc0de not found/ },
    { name: "--ref on a folder that is not a repository", args: () => ["--repo", temp.dir, "--ref", "HEAD", ...issueArgs], code: 1, message: /is not a git repository/ },
    { name: "an unreachable clone URL", args: () => ["--repo", pathToFileURL(join(temp.dir, "gone")).href, ...issueArgs], code: 1, message: /^mltriage triage: cannot clone file:/ },
  ];

  for (const c of cases) {
    it(`exits ${c.code} with a one-line reason and no stack trace for ${c.name}`, async () => {
      const io = captureIo();
      const code = await main(["triage", ...c.args()], io);
      expect(code).toBe(c.code);
      expect(io.stdoutText).toBe("");
      const firstLine = io.stderrText.split("\n")[0]!;
      expect(firstLine).toMatch(/^mltriage triage: /);
      expect(firstLine).toMatch(c.message);
      expect(hasStackTrace(io.stderrText)).toBe(false);
    });
  }
});

describe("mltriage main", () => {
  it("prints usage for --help (exit 0) and for no command (exit 2)", async () => {
    const help = captureIo();
    expect(await main(["--help"], help)).toBe(0);
    expect(help.stdoutText).toContain("mltriage triage --repo");
    expect(help.stdoutText).toContain("mltriage eval --dataset");
    const none = captureIo();
    expect(await main([], none)).toBe(2);
  });

  it("prints a command's usage for <command> --help (exit 0) instead of rejecting the option", async () => {
    for (const [command, expected] of [["triage", "mltriage triage --repo"], ["eval", "mltriage eval --dataset"]] as const) {
      const io = captureIo();
      expect(await main([command, "--help"], io)).toBe(0);
      expect(io.stdoutText).toContain(expected);
      expect(io.stderrText).toBe("");
    }
  });

  it("prints its version", async () => {
    const io = captureIo();
    expect(await main(["--version"], io)).toBe(0);
    expect(io.stdoutText).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("rejects an unknown command with exit 2", async () => {
    const io = captureIo();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(io.stderrText.split("\n")[0]).toBe('mltriage: unknown command "frobnicate"');
  });
});
