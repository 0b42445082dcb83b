import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { readFolderSnapshot } from "../../src/repo/read-folder-snapshot.js";
import { makeTempDir, writeFiles } from "../helpers/git-fixture.js";

describe("readFolderSnapshot", () => {
  const root = makeTempDir();
  const repo = join(root.dir, "repo");
  const outside = join(root.dir, "outside");

  beforeAll(() => {
    writeFiles(outside, { "secret.py": "TOKEN = 'outside the repository'\n" });
    writeFiles(repo, {
      "pkg/model.py": "class Net:\n    pass\n",
      "pkg/train.py": "def train():\n    return 1\n",
      "requirements.txt": "torch==2.1\n",
      "README.md": "# not indexed\n",
      ".github/ISSUE_TEMPLATE.md": "## Environment\n",
      "third_party/lib/util.py": "def helper(): ...\n",
      "pkg/weights.py": Buffer.from([0x70, 0x79, 0x00, 0x01, 0x02]),
      "pkg/huge.py": "x = 1\n".repeat(100),
      ".git/hooks/pre_commit.py": "never walked\n",
      "node_modules/pkg/index.json": "{}\n",
      "pkg/link.py": { symlink: "model.py" },
    });
    // A link to a folder outside the repository: following it would index files that are not the project's.
    symlinkSync(outside, join(repo, "pkg", "linked_dir"));
    symlinkSync(join(outside, "secret.py"), join(repo, "escape.py"));
  });
  afterAll(() => root.cleanup());

  it("reads the in-scope files in path order, without a commit", async () => {
    const snap = await readFolderSnapshot(repo, { maxFileBytes: 200 });
    expect(snap.commit).toBeNull();
    expect(snap.source).toBe(repo);
    expect(snap.files.map((f) => f.path)).toEqual(["pkg/model.py", "pkg/train.py", "requirements.txt"]);
    const model = snap.files[0]!;
    expect(model.text).toBe("class Net:\n    pass\n");
    expect(model.size).toBe(Buffer.byteLength(model.text));
    expect(model.blobSha).toBeUndefined();
  });

  it("reads the issue templates beside the files, though they are out of the search scope", async () => {
    const snap = await readFolderSnapshot(repo, { maxFileBytes: 200 });
    expect(snap.issueTemplates).toEqual([{ path: ".github/ISSUE_TEMPLATE.md", text: "## Environment\n" }]);
  });

  it("reports vendored, too-large, binary and symlinked files, and never follows a symlink", async () => {
    const snap = await readFolderSnapshot(repo, { maxFileBytes: 200 });
    const skipped = Object.fromEntries(snap.skipped.map((s) => [s.path, s.reason]));
    expect(skipped).toEqual({
      "third_party/lib/util.py": "vendored",
      "pkg/huge.py": "too-large",
      "pkg/weights.py": "binary",
      "pkg/link.py": "symlink",
      "escape.py": "symlink",
    });
    const all = [...snap.files.map((f) => f.path), ...snap.skipped.map((s) => s.path)];
    expect(all.some((p) => p.includes("secret") || p.includes("linked_dir"))).toBe(false);
    expect(all.some((p) => p.startsWith(".git/") || p.startsWith("node_modules/"))).toBe(false);
    // Out-of-scope files are not listed at all: most of a repository is out of scope.
    expect(all).not.toContain("README.md");
  });

  it("applies the user's include and exclude globs", async () => {
    const snap = await readFolderSnapshot(repo, { include: ["pkg/**/*.py"], exclude: ["**/train.py"] });
    expect(snap.files.map((f) => f.path)).toEqual(["pkg/huge.py", "pkg/model.py"]);
  });

  it("stops at maxFiles and says which files were left out", async () => {
    const snap = await readFolderSnapshot(repo, { maxFiles: 1, maxFileBytes: 200 });
    expect(snap.files).toHaveLength(1);
    const left = snap.skipped.filter((s) => s.reason === "excluded").map((s) => s.path);
    // Every other readable in-scope file is listed as left out (the cap applies before contents are read, so
    // the binary file may be listed here too).
    const text = ["pkg/model.py", "pkg/train.py", "requirements.txt"];
    expect(text).toContain(snap.files[0]!.path);
    expect(left).toEqual(expect.arrayContaining(text.filter((p) => p !== snap.files[0]!.path)));
    expect(left).not.toContain("README.md");
  });
});
