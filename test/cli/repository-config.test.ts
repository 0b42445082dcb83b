import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { readRepositoryConfig } from "../../src/cli/repository-config.js";
import { defaultRepoConfig } from "../../src/config/repo-config.js";
import { folderFileReader, gitFileReader } from "../../src/repo/repository-file.js";
import type { TriageResult } from "../../src/types.js";
import { createGitRepo, makeTempDir, writeFiles, type GitRepo } from "../helpers/git-fixture.js";
import { captureIo, rankedPathsOf } from "./cli-io.js";
import { NORMALIZE_ISSUE, TINY_PROJECT } from "./tiny-project.js";

// commit 0: no .github/mltriage.yml
// commit 1: topFiles: 2
// commit 2: a misspelt field (topFile: 3)
// commit 3: scope excludes the file that holds the bug
// working tree (uncommitted): topFiles: 1
const CONFIG = ".github/mltriage.yml";
let repo: GitRepo;
const temp = makeTempDir();

beforeAll(() => {
  repo = createGitRepo(TINY_PROJECT, {
    commits: [
      { files: { [CONFIG]: "topFiles: 2\n" }, message: "Show two files" },
      { files: { [CONFIG]: "topFile: 3\n" }, message: "Misspell a field" },
      { files: { [CONFIG]: "scope:\n  exclude: ['tinynet/data/transforms.py']\n" }, message: "Leave transforms out" },
    ],
  });
  writeFiles(repo.dir, { [CONFIG]: "topFiles: 1\n" });
});
afterAll(() => {
  repo.cleanup();
  temp.cleanup();
});

const issueArgs = ["--title", NORMALIZE_ISSUE.title, "--body", NORMALIZE_ISSUE.body];

async function triage(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await main(["triage", "--repo", repo.dir, ...issueArgs, ...args], io);
  return { code, stdout: io.stdoutText, stderr: io.stderrText };
}

describe("mltriage triage reads the repository's own .github/mltriage.yml", () => {
  it("at the analysed commit: the file of that commit, and the defaults where there is none", async () => {
    const withFile = await triage(["--ref", repo.commits[1]!]);
    expect(withFile.code).toBe(0);
    expect(rankedPathsOf(withFile.stdout)).toHaveLength(2);
    expect(withFile.stderr).toBe("");

    const without = await triage(["--ref", repo.commits[0]!]);
    expect(rankedPathsOf(without.stdout).length).toBeGreaterThan(2);
  });

  it("in a working folder: the file as it is on disk, uncommitted changes included", async () => {
    const folder = await triage([]);
    expect(rankedPathsOf(folder.stdout)).toHaveLength(1);
  });

  it("applies its scope to what is ranked", async () => {
    const io = captureIo();
    expect(await main(["triage", "--repo", repo.dir, "--ref", repo.commits[3]!, ...issueArgs, "--format", "json"], io)).toBe(0);
    const result = JSON.parse(io.stdoutText) as TriageResult;
    const paths = result.localization.ranked.map((f) => f.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths).not.toContain("tinynet/data/transforms.py");
  });

  it("reports its problems on stderr, naming the file and the commit, and in the comment, as --config does", async () => {
    const bad = await triage(["--ref", repo.commits[2]!]);
    expect(bad.code).toBe(0);
    const notes = bad.stderr.split("\n").filter((line) => line.includes("topFile:"));
    expect(notes).toEqual([`note: ${CONFIG} at ${repo.commits[2]!.slice(0, 12)}: topFile: unknown field (did you mean "topFiles"?); it is ignored`]);
    expect(bad.stdout).toContain("`.github/mltriage.yml` has problems");
  });

  it("is not read when --config names a file: that file wins", async () => {
    const path = join(temp.dir, "three.yml");
    writeFileSync(path, "topFiles: 3\n");
    const explicit = await triage(["--ref", repo.commits[2]!, "--config", path]);
    expect(rankedPathsOf(explicit.stdout)).toHaveLength(3);
    expect(explicit.stderr).not.toContain(CONFIG);
  });
});

describe("repository file readers", () => {
  it("read a file of a commit or of the folder, and answer undefined for a missing path or a folder", async () => {
    const atCommit = gitFileReader(repo.gitDir, repo.commits[1]!);
    expect(await atCommit(CONFIG)).toBe("topFiles: 2\n");
    expect(await gitFileReader(repo.gitDir, repo.commits[0]!)(CONFIG)).toBeUndefined();
    expect(await atCommit(".github")).toBeUndefined();
    const folder = folderFileReader(repo.dir);
    expect(await folder(CONFIG)).toBe("topFiles: 1\n");
    expect(await folder(".github/mltriage.yaml")).toBeUndefined();
    expect(await folder(".github")).toBeUndefined();
  });

  it("follow no symbolic link, in a folder or a commit, and read no device: the config is reported unreadable (robustness review)", async () => {
    const linked = createGitRepo({ ...TINY_PROJECT });
    try {
      mkdirSync(join(linked.dir, ".github"), { recursive: true });
      writeFileSync(join(temp.dir, "outside.yml"), "topFiles: 1\n");
      symlinkSync(join(temp.dir, "outside.yml"), join(linked.dir, CONFIG));
      await expect(folderFileReader(linked.dir)(CONFIG)).rejects.toThrow("symbolic link");
      const read = await readRepositoryConfig(folderFileReader(linked.dir));
      expect(read.config).toEqual(defaultRepoConfig());
      expect(read.problems).toEqual([{ path: "(file)", message: "could not be read (it is a symbolic link, which is not followed)" }]);
      execFileSync("git", ["-C", linked.dir, "add", "-A"]);
      execFileSync("git", ["-C", linked.dir, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-qm", "link the config"]);
      const head = execFileSync("git", ["-C", linked.dir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
      await expect(gitFileReader(join(linked.dir, ".git"), head)(CONFIG)).rejects.toThrow("symbolic link");
      rmSync(join(linked.dir, CONFIG));
      symlinkSync("/dev/zero", join(linked.dir, CONFIG));
      await expect(folderFileReader(linked.dir)(CONFIG)).rejects.toThrow("symbolic link");
    } finally {
      linked.cleanup();
    }
  });
});

describe("readRepositoryConfig", () => {
  it("keeps the file's fields, and flags an _extends the CLI cannot follow", async () => {
    const own = await readRepositoryConfig(async () => "_extends: .github\ntopFiles: 2\n");
    expect(own.config.topFiles).toBe(2);
    expect(own.problems).toEqual([]);
    expect(own.extendsIgnored).toBe(true);
  });

  it("turns a file that cannot be read into a problem of the file, with the defaults", async () => {
    const own = await readRepositoryConfig(async () => {
      throw new Error("EACCES: permission denied");
    });
    expect(own.config).toEqual(defaultRepoConfig());
    expect(own.problems).toEqual([{ path: "(file)", message: "could not be read (EACCES: permission denied)" }]);
  });
});
