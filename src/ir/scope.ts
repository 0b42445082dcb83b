import picomatch from "picomatch";
import type { SkipReason } from "../types.js";

/**
 * Which files of a repository are indexed.
 *
 * By default: Python sources plus the non-code files DL bugs often live in (dependency pins, packaging,
 * configs, CUDA/C++ kernels, Dockerfiles). Vendored, generated, binary and over-size files are skipped, and
 * symlinks are never followed (the readers report them as skipped).
 */
export interface ScopeOptions {
  /** Globs of files to index (picomatch, matched against the repository-relative path). */
  include?: string[];
  /** Globs of files never to index; checked after `include`. */
  exclude?: string[];
  /** Files larger than this are skipped as "too-large". */
  maxFileBytes?: number;
  /** At most this many files are indexed; the rest are skipped as "excluded" (the snapshot says how many). */
  maxFiles?: number;
}

export const DEFAULT_INCLUDE: readonly string[] = [
  "**/*.py",
  "**/*.pyi",
  "**/requirements*.txt",
  "**/constraints*.txt",
  "**/setup.cfg",
  "**/pyproject.toml",
  "**/environment*.yml",
  "**/*.{yml,yaml}",
  "**/*.json",
  "**/*.toml",
  "**/*.cfg",
  "**/*.{cu,cuh,cpp,cc,cxx,c,h,hpp}",
  "**/Dockerfile*",
  "**/CMakeLists.txt",
];

/** Vendored code and build output: bugs reported against a project are not fixed there. */
export const VENDORED: readonly string[] = [
  "**/node_modules/**",
  "**/vendor/**",
  "**/third_party/**",
  "**/3rdparty/**",
  "**/site-packages/**",
  "**/.venv/**",
  "**/venv/**",
  "**/.git/**",
  "**/__pycache__/**",
  "**/.tox/**",
  "**/build/lib/**",
  "**/dist/**",
];

/** Generated files: editing them is never the fix. */
export const GENERATED: readonly string[] = ["**/*_pb2.py", "**/*_pb2_grpc.py", "**/*.min.js", "**/package-lock.json", "**/*.ipynb"];

export const DEFAULT_MAX_FILE_BYTES = 1_000_000;
export const DEFAULT_MAX_FILES = 50_000;

export interface Scope {
  /** Why a path is out of scope, or null when it is in. Size is in bytes. */
  reasonToSkip(path: string, size: number): SkipReason | null;
  readonly maxFiles: number;
}

export function createScope(options: ScopeOptions = {}): Scope {
  const include = picomatch(options.include && options.include.length > 0 ? options.include : [...DEFAULT_INCLUDE], { dot: true });
  const userExclude = options.exclude && options.exclude.length > 0 ? picomatch(options.exclude, { dot: true }) : () => false;
  // Vendored and generated defaults apply only when the user did not set excludes of their own;
  // an explicit list replaces them, so `exclude: []` can index everything the include matches.
  const useDefaults = options.exclude === undefined;
  const vendored = picomatch([...VENDORED], { dot: true });
  const generated = picomatch([...GENERATED], { dot: true });
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  return {
    maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES,
    reasonToSkip(path, size) {
      if (!include(path)) return "excluded";
      if (userExclude(path)) return "excluded";
      if (useDefaults && vendored(path)) return "vendored";
      if (useDefaults && generated(path)) return "generated";
      if (size > maxBytes) return "too-large";
      return null;
    },
  };
}

/** A file is treated as binary when its first 8 KiB hold a NUL byte (git's own heuristic). */
export function looksBinary(content: Uint8Array): boolean {
  const n = Math.min(content.length, 8192);
  for (let i = 0; i < n; i++) if (content[i] === 0) return true;
  return false;
}
