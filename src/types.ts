/**
 * The data that flows through mltriage, defined once. Everything here is a plain, serialisable object:
 * it may cross a queue, be written as JSON by the CLI, or be rendered into a comment.
 */

/** An issue as the pipeline sees it: text only, never a token or a client. */
export interface IssueText {
  title: string;
  body: string;
  /** Issue number, when the issue lives on GitHub. */
  number?: number;
  /** ISO 8601 time the issue was opened; history-based localizers use only what came before it. */
  createdAt?: string;
  author?: string;
  url?: string;
}

/** One file of a repository snapshot, read as text. */
export interface SourceFile {
  /** Repository-relative path with forward slashes. */
  path: string;
  /** Git blob SHA when read from git (used to cache parsed documents across commits). */
  blobSha?: string;
  text: string;
  /** Size in bytes. */
  size: number;
}

export type SkipReason = "binary" | "too-large" | "symlink" | "excluded" | "vendored" | "generated" | "unreadable";

export interface SkippedFile {
  path: string;
  reason: SkipReason;
}

/** The files of one repository at one commit (or a working folder, commit null) that are in scope. */
export interface RepoSnapshot {
  /** A label for humans: a folder path, a clone URL or owner/name. */
  source: string;
  commit: string | null;
  files: SourceFile[];
  skipped: SkippedFile[];
  /** The repository's issue templates (outside the search scope), so their text can be told from the reporter's. */
  issueTemplates?: IssueTemplate[];
}

export interface IssueTemplate {
  path: string;
  text: string;
}

/** Why a file was ranked where it is. Each piece is short enough for one line of a comment. */
export interface Evidence {
  kind:
    | "terms" // query terms the file matched
    | "traceback" // a traceback frame points into the file
    | "error-location" // a compiler or native-code error line (`convolution.cu(93): error`, `src/x.cc:7: Check failed`) names the file
    | "identifier" // an identifier or dotted API name from the issue's code matched a definition
    | "message" // an exception or error message matched a string literal or raise site
    | "quoted-line" // the file holds a line of code the issue copies
    | "path" // the issue names the file or module
    | "similar-issue" // a similar past issue was fixed in this file
    | "commit" // recent fix commits touched the file
    | "fix-count" // how many earlier fixes changed the file: a prior about the file, not about the report
    | "import" // the file is imported by a file in the traceback
    | "feedback" // a maintainer said this file was (or was not) the place
    | "structure" // class/method names matched
    | "paired-test" // the file's test (or the code its test covers) is implicated too
    | "tested-name"; // a test file whose test functions are named after a name the issue uses
  detail: string;
  /** 1-based line number, when the evidence names one (a traceback frame, a raise site). */
  line?: number;
  /** The last line of a range the evidence names (a copied block), when it spans more than `line`. */
  endLine?: number;
  /**
   * The source line the report printed at `line` (a traceback frame's): the reporter may run another release, so
   * the pipeline checks it against the analysed commit and moves or drops the line (pipeline/anchor-lines.ts).
   */
  code?: string;
  /**
   * The function a traceback frame names (`reduce_across_time`): when the printed line is not at the analysed commit,
   * the link goes to the function's definition instead (pipeline/anchor-lines.ts). Dropped there, like `code`.
   */
  func?: string;
}

export interface RankedFile {
  path: string;
  score: number;
  evidence: Evidence[];
  /** A test file (tests/ folder, a conftest.py, or named test_*.py or *_test.py and holding a test function), not library code. */
  test?: true;
}

/** The output of one localizer for one issue. */
export interface LocalizerRanking {
  localizer: string;
  version: string;
  ranked: RankedFile[];
}

export interface Localization {
  /** Id of the localizer whose list is shown (the default ranker). */
  localizer: string;
  version: string;
  ranked: RankedFile[];
  /** Every localizer that ran, by id, for comparison and for the JSON output. */
  byLocalizer: Record<string, LocalizerRanking>;
}

/** DL bug taxonomy of Humbatova et al., as used by Jahan et al. */
export const BUG_TYPES = ["Model", "Tensor & Input", "Training", "GPU", "API", "non-DL"] as const;
export type BugType = (typeof BUG_TYPES)[number];

/** What kind of report the issue is at all. Only bug reports get a ranking. */
export type ReportKind = "bug" | "question" | "feature" | "docs";

export const EXTRINSIC_CAUSES = [
  "gpu-driver-cuda",
  "os-platform",
  "third-party-library",
  "training-data",
  "pretrained-model",
  "build-install",
] as const;
export type ExtrinsicCause = (typeof EXTRINSIC_CAUSES)[number];

export interface Label<T extends string = string> {
  label: T;
  /** Calibrated probability in [0, 1]. */
  confidence: number;
  evidence: string[];
}

