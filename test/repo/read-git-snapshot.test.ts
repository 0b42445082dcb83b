import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, truncateSync } from "node:fs";
import { join } from "node:path";
import { readGitSnapshot, selectEntries } from "../../src/repo/read-git-snapshot.js";
import { BatchAnswers, BlobReader, GitError, git, listTree, resolveCommit, resolveGitDir } from "../../src/repo/git.js";
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

  it("refuses a revision holding a line break, which would be read as two requests, or a NUL", async () => {
    const reader = new BlobReader(repo.gitDir);
    try {
      await expect(reader.readObject("HEAD\nHEAD")).rejects.toThrow(GitError);
      await expect(reader.readObject("HEAD\r")).rejects.toThrow(GitError);
      // git cuts a name at a NUL: "HEAD\0^{tree}" would be answered with the commit, not its tree.
      await expect(reader.readObject("HEAD\0^{tree}")).rejects.toThrow(GitError);
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

/** A promise's value, or "no answer" when it has not settled within `ms` (a read that would hang forever). */
async function within<T>(promise: Promise<T>, ms = 5000): Promise<T | "no answer"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"no answer">((resolve) => (timer = setTimeout(() => resolve("no answer"), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The ids of this process's live or unreaped `git cat-file` children on `gitDir` (read from Linux's /proc). */
function catFileChildren(gitDir: string): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8"); // "pid (comm) state ppid ..."
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        return ppid === process.pid && argv.includes("cat-file") && argv.includes(gitDir);
      } catch {
        return false; // gone meanwhile
      }
    });
}

/**
 * Waits until Node has reaped the reader's git process: a child stays in /proc until it is reaped, and Node emits
 * the child's "exit" in the same callback as it reaps it.
 */
async function untilReaped(gitDir: string): Promise<void> {
  for (let waited = 0; catFileChildren(gitDir).length > 0; waited += 10) {
    if (waited > 5000) throw new Error("git cat-file is still running");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  // Gone from the process table is not yet seen by Node: its 'exit' event comes on a later turn of the event loop,
  // and a read sent before it went to the dead process (a flaky failure, "git cat-file exited with 128").
  await new Promise((resolve) => setTimeout(resolve, 100));
}

// A read over its limit is answered from the header, while the rest of the blob is still on its way (or never
// comes): that rest belongs to its process only, and must never be taken for a later process's answer.
describe("BlobReader when its process ends during a skipped blob", () => {
  let r: GitRepo;
  const sha = (p: string) => r.git(["rev-parse", `HEAD:${p}`]).trim();
  beforeAll(() => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `line_${i} = ${(i * 7919) % 10007}`).join("\n");
    // 32 MB: git is still streaming it well after its header has come.
    r = createGitRepo({ "big.txt": lines(1_600_000), "broken.txt": lines(100_000), "small.py": "a = 1\n" });
    // Half of broken.txt's loose object is cut: git sends its header and part of its content, then dies.
    const broken = sha("broken.txt");
    const file = join(r.gitDir, "objects", broken.slice(0, 2), broken.slice(2));
    chmodSync(file, 0o644);
    truncateSync(file, Math.floor(statSync(file).size / 2));
  });
  afterAll(() => r.cleanup());

  (existsSync("/proc/self/stat") ? it : it.skip)("answers the next read from a new process when git dies with no read pending", async () => {
    const reader = new BlobReader(r.gitDir);
    try {
      expect(await reader.read(sha("broken.txt"), 10)).toBeNull();
      await untilReaped(r.gitDir);
      expect((await within(reader.read(sha("small.py"))))?.toString()).toBe("a = 1\n");
      expect((await within(reader.read(sha("small.py"))))?.toString()).toBe("a = 1\n");
    } finally {
      reader.close();
    }
  });

  it("reads the right content after close(), while the old process still sends the skipped blob", async () => {
    const reader = new BlobReader(r.gitDir);
    try {
      expect(await reader.read(sha("big.txt"), 10)).toBeNull();
      reader.close();
      const got = await within(Promise.all([reader.read(sha("small.py")), reader.read(sha("big.txt"), 10), reader.read(sha("small.py"))]));
      expect(got === "no answer" ? got : got.map((b) => b?.toString() ?? null)).toEqual(["a = 1\n", null, "a = 1\n"]);
    } finally {
      reader.close();
    }
  });

  it("reads the right content after close(), though the old process died during the skipped blob", async () => {
    const reader = new BlobReader(r.gitDir);
    try {
      expect(await reader.read(sha("broken.txt"), 10)).toBeNull();
      reader.close();
      expect((await within(reader.read(sha("small.py"))))?.toString()).toBe("a = 1\n");
    } finally {
      reader.close();
    }
  });

  it("rejects the reads pending when git dies, then reads again from a new process", async () => {
    const reader = new BlobReader(r.gitDir);
    try {
      await expect(reader.read(sha("broken.txt"))).rejects.toThrow(GitError);
      await untilReaped(r.gitDir);
      expect((await within(reader.read(sha("small.py"))))?.toString()).toBe("a = 1\n");
    } finally {
      reader.close();
    }
  });
});

