/** The repository cache: clone once, fetch afterwards, and the token never lands in git's files. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gitAuthEnv, repoCacheDir, syncRepository } from "../../src/github/repo-cache.js";
import { createGitRepo, makeTempDir, type GitRepo } from "../helpers/git-fixture.js";

const TOKEN = "ghs_very_secret_installation_token";
let repo: GitRepo;
let temp: { dir: string; cleanup(): void };

beforeAll(() => {
  repo = createGitRepo({ "pkg/a.py": "x = 1\n" });
  temp = makeTempDir();
});
afterAll(() => {
  repo.cleanup();
  temp.cleanup();
});

const request = (cacheDir: string) => ({ cloneUrl: `file://${repo.dir}`, owner: "o", name: "r", branch: "main", token: TOKEN, cacheDir, timeoutMs: 60_000 });

/** Every file of a bare repository's control area (config, refs, logs), read as text. */
function controlFiles(gitDir: string): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "objects") walk(path);
      } else texts.push(readFileSync(path, "latin1"));
    }
  };
  walk(gitDir);
  return texts.join("\n");
}

describe("syncRepository", () => {
  it("clones the first time and fetches new commits afterwards", async () => {
    const cacheDir = join(temp.dir, "cache-a");
    const first = await syncRepository(request(cacheDir));
    expect(first).toEqual({ gitDir: repoCacheDir(cacheDir, "o", "r"), commit: repo.commits[0], cloned: true });
    const next = repo.addCommit({ files: { "pkg/b.py": "y = 2\n" } });
    const second = await syncRepository(request(cacheDir));
    expect(second).toEqual({ gitDir: first.gitDir, commit: next, cloned: false });
  });

  it("stores neither the token nor its header in the repository's files", async () => {
    const { gitDir } = await syncRepository(request(join(temp.dir, "cache-b")));
    const text = controlFiles(gitDir);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString("base64"));
    expect(text).not.toMatch(/extraheader/i);
    expect(readFileSync(join(gitDir, "config"), "utf8")).toContain(`url = file://${repo.dir}`);
  });

  it("refuses a branch name that git would read as an option", async () => {
    await expect(syncRepository({ ...request(join(temp.dir, "cache-c")), branch: "--upload-pack=touch x" })).rejects.toThrow(/invalid branch/);
  });

  it("refuses repository names that would escape the cache folder", () => {
    expect(() => repoCacheDir("/cache", "..", "r")).toThrow(/unsafe/);
  });
});

describe("gitAuthEnv", () => {
  it("passes the token as an http.extraHeader through git's config environment, not in arguments", () => {
    const env = gitAuthEnv("t0k");
    const keys = Object.entries(env).filter(([k]) => k.startsWith("GIT_CONFIG_KEY_")).map(([, v]) => v);
    expect(keys).toEqual(["credential.helper", "http.extraHeader"]);
    expect(env["GIT_CONFIG_VALUE_1"]).toBe(`Authorization: Basic ${Buffer.from("x-access-token:t0k").toString("base64")}`);
    expect(env["GIT_TERMINAL_PROMPT"]).toBe("0");
  });

  it("adds no header without a token", () => {
    expect(gitAuthEnv(undefined)["GIT_CONFIG_COUNT"]).toBe("1");
  });
});
