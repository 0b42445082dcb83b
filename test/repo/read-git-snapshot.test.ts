import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readGitSnapshot, selectEntries } from "../../src/repo/read-git-snapshot.js";
import { BlobReader, GitError, git, listTree, resolveCommit, resolveGitDir } from "../../src/repo/git.js";
import { createGitRepo, makeTempDir, type GitRepo } from "../helpers/git-fixture.js";

let repo: GitRepo;
let withSubmodule: string;

beforeAll(() => {
  repo = createGitRepo(
    {
      "pkg/model.py": "class Net:\n    version = 1\n",
      "pkg/data.py": "def load():\n    return []\n",
      "configs/train.yaml": "lr: 0.1\n",
      "docs/guide.md": "not in scope\n",
      ".github/ISSUE_TEMPLATE/bug.md": "### To Reproduce\n",
      "third_party/six.py": "vendored\n",
      "pkg/blob.py": Buffer.from([0x61, 0x00, 0x62]),
      "pkg/big.py": "y = 2\n".repeat(50),
      "pkg/alias.py": { symlink: "model.py" },
    },
    { commits: [{ files: { "pkg/model.py": "class Net:\n    version = 2\n", "pkg/new.py": "added = True\n" }, message: "second" }] },
  );
  // A submodule (gitlink, mode 160000) whose name looks like a Python file: it is another repository, never a file.
  repo.git(["update-index", "--add", "--cacheinfo", `160000,${repo.commits[0]},pkg/sub.py`]);
  repo.git(["commit", "--quiet", "-m", "add submodule"]);
  withSubmodule = repo.git(["rev-parse", "HEAD"]).trim();
});
afterAll(() => repo.cleanup());

