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

/** An object as `git cat-file --batch` answers it. */
export interface GitObject {
  /** Its full id: 40 hex digits, or 64 in a SHA-256 repository. */
  oid: string;
  type: "blob" | "tree" | "commit" | "tag";
  body: Buffer;
}

/** A request written to the batch, waiting for its answer (answers come in the order asked). */
interface PendingRead {
  resolve: (o: GitObject | null) => void;
  reject: (e: Error) => void;
  /** An object larger than this is answered null, its content discarded as it arrives, never held. */
  maxBytes: number;
}

/** The header of an object found: `<oid> <type> <size>`, before its body. */
const OBJECT_HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (blob|tree|commit|tag) (\d+)$/;
/** git's answer when it has no object for the name: one line, no body. */
const NO_OBJECT = / (?:missing|ambiguous|submodule)$/;

/**
 * The output of one `git cat-file --batch` process, parsed into the answers of the reads written to it, in order.
 * One per process: a skipped blob's read is answered from its header while the rest of the blob is still coming,
 * so after close() or a crash the old process's late output must not reach the next process's reads.
 * Exported for its tests; read objects through BlobReader.
 */
export class BatchAnswers {
  /** Output not yet parsed, as it arrived: joined only once it holds what the next answer needs. */
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** How many bytes of output the next answer needs before it can be parsed. */
  private needed = 1;
  /** Bytes of an over-limit object (and its trailing newline) still to discard. */
  private skipping = 0;
  private readonly pending: PendingRead[] = [];
  /** Set once the process has ended or answered something unreadable: its reads are rejected, its output ignored. */
  private failure: Error | null = null;

  /** The answer to the request just written to the process. */
  expect(maxBytes: number): Promise<GitObject | null> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject, maxBytes }));
  }

  /** Rejects the reads still waiting: no answer can come any more. */
  fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    this.chunks = [];
    this.buffered = 0;
    for (const p of this.pending.splice(0)) p.reject(err);
  }

  /**
   * Keeps a chunk of output, parsing only once the next answer is complete: joining every chunk as it came
   * copied a large blob once per 64 KiB pipe read (seconds for a 40 MB one). False when the output is not an
   * answer (its reads are then rejected) or came after a failure: the process must be stopped.
   */
  receive(chunk: Buffer): boolean {
    if (this.failure) return false;
    if (this.skipping > 0) {
      const skipped = Math.min(this.skipping, chunk.length);
      this.skipping -= skipped;
      chunk = chunk.subarray(skipped);
      if (chunk.length === 0) return true;
    }
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered >= this.needed) this.drain();
    return !this.failure;
  }

  /** Answers the pending reads whose output is complete, in order: `<oid> <type> <size>\n<body>\n` each. */
  private drain(): void {
    let buffer = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    this.needed = 1;
    while (this.pending.length > 0) {
      const nl = buffer.indexOf(10);
      if (nl < 0) {
        this.needed = buffer.length + 1;
        break;
      }
      const header = buffer.toString("utf8", 0, nl);
      const head = this.pending[0]!;
      // Answers without a body: `<name> missing`, `<name> ambiguous` (the name asked, which holds no line break:
      // see readObject), and newer git's `<oid> submodule` for a gitlink path whose commit is not in the repository.
      if (NO_OBJECT.test(header)) {
        buffer = buffer.subarray(nl + 1);
        this.pending.shift();
        head.resolve(null);
        continue;
      }
      const match = OBJECT_HEADER.exec(header);
      if (!match) {
        // Without a size there is no telling where this answer ends and the next begins: every later answer
        // would be wrong, so none is given.
        this.fail(new GitError(`unexpected answer from git cat-file: ${JSON.stringify(header.slice(0, 200))}`));
        return;
      }
      const [, oid, type, sizeText] = match;
      const size = Number(sizeText);
      const end = nl + 1 + size + 1; // the body and its trailing newline
      if (size > head.maxBytes) {
        // The header gives the size first: the body is dropped, what has come so far and the rest as it comes.
        this.pending.shift();
        head.resolve(null);
        this.skipping = Math.max(0, end - buffer.length);
        buffer = buffer.subarray(Math.min(end, buffer.length));
        continue;
      }
      if (buffer.length < end) {
        this.needed = end;
        break;
      }
      const body = Buffer.from(buffer.subarray(nl + 1, nl + 1 + size));
      buffer = buffer.subarray(end);
      this.pending.shift();
      head.resolve({ oid: oid!, type: type as GitObject["type"], body });
    }
    this.chunks = buffer.length > 0 ? [buffer] : [];
    this.buffered = buffer.length;
  }
}

