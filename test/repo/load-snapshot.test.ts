import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { GitError } from "../../src/repo/git.js";
import { cloneWithoutStoredCredentials, isRemoteUrl, loadSnapshot, redactUrl } from "../../src/repo/load-snapshot.js";
import { createGitRepo, makeTempDir, writeFiles, type GitRepo } from "../helpers/git-fixture.js";

describe("isRemoteUrl", () => {
  it("tells clone URLs from local paths", () => {
    for (const url of ["https://github.com/o/r.git", "http://host/r", "ssh://git@host/o/r", "git://host/r", "file:///tmp/r", "git@github.com:o/r.git"])
      expect([url, isRemoteUrl(url)]).toEqual([url, true]);
    for (const path of ["/tmp/repo", "./repo", "repo", "C:/x", "examples/tiny"]) expect([path, isRemoteUrl(path)]).toEqual([path, false]);
  });
});

describe("cloneWithoutStoredCredentials", () => {
  it("moves a URL's credentials into an Authorization header given through the environment, so no .git/config holds them", () => {
    const { url, env } = cloneWithoutStoredCredentials("https://x-access-token:ghs_SECRET%2F1@github.example/o/r.git");
    expect(url).toBe("https://github.example/o/r.git");
    expect(env).toEqual({
      GIT_CONFIG_COUNT: "1",
      GIT_CONFIG_KEY_0: "http.extraHeader",
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${Buffer.from("x-access-token:ghs_SECRET/1").toString("base64")}`,
    });
    // Nothing to move: the URL as given, no header.
    expect(cloneWithoutStoredCredentials("https://github.example/o/r.git")).toEqual({ url: "https://github.example/o/r.git", env: {} });
    expect(cloneWithoutStoredCredentials("git@github.example:o/r.git")).toEqual({ url: "git@github.example:o/r.git", env: {} });
  });
});

describe("redactUrl", () => {
  it("hides credentials and keeps the rest", () => {
    expect(redactUrl("https://x-access-token:ghs_SECRET@github.com/o/r.git")).toBe("https://***@github.com/o/r.git");
    expect(redactUrl("https://github.com/o/r.git")).toBe("https://github.com/o/r.git");
  });

  it("hides every URL's credentials in a text, and query strings, but not a question mark of prose", () => {
    const stderr = "fatal: unable to access 'https://u:TOKEN1@h/r.git/': retry https://u:TOKEN2@h/r.git? no";
    expect(redactUrl(stderr)).not.toMatch(/TOKEN/);
    expect(redactUrl(stderr)).toContain("? no");
    expect(redactUrl("file:///srv/r.git?token=SECRET")).toBe("file:///srv/r.git?***");
  });
});

describe("loadSnapshot", () => {
  let repo: GitRepo;
  beforeAll(() => {
    repo = createGitRepo({ "pkg/a.py": "alpha = 1\n" }, { commits: [{ files: { "pkg/a.py": "alpha = 2\n", "pkg/b.py": "beta = 1\n" } }] });
    // Uncommitted work in the folder: seen without --ref, never with it.
    writeFiles(repo.dir, { "pkg/a.py": "alpha = 3  # uncommitted\n", "pkg/wip.py": "wip = True\n" });
  });
  afterAll(() => repo.cleanup());

  it("reads a folder as it is on disk, without a commit", async () => {
    const snap = await loadSnapshot(repo.dir, undefined);
    expect(snap.commit).toBeNull();
    expect(snap.files.map((f) => f.path)).toEqual(["pkg/a.py", "pkg/b.py", "pkg/wip.py"]);
    expect(snap.files[0]!.text).toContain("uncommitted");
  });

  it("reads a commit of a local repository when given a ref, not the working tree", async () => {
    const snap = await loadSnapshot(repo.dir, repo.commits[0]);
    expect(snap.commit).toBe(repo.commits[0]);
    expect(snap.source).toBe(repo.dir);
    expect(snap.files.map((f) => [f.path, f.text])).toEqual([["pkg/a.py", "alpha = 1\n"]]);
  });

  it("clones a file:// URL into a temporary bare repository and reads HEAD or the given ref", async () => {
    const url = pathToFileURL(repo.dir).href;
    const head = await loadSnapshot(url, undefined);
    expect(head.commit).toBe(repo.commits[1]);
    expect(head.source).toBe(url);
    expect(head.files.map((f) => f.path)).toEqual(["pkg/a.py", "pkg/b.py"]);
    const first = await loadSnapshot(url, repo.commits[0]);
    expect(first.files.map((f) => f.text)).toEqual(["alpha = 1\n"]);
  });

  it("applies the scope it is given", async () => {
    const snap = await loadSnapshot(repo.dir, "HEAD", { include: ["**/b.py"] });
    expect(snap.files.map((f) => f.path)).toEqual(["pkg/b.py"]);
  });

  it("fails with a GitError for a path that is neither a folder nor a URL, a folder that is not a repository, or a missing ref", async () => {
    await expect(loadSnapshot(join(repo.dir, "nope"), undefined)).rejects.toThrow(GitError);
    await expect(loadSnapshot(join(repo.dir, "nope"), undefined)).rejects.toThrow("is not a folder or a git URL");
    const plain = makeTempDir();
    try {
      await expect(loadSnapshot(plain.dir, "HEAD")).rejects.toThrow("is not a git repository");
    } finally {
      plain.cleanup();
    }
    await expect(loadSnapshot(repo.dir, "deadbeef")).rejects.toThrow("commit deadbeef not found");
  });

  it("never puts a token of a clone URL into its error message", async () => {
    const url = "https://x-access-token:ghs_SECRET123@127.0.0.1:9/o/r.git";
    const err = await loadSnapshot(url, undefined).then(
      () => null,
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(GitError);
    expect(err!.message).toMatch(/^cannot clone https:\/\/\*\*\*@127\.0\.0\.1:9\/o\/r\.git/);
    expect(err!.message).not.toContain("SECRET123");
    expect((err as GitError).stderr).not.toContain("SECRET123");
  });
});