/** Versions and hardware the issue states. Missing keys were not found. */
export interface Environment {
  python?: string;
  /** The Python version was read only off an install path (`.../lib/python3.6/site-packages/...`), not stated. */
  pythonFromPaths?: true;
  frameworks: Record<string, string>; // e.g. { torch: "1.7.0", tensorflow: "2.4" }
  /** The key in `frameworks` that is the analysed project's own package, when the report states its release. */
  project?: string;
  cuda?: string;
  cudnn?: string;
  driver?: string;
  gpu?: string;
  /** NCCL's version, as its log or a build config prints it. */
  nccl?: string;
  /** The MPI and its version: "Open MPI 4.0.3", "MPICH 3.3". */
  mpi?: string;
  os?: string;
  /**
   * Facts the report answers as not applying ("CUDA/cuDNN version: N/A", "GPU model: none"): not missing, so not
   * asked. Only facts it does not state otherwise.
   */
  notApplicable?: Array<"python" | "os" | "cuda" | "cudnn" | "driver" | "gpu">;
  /** How the framework was installed, when the report shows it: "pip", "conda", "source" or a Docker image. */
  installedWith?: "pip" | "conda" | "source" | "docker";
  /**
   * The commit of the project the reporter runs, as a version report states it ("MXNet commit hash: ffa6e45",
   * diagnose.py's "Commit Hash : 2b67436…", "MONAI version: 0.1.0, git hash: af9f654"): seven hex digits.
   */
  revision?: string;
  /** What a report of a build from source shows (classify/environment.ts), to ask a build failure for its own facts. */
  build?: BuildFacts;
}

export interface BuildFacts {
  /** Compiler or linker errors ("convolution.cu(93): error:", "undefined reference to"): it failed while building. */
  failedAtBuild?: true;
  /** The compiler and its version as stated, e.g. "g++ 5.4.0", "clang 10.0.0", "MSVC 19.16". */
  compiler?: string;
  /** The build runs CMake; `cmakeVersion` when the report states it. */
  usesCmake?: true;
  cmakeVersion?: string;
  /** CUDA / cuDNN switched on or off in the build ("USE_CUDA=1", "-DUSE_CUDNN=OFF"; nvcc in the log means CUDA on). */
  cuda?: "on" | "off";
  cudnn?: "on" | "off";
  /** The report names what was built: a commit hash, a release tag or the framework's version. */
  revisionStated?: true;
  /** The report shows a make or cmake command line with its flags ("make USE_CUDA=1", "cmake -DUSE_CUDNN=OFF"). */
  flagsStated?: true;
}

export interface Classification {
  modelVersion: string;
  reportKind: Label<ReportKind>;
  /**
   * `titleOnly`: the report says little beyond its title (see classify/bare-report.ts), so the type is a guess from
   * the title's words: its confidence is calibrated on reports that say more, and it is not stated as confident.
   * `wordsOnly`: nothing of the DL lexicon points at the type, only words the model learned ("fail") or the report's
   * shape, so an unsure type is not named (see labels/classification-verdicts.ts).
   */
  bugType: Label<BugType> & { probabilities: Partial<Record<BugType, number>>; titleOnly?: true; wordsOnly?: true };
  extrinsic: Label<"extrinsic" | "intrinsic"> & { causes: Label<ExtrinsicCause>[] };
  environment: Environment;
  /** Environment facts worth asking the reporter for (empty when nothing is missing or it is not extrinsic). */
  missingFacts: string[];
  /** A build that failed, the build likeliest at fault: `missingFacts` are the build's, each naming its command. */
  buildFailure?: true;
  /**
   * The report's error is raised in this repository's code (the innermost frame past the standard library of its last
   * traceback, whose printed line the file holds, with an exception that is no sign of a missing environment;
   * pipeline/raised-in-project.ts): the line as the traceback printed it. No outside cause is then stated as probable.
   * With `throughStandardLibrary`, the error is raised by a call the file makes into the standard library
   * (`writer.writerow(row)` failing in `encodings/cp1252.py`).
   */
  raisedInProject?: { path: string; line: number; exceptionType: string; throughStandardLibrary?: true };
  /**
   * The report's error is raised in an installed library that is not this project (the innermost frame past the
   * standard library of its last traceback is that package's; pipeline/raised-in-project.ts): its package name.
   */
  raisedInLibrary?: { library: string; exceptionType: string };
  /**
   * The report copies a line of this repository's code and proposes a change to it (pipeline/proposed-fix.ts): where
   * that line is at this commit. No outside cause is then stated as probable, and nothing is asked.
   */
  proposedFix?: { path: string; line: number };
  /** What the report lacks whatever the cause (the error as text, a reproducer); classify/missing-details.ts. */
  missingDetails?: string[];
  /**
   * The framework whose version and environment report the comment asks for when the report states none: the one the
   * report names, else the one the repository imports most (pipeline/repository-framework.ts).
   */
  frameworkAsked?: string;
}

/** How far the ranked files are worth showing. */
export interface Localizability {
  /** Calibrated probability that a ground-truth file is in the top 5. */
  confidence: number;
  verdict: "show" | "soften" | "withhold";
  reasons: string[];
}

export interface TriageResult {
  tool: { name: "mltriage"; version: string };
  /** `framework`: the DL framework most of the repository's Python files import (torch, tensorflow, mxnet...). */
  repository: { source: string; commit: string | null; framework?: string };
  issue: { title: string; number?: number };
  filesIndexed: number;
  filesSkipped: number;
  localization: Localization;
  classification?: Classification;
  localizability?: Localizability;
  /** Milliseconds per pipeline step. */
  timings: Record<string, number>;
}

/** A fixed past report, usable as history only when it was fixed before the issue being ranked. */
export interface PastFix {
  id: string;
  title: string;
  body: string;
  /** Files the fix changed, as named at fix time. */
  files: string[];
  /** ISO 8601 time of the fix (the commit date). */
  fixedAt: string;
}

export interface CommitInfo {
  sha: string;
  /** ISO 8601 commit date. */
  date: string;
  message: string;
  files: string[];
}

/** What the history-based localizers may see: only what existed before the analysed commit. */
export interface History {
  pastFixes: PastFix[];
  commits: CommitInfo[];
}
