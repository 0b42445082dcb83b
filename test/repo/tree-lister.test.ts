import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import { BlobReader, GitError, listTree, type TreeEntry } from "../../src/repo/git.js";
import { parseTree, TreeLister } from "../../src/repo/tree-lister.js";
import { createGitRepo, makeTempDir, runGit, writeFiles, type GitRepo } from "../helpers/git-fixture.js";

let repo: GitRepo;
let withSubmodule: string;

beforeAll(() => {
  repo = createGitRepo(
    {
      "pkg/model.py": "class Net:\n    pass\n",
      "pkg/sub/deep/x.py": "x = 1\n",
      "pkg-extra.py": "y = 2\n", // sorts between "pkg" and "pkg/" as git orders tree entries
      "run.sh": "#!/bin/sh\n",
      "pkg/alias.py": { symlink: "model.py" },
      "naïve name.py": "z = 3\n",
    },
    { commits: [{ files: { "pkg/model.py": "class Net:\n    version = 2\n", "docs/a.md": "doc\n" }, message: "second" }] },
  );
  repo.git(["update-index", "--chmod=+x", "run.sh"]);
  repo.git(["update-index", "--add", "--cacheinfo", `160000,${repo.commits[0]},vendor/sub`]);
  repo.git(["commit", "--quiet", "-m", "add submodule, make run.sh executable"]);
  withSubmodule = repo.git(["rev-parse", "HEAD"]).trim();
});
afterAll(() => repo.cleanup());

describe("TreeLister", () => {
  it("lists each commit's tree as git ls-tree -r does, modes, types and order included, with no sizes", async () => {
    const reader = new BlobReader(repo.gitDir);
    const lister = new TreeLister(reader);
    try {
      for (const commit of [...repo.commits, withSubmodule]) {
        const listed = await lister.list(commit);
        const expected = (await listTree(repo.gitDir, commit)).map((e) => ({ ...e, size: -1 }));
        expect(listed).toEqual(expected);
      }
      const last = (await lister.list(withSubmodule))!;
      expect(last.find((e) => e.path === "vendor/sub")).toMatchObject({ type: "commit", mode: "160000" });
      expect(last.find((e) => e.path === "run.sh")).toMatchObject({ mode: "100755" });
      expect(last.find((e) => e.path === "pkg/alias.py")).toMatchObject({ mode: "120000", type: "blob" });
      expect(last.some((e) => e.path === "naïve name.py")).toBe(true);
    } finally {
      reader.close();
    }
  });

  it("answers null for a commit the repository does not have", async () => {
    const reader = new BlobReader(repo.gitDir);
    try {
      expect(await new TreeLister(reader).list("0".repeat(40))).toBeNull();
    } finally {
      reader.close();
    }
  });

  it("refuses a malformed tree object", () => {
    expect(() => parseTree(Buffer.from("100644 a.py\0short"))).toThrow(GitError);
    expect(() => parseTree(Buffer.from("100644 a.py"))).toThrow(GitError);
  });
});

/** Paths as `git ls-tree -r --name-only` prints them (NUL-separated, so names are not quoted). */
function lsTreeNames(gitDir: string, revision: string): string[] {
  return runGit(gitDir, ["ls-tree", "-r", "-z", "--name-only", revision]).split("\0").filter(Boolean);
}

/** Lists `revision` through a fresh lister, closing its batch process whatever happens. */
async function listWithLister(gitDir: string, revision: string): Promise<TreeEntry[] | null> {
  const reader = new BlobReader(gitDir);
  try {
    return await new TreeLister(reader).list(revision);
  } finally {
    reader.close();
  }
}

/** Whether this git can create SHA-256 repositories (`--object-format`, git 2.29 and later). */
function gitSupportsSha256(): boolean {
  const probe = makeTempDir("mltriage-sha256-probe-");
  try {
    runGit(probe.dir, ["init", "--quiet", "--object-format=sha256"]);
    return true;
  } catch {
    return false;
  } finally {
    probe.cleanup();
  }
}