describe("listTree", () => {
  it("lists every entry recursively with mode, type, blob SHA and size", async () => {
    const entries = await listTree(repo.gitDir, withSubmodule);
    const byPath = Object.fromEntries(entries.map((e) => [e.path, e]));
    expect(byPath["pkg/alias.py"]).toMatchObject({ mode: "120000", type: "blob", size: "model.py".length });
    expect(byPath["pkg/sub.py"]).toMatchObject({ mode: "160000", type: "commit", size: -1 });
    expect(byPath["pkg/data.py"]).toMatchObject({ mode: "100644", type: "blob", size: "def load():\n    return []\n".length });
    expect(byPath["pkg/data.py"]!.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(entries.map((e) => e.path)).toContain("docs/guide.md");
  });
});

describe("selectEntries", () => {
  it("keeps in-scope blobs, reports symlinks and vendored files, drops submodules and out-of-scope files silently", async () => {
    const { selected, skipped } = selectEntries(await listTree(repo.gitDir, withSubmodule));
    expect(selected.map((e) => e.path).sort()).toEqual(["configs/train.yaml", "pkg/big.py", "pkg/blob.py", "pkg/data.py", "pkg/model.py", "pkg/new.py"]);
    expect(skipped).toEqual(expect.arrayContaining([{ path: "pkg/alias.py", reason: "symlink" }, { path: "third_party/six.py", reason: "vendored" }]));
    expect(skipped.map((s) => s.path)).not.toContain("pkg/sub.py");
    expect(skipped.map((s) => s.path)).not.toContain("docs/guide.md");
  });
});

describe("readGitSnapshot", () => {
  it("reads the files of a commit with their blob SHAs; binary, too-large and symlinked files are skipped", async () => {
    const snap = await readGitSnapshot(repo.gitDir, "HEAD", { maxFileBytes: 100 });
    expect(snap.commit).toBe(withSubmodule);
    expect(snap.files.map((f) => f.path)).toEqual(["configs/train.yaml", "pkg/data.py", "pkg/model.py", "pkg/new.py"]);
    const model = snap.files.find((f) => f.path === "pkg/model.py")!;
    expect(model.text).toBe("class Net:\n    version = 2\n");
    expect(model.blobSha).toBe(repo.git(["rev-parse", "HEAD:pkg/model.py"]).trim());
    expect(Object.fromEntries(snap.skipped.map((s) => [s.path, s.reason]))).toEqual({
      "pkg/alias.py": "symlink",
      "third_party/six.py": "vendored",
      "pkg/big.py": "too-large",
      "pkg/blob.py": "binary",
    });
  });

  it("reads the commit's issue templates beside the files, though they are out of the search scope", async () => {
    const snap = await readGitSnapshot(repo.gitDir, "HEAD");
    expect(snap.issueTemplates).toEqual([{ path: ".github/ISSUE_TEMPLATE/bug.md", text: "### To Reproduce\n" }]);
    expect(snap.files.map((f) => f.path)).not.toContain(".github/ISSUE_TEMPLATE/bug.md");
  });

  it("reads an older commit as it was, not the current tree", async () => {
    const snap = await readGitSnapshot(repo.gitDir, repo.commits[0]!.slice(0, 10));
    expect(snap.commit).toBe(repo.commits[0]);
    expect(snap.files.find((f) => f.path === "pkg/model.py")!.text).toContain("version = 1");
    expect(snap.files.map((f) => f.path)).not.toContain("pkg/new.py");
  });

  it("fails with a GitError naming a commit that does not exist", async () => {
    await expect(readGitSnapshot(repo.gitDir, "0123456789abcdef0123456789abcdef01234567")).rejects.toThrow(GitError);
    await expect(readGitSnapshot(repo.gitDir, "no-such-branch")).rejects.toThrow("commit no-such-branch not found");
  });

  it("keeps paths with spaces, tabs and non-ASCII letters intact (git would quote them without -z)", async () => {
    const odd = createGitRepo({ "pkg/ünï côde.py": "x = 1\n", "pkg/tab\there.py": "y = 2\n" });
    try {
      const snap = await readGitSnapshot(odd.gitDir, "HEAD");
      expect(snap.files.map((f) => f.path).sort()).toEqual(["pkg/tab\there.py", "pkg/ünï côde.py"]);
      expect(snap.files.find((f) => f.path === "pkg/ünï côde.py")!.text).toBe("x = 1\n");
    } finally {
      odd.cleanup();
    }
  });

  it("refuses a ref that git would read as an option", async () => {
    await expect(resolveCommit(repo.gitDir, "--all")).rejects.toThrow("invalid ref: --all");
  });
});

describe("BlobReader", () => {
  it("reads many blobs through one process, in the order asked, and null for an absent object", async () => {
    const entries = (await listTree(repo.gitDir, repo.commits[1]!)).filter((e) => e.type === "blob");
    const reader = new BlobReader(repo.gitDir);
    try {
      const absent = "f".repeat(40);
      const got = await Promise.all([...entries.map((e) => reader.read(e.sha)), reader.read(absent)]);
      expect(got[got.length - 1]).toBeNull();
      entries.forEach((e, i) => expect(got[i]!.length).toBe(e.size));
      const data = entries.findIndex((e) => e.path === "pkg/data.py");
      expect(got[data]!.toString("utf8")).toBe("def load():\n    return []\n");
      // Binary content comes back byte for byte.
      const blob = entries.findIndex((e) => e.path === "pkg/blob.py");
      expect(Array.from(got[blob]!)).toEqual([0x61, 0x00, 0x62]);
    } finally {
      reader.close();
    }
  });

  it("reassembles blobs larger than one pipe read, interleaved with small ones", async () => {
    // 300 KB spans many stdout chunks (a pipe delivers at most 64 KiB at a time).
    const big = Array.from({ length: 20_000 }, (_, i) => `line_${i} = ${i}`).join("\n");
    const r = createGitRepo({ "big.py": big, "small_a.py": "a = 1\n", "small_b.py": "b = 2\n" });
    const reader = new BlobReader(r.gitDir);
    try {
      const sha = (p: string) => r.git(["rev-parse", `HEAD:${p}`]).trim();
      const got = await Promise.all([sha("small_a.py"), sha("big.py"), sha("small_b.py"), sha("big.py")].map((x) => reader.read(x)));
      expect(got.map((b) => b!.toString("utf8"))).toEqual(["a = 1\n", big, "b = 2\n", big]);
    } finally {
      reader.close();
      r.cleanup();
    }
  });

  it("answers null for a blob over maxBytes and stays in step with the reads around it", async () => {
    // The over-limit blob spans many pipe reads: its content is discarded as it arrives, not taken for answers.
    const big = Array.from({ length: 20_000 }, (_, i) => `line_${i} = ${i}`).join("\n");
    const r = createGitRepo({ "big.py": big, "small_a.py": "a = 1\n", "small_b.py": "b = 2\n" });
    const reader = new BlobReader(r.gitDir);
    try {
      const sha = (p: string) => r.git(["rev-parse", `HEAD:${p}`]).trim();
      const size = Buffer.byteLength(big);
      const got = await Promise.all([
        reader.read(sha("small_a.py"), 1000),
        reader.read(sha("big.py"), 1000),
        reader.read(sha("small_b.py"), 1000),
        reader.read(sha("big.py"), size - 1),
        reader.read(sha("big.py"), size), // the limit is inclusive
        reader.read(sha("small_a.py")),
      ]);
      expect(got.map((b) => b?.toString("utf8") ?? null)).toEqual(["a = 1\n", null, "b = 2\n", null, big, "a = 1\n"]);
    } finally {
      reader.close();
      r.cleanup();
    }
  });

  it("reads an object by revision with its full id and type, and null for a revision git cannot resolve", async () => {
    const reader = new BlobReader(repo.gitDir);
    try {
      const commit = repo.commits[1]!;
      const tree = await reader.readObject(`${commit.slice(0, 8)}^{tree}`);
      expect(tree).toMatchObject({ oid: repo.git(["rev-parse", `${commit}^{tree}`]).trim(), type: "tree" });
      const blob = await reader.readObject("HEAD:pkg/data.py");
      expect(blob).toMatchObject({ type: "blob", body: Buffer.from("def load():\n    return []\n") });
      // A blob has no tree: git says so on stderr and answers "missing"; later reads still get their answers.
      expect(await reader.readObject("HEAD:pkg/data.py^{tree}")).toBeNull();
      expect(await reader.readObject("no-such-branch")).toBeNull();
      expect((await reader.readObject(commit))?.type).toBe("commit");
    } finally {
      reader.close();
    }
  });

  it("refuses a revision holding a line break, which would be read as two requests", async () => {
    const reader = new BlobReader(repo.gitDir);
    try {
      await expect(reader.readObject("HEAD\nHEAD")).rejects.toThrow(GitError);
      await expect(reader.readObject("HEAD\r")).rejects.toThrow(GitError);
      expect((await reader.readObject("HEAD"))?.type).toBe("commit");
    } finally {
      reader.close();
    }
  });

  it("rejects a string that is not an object id, and can be used again after close", async () => {
    const reader = new BlobReader(repo.gitDir);
    await expect(reader.read("HEAD:pkg/model.py")).rejects.toThrow(GitError);
    const sha = repo.git(["rev-parse", "HEAD:pkg/data.py"]).trim();
    expect((await reader.read(sha))!.toString()).toContain("def load");
    reader.close();
    expect((await reader.read(sha))!.toString()).toContain("def load");
    reader.close();
  });
});

describe("git helpers", () => {
  it("resolves the git directory of a work tree, and says when a folder is not a repository", async () => {
    expect(await resolveGitDir(repo.dir)).toBe(repo.gitDir);
    const empty = makeTempDir();
    try {
      await expect(resolveGitDir(empty.dir)).rejects.toThrow(`${empty.dir} is not a git repository`);
    } finally {
      empty.cleanup();
    }
  });

  it("reports git's own first error line", async () => {
    await expect(git(repo.gitDir, ["cat-file", "-p", "nope:nothing"])).rejects.toThrow(/nope|Not a valid object name/);
  });
});
