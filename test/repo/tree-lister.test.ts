import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { BlobReader, GitError, listTree } from "../../src/repo/git.js";
import { parseTree, TreeLister } from "../../src/repo/tree-lister.js";
import { createGitRepo, type GitRepo } from "../helpers/git-fixture.js";

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