// The benchmark names commits as `git ls-tree` takes them; the lister must accept the same revisions.
describe("TreeLister revisions", () => {
  beforeAll(() => {
    repo.git(["tag", "light", repo.commits[0]!]);
    repo.git(["tag", "--annotate", "-m", "release", "annotated", repo.commits[0]!]);
  });

  const cases: [string, () => string][] = [
    ["an abbreviated commit id", () => repo.commits[0]!.slice(0, 10)],
    ["a lightweight tag", () => "light"],
    ["an annotated tag (a tag object pointing at the commit)", () => "annotated"],
    ["an annotated tag's own object id", () => repo.git(["rev-parse", "annotated"]).trim()],
    ["a revision expression", () => "main~1"],
  ];
  it.each(cases)("lists the tree of %s as git ls-tree -r does", async (_, revision) => {
    const listed = (await listWithLister(repo.gitDir, revision()))!;
    expect(listed.map((e) => e.path)).toEqual(lsTreeNames(repo.gitDir, revision()));
    expect(listed).toEqual((await listTree(repo.gitDir, revision())).map((e) => ({ ...e, size: -1 })));
  });

  it("answers null for an abbreviated id or a name the repository does not have", async () => {
    expect(await listWithLister(repo.gitDir, "0000000")).toBeNull();
    expect(await listWithLister(repo.gitDir, "no-such-tag")).toBeNull();
  });

  it("answers null for an object that is not a commit or tree (a blob)", async () => {
    expect(await listWithLister(repo.gitDir, repo.git(["rev-parse", "HEAD:run.sh"]).trim())).toBeNull();
  });

  it("refuses a revision holding a line break, which would split the batch request in two", async () => {
    await expect(listWithLister(repo.gitDir, `${repo.commits[0]}\n${repo.commits[1]}`)).rejects.toThrow(GitError);
  });

  it("refuses a revision holding a NUL, where git would cut the name and list another object", async () => {
    // git reads "HEAD\0^{tree}" as "HEAD": it answers the commit, whose body is no tree.
    await expect(listWithLister(repo.gitDir, "HEAD\0")).rejects.toThrow(new GitError('not a revision: "HEAD\\u0000^{tree}"'));
  });

  it("refuses a root that is not a tree, rather than reading another object's body as one", async () => {
    // git answers `<revision>^{tree}` with a tree; a reader answering the commit stands for a name git read otherwise.
    const commit = { oid: repo.commits[0]!, type: "commit", body: Buffer.from(repo.git(["cat-file", "commit", repo.commits[0]!])) };
    const reader = { readObject: async () => commit } as unknown as BlobReader;
    await expect(new TreeLister(reader).list(repo.commits[0]!)).rejects.toThrow(`${repo.commits[0]}^{tree} is a commit, not a tree`);
  });
});

describe("TreeLister in a SHA-256 repository", () => {
  // Tree entries there hold 32-byte ids: read as 20-byte ones, every entry after the first is garbled.
  const supported = gitSupportsSha256();
  let sha256: { dir: string; cleanup(): void } | undefined;
  beforeAll(() => {
    if (!supported) return;
    sha256 = makeTempDir("mltriage-sha256-");
    runGit(sha256.dir, ["init", "--quiet", "--object-format=sha256", "--initial-branch=main"]);
    writeFiles(sha256.dir, { "pkg/model.py": "class Net:\n    pass\n", "pkg/sub/x.py": "x = 1\n", "pkg-extra.py": "y = 2\n", "README.md": "hi\n" });
    runGit(sha256.dir, ["add", "--all"]);
    runGit(sha256.dir, ["-c", "commit.gpgsign=false", "commit", "--quiet", "--no-verify", "-m", "initial"]);
  });
  afterAll(() => sha256?.cleanup());

  (supported ? it : it.skip)("lists the tree with 64-digit ids, as git ls-tree -r does", async () => {
    const gitDir = join(sha256!.dir, ".git");
    // The full 64-digit commit id, as the benchmark would name it there.
    const commit = runGit(sha256!.dir, ["rev-parse", "HEAD"]).trim();
    const listed = (await listWithLister(gitDir, commit))!;
    expect(listed.map((e) => e.path)).toEqual(lsTreeNames(gitDir, commit));
    expect(listed).toEqual((await listTree(gitDir, commit)).map((e) => ({ ...e, size: -1 })));
    expect(listed.every((e) => /^[0-9a-f]{64}$/.test(e.sha))).toBe(true);
  });
});
