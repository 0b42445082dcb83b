import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/**
 * The only variables git children inherit: what git needs to run, find its config and reach a remote. The
 * process's secrets (the app's private key, the webhook secret, a Redis URL with its password) stay out.
 */
const INHERITED = ["PATH", "HOME", "TMPDIR", "LANG", "SSH_AUTH_SOCK", "GIT_SSH_COMMAND", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy"];

/** Environment for every git call: never prompt for credentials, never read the user's pager. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(INHERITED.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]])),
  GIT_TERMINAL_PROMPT: "0",
  GIT_PAGER: "cat",
  LC_ALL: "C",
};

export class GitError extends Error {
  constructor(message: string, readonly stderr = "") {
    super(message);
    this.name = "GitError";
  }
}

/** Runs git without a shell and returns stdout; throws GitError with git's own message. */
export async function git(gitDir: string, args: string[], options: { timeoutMs?: number; maxBuffer?: number } = {}): Promise<string> {
  try {
    const { stdout } = await execFileAsync("git", ["--git-dir", gitDir, ...args], {
      env: GIT_ENV,
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: options.maxBuffer ?? 512 * 1024 * 1024,
      encoding: "utf8",
    });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    const stderr = (e.stderr ?? "").trim();
    throw new GitError(stderr.split("\n")[0] || e.message, stderr);
  }
}

/** Resolves the git directory of a folder: a bare repository, or a work tree's `.git`. */
export async function resolveGitDir(folder: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync("git", ["-C", folder, "rev-parse", "--absolute-git-dir"], { env: GIT_ENV, encoding: "utf8" });
    return stdout.trim();
  } catch {
    throw new GitError(`${folder} is not a git repository`);
  }
}

/** The full SHA of a commit-ish, or throws GitError when it does not exist. */
export async function resolveCommit(gitDir: string, ref: string): Promise<string> {
  if (ref.startsWith("-")) throw new GitError(`invalid ref: ${ref}`);
  try {
    return (await git(gitDir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim();
  } catch {
    throw new GitError(`commit ${ref} not found`);
  }
}

export interface TreeEntry {
  mode: string;
  type: "blob" | "commit" | "tree";
  sha: string;
  /** Size in bytes ("-" for submodules becomes -1). */
  size: number;
  path: string;
}

/** Every entry of a commit's tree, recursively (`git ls-tree -r -z --long`). */
export async function listTree(gitDir: string, commit: string): Promise<TreeEntry[]> {
  const out = await git(gitDir, ["ls-tree", "-r", "-z", "--long", "--full-tree", commit]);
  const entries: TreeEntry[] = [];
  for (const record of out.split("\0")) {
    if (!record) continue;
    const tab = record.indexOf("\t");
    const [mode, type, sha, size] = record.slice(0, tab).split(/\s+/);
    entries.push({
      mode: mode!,
      type: type as TreeEntry["type"],
      sha: sha!,
      size: size === "-" ? -1 : Number(size),
      path: record.slice(tab + 1),
    });
  }
  return entries;
}

/**
 * One long-lived `git cat-file --batch` process: blobs are read by SHA with one write each, so reading
 * thousands of files costs one process, not thousands.
 */
export class BlobReader {
  private proc: ChildProcessWithoutNullStreams | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending: { sha: string; resolve: (b: Buffer | null) => void; reject: (e: Error) => void }[] = [];

  constructor(private readonly gitDir: string) {}

  private start(): ChildProcessWithoutNullStreams {
    if (this.proc) return this.proc;
    const proc = spawn("git", ["--git-dir", this.gitDir, "cat-file", "--batch"], { env: GIT_ENV });
    proc.stdout.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.drain();
    });
    // After close() a later read starts a new process; the old one's exit must not fail the new one's reads
    // or forget it (it would be left running), so these handlers act only while their process is current.
    const fail = (err: Error) => {
      if (this.proc !== proc) return;
      this.proc = null;
      for (const p of this.pending.splice(0)) p.reject(err);
    };
    proc.on("error", fail);
    proc.on("exit", (code) => {
      if (this.proc !== proc) return;
      if (this.pending.length) fail(new GitError(`git cat-file exited with ${code}`));
      this.proc = null;
    });
    proc.stdin.on("error", () => undefined); // reported through "exit"
    this.proc = proc;
    return proc;
  }

  private drain(): void {
    while (this.pending.length > 0) {
      const nl = this.buffer.indexOf(10);
      if (nl < 0) return;
      const header = this.buffer.subarray(0, nl).toString("utf8");
      const head = this.pending[0]!;
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        this.buffer = this.buffer.subarray(nl + 1);
        this.pending.shift();
        head.resolve(null);
        continue;
      }
      const size = Number(header.split(" ")[2]);
      if (this.buffer.length < nl + 1 + size + 1) return; // wait for the whole object and its trailing newline
      const body = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
      this.buffer = this.buffer.subarray(nl + 1 + size + 1);
      this.pending.shift();
      head.resolve(body);
    }
  }

  /** The content of a blob, or null when git does not have it. */
  read(sha: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{40,64}$/.test(sha)) return Promise.reject(new GitError(`not an object id: ${sha}`));
    const proc = this.start();
    return new Promise((resolve, reject) => {
      this.pending.push({ sha, resolve, reject });
      proc.stdin.write(`${sha}\n`);
    });
  }

  close(): void {
    if (this.proc) {
      this.proc.stdin.end();
      this.proc = null;
    }
  }
}