describe("BatchAnswers", () => {
  const A = "a".repeat(40);
  const B = "b".repeat(64);
  /** Collects what each read settles with: its object's text, null, or "rejected". */
  const settled = (reads: Promise<{ oid: string; type: string; body: Buffer } | null>[]) =>
    Promise.all(reads.map((p) => p.then((o) => (o ? `${o.oid.slice(0, 1)} ${o.type} ${o.body.toString()}` : null), (e: Error) => `rejected: ${e.name}`)));

  it("answers the reads in order from output split anywhere, skipping the bodies over their limit", async () => {
    // `<oid> submodule`: newer git's answer for a gitlink path whose commit the repository does not hold.
    const stream = Buffer.from(`${A} blob 2\nhi\nHEAD missing\n${B} blob 5\nlarge\nx ambiguous\n${A} tree 0\n\n${A} submodule\n${B} commit 3\na\nb\n`);
    for (let cut = 0; cut <= stream.length; cut++) {
      const answers = new BatchAnswers();
      const reads = [answers.expect(Infinity), answers.expect(Infinity), answers.expect(4), answers.expect(Infinity), answers.expect(0), answers.expect(Infinity), answers.expect(Infinity)];
      expect(answers.receive(stream.subarray(0, cut))).toBe(true);
      expect(answers.receive(stream.subarray(cut))).toBe(true);
      expect(await settled(reads)).toEqual(["a blob hi", null, null, null, "a tree ", null, "b commit a\nb"]);
    }
  });

  it.each([
    ["a type that is not an object's", `${A} file 2`],
    ["no size", `${A} blob`],
    ["a size that is not a number", `${A} blob 2x`],
    ["a negative size", `${A} blob -2`],
    ["an id that is not 40 or 64 hex digits", `${A.slice(1)} blob 2`],
    ["no id", `blob 2`],
  ])("rejects every pending read on a header with %s, and ignores the output after it", async (_, header) => {
    const answers = new BatchAnswers();
    const reads = [answers.expect(Infinity), answers.expect(Infinity), answers.expect(Infinity)];
    // Before this check, the bogus header was the answer to every read (its size NaN, the buffer never advanced).
    expect(answers.receive(Buffer.from(`${header}\n${A} blob 2\nhi\n`))).toBe(false);
    expect(await settled(reads)).toEqual(["rejected: GitError", "rejected: GitError", "rejected: GitError"]);
    const later = answers.expect(Infinity);
    expect(answers.receive(Buffer.from(`${A} blob 2\nhi\n`))).toBe(false);
    expect(await settled([later])).toEqual(["rejected: GitError"]);
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
