import { describe, expect, it } from "@jest/globals";
import { execFile, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createGitRepo } from "../helpers/git-fixture.js";

const run = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = join(ROOT, "bin", "mltriage.js");

/** Runs the installed entry point as a user would, returning its exit code and output. */
async function mltriage(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "" }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("bin/mltriage.js", () => {
  it("runs triage from the command line and sets the exit code", async () => {
    const repo = createGitRepo({ "pkg/optim.py": "class Adam:\n    def step(self):\n        self.weight_decay = 2\n", "pkg/loss.py": "def nll(x):\n    return -x\n" });
    try {
      const ok = await mltriage(["triage", "--repo", repo.dir, "--title", "Adam weight decay", "--format", "json"]);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout).localization.ranked[0].path).toBe("pkg/optim.py");
      const bad = await mltriage(["triage", "--repo", repo.dir, "--title", "x", "--top", "none"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr.split("\n")[0]).toBe('mltriage triage: --top must be a positive integer, got "none"');
      expect(bad.stderr).not.toMatch(/\n\s+at /);
    } finally {
      repo.cleanup();
    }
  });
});

describe("bin/mltriage.js interrupted", () => {
  it("removes its temporary clone on Ctrl-C, and exits as interrupted", async () => {
    // A git server that never answers: the clone waits until the signal.
    const server: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const clones = () => readdirSync(tmpdir()).filter((name) => name.startsWith("mltriage-clone-"));
    const before = new Set(clones());
    try {
      const child = spawn(process.execPath, [BIN, "triage", "--repo", `http://127.0.0.1:${port}/o/r.git`, "--title", "t"], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "" } });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
      // Wait until the clone's temporary folder exists, then interrupt.
      const deadline = Date.now() + 30_000;
      while (!clones().some((name) => !before.has(name)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(clones().some((name) => !before.has(name))).toBe(true);
      child.kill("SIGINT");
      expect(await exited).toBe("SIGINT");
      expect(clones().filter((name) => !before.has(name))).toEqual([]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