/** A running `git cat-file --batch` and the answers to the reads written to it. */
interface BatchProcess {
  proc: ChildProcessWithoutNullStreams;
  answers: BatchAnswers;
}

/**
 * One long-lived `git cat-file --batch` process: objects are read by id (`read`) or by any revision
 * (`readObject`) with one write each, so reading thousands of files costs one process, not thousands. When the
 * process has ended (close(), a crash), the next read starts another.
 */
export class BlobReader {
  private current: BatchProcess | null = null;

  constructor(private readonly gitDir: string) {}

  private start(): BatchProcess {
    const proc = spawn("git", ["--git-dir", this.gitDir, "cat-file", "--batch"], { env: GIT_ENV });
    const batch: BatchProcess = { proc, answers: new BatchAnswers() };
    // Later reads go to a new process as soon as this one is not usable; this one's own reads stay with it.
    const retire = () => {
      if (this.current === batch) this.current = null;
    };
    proc.stdout.on("data", (chunk: Buffer) => {
      if (batch.answers.receive(chunk)) return;
      retire();
      proc.kill();
    });
    // git explains some misses on stderr (`<blob>^{tree}`: "expected tree type"); unread, they would fill the
    // pipe and stall the process. The answer on stdout says all a caller needs.
    proc.stderr.resume();
    proc.on("error", (err) => {
      retire();
      batch.answers.fail(err);
    });
    proc.on("exit", retire);
    // Reads still waiting fail only once stdout is closed: output sent before the exit may not have come yet
    // (after close(), git answers every request written, then exits).
    proc.on("close", (code, signal) => batch.answers.fail(new GitError(`git cat-file exited with ${signal ?? code}`)));
    proc.stdin.on("error", () => undefined); // reported through "close"
    this.current = batch;
    return batch;
  }

  private request(name: string, maxBytes: number): Promise<GitObject | null> {
    const { proc, answers } = this.current ?? this.start();
    const answer = answers.expect(maxBytes);
    proc.stdin.write(`${name}\n`);
    return answer;
  }

  /**
   * The content of a blob, or null when git does not have it. With `maxBytes`, a larger blob is also answered
   * null, without being read into memory (its size comes before its content).
   */
  async read(sha: string, maxBytes = Infinity): Promise<Buffer | null> {
    if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new GitError(`not an object id: ${sha}`);
    return (await this.request(sha, maxBytes))?.body ?? null;
  }

  /**
   * The object a revision names, as `git cat-file --batch` resolves it: an id, abbreviated or not, a branch or
   * tag name, `<rev>^{tree}` (peeling annotated tags and commits)... Null when git finds no such object or the
   * abbreviation is ambiguous.
   */
  readObject(revision: string): Promise<GitObject | null> {
    // One request per line: a line break would make two requests, and every later answer go to the wrong read.
    // git cuts a name at a NUL: "HEAD\0^{tree}" would be answered with the commit.
    if (/[\0\r\n]/.test(revision)) return Promise.reject(new GitError(`not a revision: ${JSON.stringify(revision)}`));
    return this.request(revision, Infinity);
  }

  /** Ends the process once it has answered the reads already asked; a later read starts a new one. */
  close(): void {
    this.current?.proc.stdin.end();
    this.current = null;
  }
}
