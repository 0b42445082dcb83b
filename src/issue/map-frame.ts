/**
 * Maps a traceback frame's path (as printed on the reporter's machine) to a file of the repository.
 *
 * - An installed copy (`…/site-packages/pkg/sub/mod.py`) maps when some repository path ends with the whole
 *   installed path `pkg/sub/mod.py` (the repository may keep it under `python/` or `src/`); otherwise the frame is
 *   third-party, and `package` names the installed package.
 * - A checkout (`/home/me/mxnet/python/mxnet/gluon/block.py`) maps to the repository path that shares the
 *   longest run of trailing path segments with it: the whole repository path, or at least two segments.
 * - `lib/pythonX.Y/…` without site-packages is the standard library; `<stdin>`, `<ipython-input-…>` and notebook
 *   cells are neither and map to nothing.
 */
import type { FrameMapping } from "./types.js";

/** Repository paths indexed by file name, built once per snapshot and reused for every frame. */
export interface RepoPathIndex {
  readonly byBasename: ReadonlyMap<string, readonly string[]>;
}

export function indexRepoPaths(repoFiles: Iterable<string>): RepoPathIndex {
  const byBasename = new Map<string, string[]>();
  for (const raw of repoFiles) {
    const path = raw.replace(/\\/g, "/").replace(/^\.\//, "");
    const base = path.slice(path.lastIndexOf("/") + 1);
    const list = byBasename.get(base);
    if (list) list.push(path);
    else byBasename.set(base, [path]);
  }
  return { byBasename };
}

const INSTALL_DIRS = new Set(["site-packages", "dist-packages"]);

export function mapFrameToRepo(framePath: string, repoFiles: ReadonlySet<string> | readonly string[] | RepoPathIndex): FrameMapping {
  const path = normaliseFramePath(framePath);
  if (path === "" || isPseudoFile(path)) {
    return { repoPath: null, thirdParty: false, stdlib: /^<frozen /.test(path) };
  }
  const index = "byBasename" in repoFiles ? repoFiles : indexRepoPaths(repoFiles);
  const segments = path.split("/").filter((s) => s !== "" && s !== ".");

  const installAt = lastIndexWhere(segments, (s) => INSTALL_DIRS.has(s.toLowerCase()));
  if (installAt !== -1) {
    let tail = segments.slice(installAt + 1);
    while (tail.length > 1 && /\.(?:egg|whl)$/i.test(tail[0]!)) tail = tail.slice(1); // zipped or egg installs
    const pkg = packageName(tail[0] ?? "");
    const repoPath = bestMatch(index, tail, { minShared: tail.length, wholeRepoPath: false, wholeFramePath: false });
    return repoPath ? { repoPath, thirdParty: false, stdlib: false, package: pkg } : { repoPath: null, thirdParty: true, stdlib: false, package: pkg };
  }
  if (isStdlib(segments, /^[A-Za-z]:\//.test(path))) return { repoPath: null, thirdParty: false, stdlib: true };
  const absolute = /^(?:\/|~|[A-Za-z]:\/)/.test(path);
  // A relative one-segment frame (`test_gluon.py`, run from its folder) maps when one repository file has that
  // name; a name several files share (`main.py`, `train.py`) is more likely the reporter's own script.
  const unique = segments.length >= 2 || (index.byBasename.get(segments[0] ?? "")?.length ?? 0) === 1;
  const repoPath = bestMatch(index, segments, { minShared: 2, wholeRepoPath: true, wholeFramePath: !absolute && unique });
  return { repoPath, thirdParty: false, stdlib: false };
}

/** Backslashes to slashes, doubled separators collapsed, `file://` and `~` prefixes kept harmless. */
export function normaliseFramePath(p: string): string {
  return p
    .trim()
    .replace(/^file:\/\//, "")
    .replace(/\\+/g, "/")
    .replace(/\/{2,}/g, "/");
}

/**
 * `<stdin>`, `<string>`, `<ipython-input-3-…>`, `<frozen importlib._bootstrap>`: code with no file. Not a path a
 * reporter redacted at its start (`<venv path>/lib/python3.6/site-packages/kornia/enhance/adjust.py`), which is
 * a file.
 */
function isPseudoFile(path: string): boolean {
  return /^<[^>]*>$/.test(path) || (path.startsWith("<") && !/^<[^>/]*>\//.test(path)) || /^(?:Cell|Input) In ?\[/.test(path);
}

function isStdlib(segments: readonly string[], windows: boolean): boolean {
  for (let i = 0; i + 1 < segments.length; i++) {
    const seg = segments[i]!.toLowerCase();
    if ((seg === "lib" || seg === "lib64") && /^python\d(?:\.\d+)?$/i.test(segments[i + 1]!)) return true;
  }
  // Windows installs keep the stdlib directly in `PythonXY\Lib\`.
  const lib = segments.findIndex((s) => s === "Lib");
  if (lib > 0 && /^(?:python\d*|anaconda\d*|miniconda\d*|envs)$/i.test(segments[lib - 1]!.replace(/[-_.]?\d+$/, ""))) return true;
  // So does any Windows environment (conda's with a prefix, `C:\Projects\x\venv\lib\encodings\cp1252.py`; an
  // Anaconda install printed in lower case): a `lib` folder holding a module of the standard library.
  if (!windows) return false;
  const envLib = segments.findIndex((s, i) => i > 0 && s.toLowerCase() === "lib" && i + 1 < segments.length && STDLIB_TOP.has(segments[i + 1]!.replace(/\.py$/i, "").toLowerCase()));
  return envLib > 0;
}

/** Top-level modules and packages of the standard library that tracebacks run through. */
const STDLIB_TOP = new Set(
  (
    "abc argparse ast asyncio base64 codecs collections concurrent configparser contextlib copy csv ctypes dataclasses " +
    "distutils email encodings enum functools genericpath glob gzip http importlib inspect io json logging " +
    "multiprocessing ntpath os pathlib pickle platform posixpath queue random re runpy selectors shutil signal site " +
    "socket ssl string struct subprocess tarfile tempfile threading traceback typing unittest urllib warnings weakref " +
    "xml zipfile"
  ).split(" "),
);

function packageName(first: string): string {
  return first.replace(/\.(?:py|pyc|pyd|so)$/i, "").replace(/-[\d.]+.*$/, "");
}

interface MatchRule {
  /** Trailing segments that must be shared at least. */
  minShared: number;
  /** Also accept a repository path that is wholly a suffix of the frame path (a checkout at the top level). */
  wholeRepoPath: boolean;
  /** Also accept when the whole (relative) frame path is a suffix of the repository path. */
  wholeFramePath: boolean;
}

/** The repository path sharing the most trailing segments with `segments`; ties go to the shorter path. */
function bestMatch(index: RepoPathIndex, segments: readonly string[], rule: MatchRule): string | null {
  const base = segments[segments.length - 1];
  if (base === undefined) return null;
  const candidates = index.byBasename.get(base);
  if (!candidates) return null;
  let best: string | null = null;
  let bestShared = 0;
  let bestLength = Infinity;
  for (const candidate of candidates) {
    const repoSegments = candidate.split("/");
    const shared = sharedSuffix(segments, repoSegments);
    const accepted =
      shared >= rule.minShared ||
      (rule.wholeRepoPath && shared === repoSegments.length) ||
      (rule.wholeFramePath && shared === segments.length);
    if (!accepted) continue;
    if (shared > bestShared || (shared === bestShared && repoSegments.length < bestLength)) {
      best = candidate;
      bestShared = shared;
      bestLength = repoSegments.length;
    }
  }
  return best;
}

/** How many trailing path segments two paths share. */
export function sharedSuffix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
