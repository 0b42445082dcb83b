/** Evidence read out of an issue's text, as the localizers and classifiers use it. Plain serialisable data. */

export interface TracebackFrame {
  /** The path as printed (absolute, relative, Windows, or a notebook cell such as `<ipython-input-3-…>`). */
  file: string;
  /** 1-based line; 0 when the paste did not show it (a notebook frame without its `-->` line). */
  line: number;
  /** Function name; "" for C++/CUDA error locations and compiler-style `file:line:` lines. */
  func: string;
  /** The source line printed under the frame, when present. */
  code?: string;
  /**
   * Read from a `file:line:` location line (a compiler's, glog's, pytest's or a Python warning's, `x.py:95:
   * DeprecationWarning: ...`), not from a traceback's frame header.
   */
  location?: true;
}

export interface Traceback {
  /** Frames in printed order: outermost first, innermost (where it was raised) last, as Python prints them. */
  frames: TracebackFrame[];
  /** Exception type as printed, possibly dotted (`tensorflow.python.framework.errors_impl.InvalidArgumentError`). */
  exceptionType?: string;
  /** Exception message as printed (continuation lines joined with "\n"). */
  message?: string;
}

export interface ExceptionMessage {
  type?: string;
  message: string;
}

export interface ParsedIssue {
  title: string;
  body: string;
  /** Body without code blocks, tracebacks and HTML comments (issue-template hints). */
  prose: string;
  /** Fenced (``` or ~~~, any length) and indented code blocks, without fences. */
  codeBlocks: string[];
  /** Contents of `inline code` spans in the prose. */
  inlineCode: string[];
  tracebacks: Traceback[];
  /** Exception types and messages from tracebacks, the title, prose and code; timestamps and C++ locations stripped. */
  exceptionMessages: ExceptionMessage[];
  /** Dotted names (torch.nn.functional.conv2d, Trainer.fit, mx.nd.array), deduped, boilerplate imports dropped. */
  apiNames: string[];
  /** Code-looking identifiers from code blocks, traceback code and inline code, deduped, keywords/builtins dropped. */
  identifiers: string[];
  /** File paths and module paths the text names, deduped, in order of appearance (forward slashes). */
  mentionedPaths: string[];
  /**
   * The line a mentioned path is cited at (`a.py:120`), by the path as in mentionedPaths. Not a link's `#L847`: that
   * line is at the link's commit, not at the analysed one.
   */
  mentionedLines: Record<string, number>;
  /** What the names the issue's code imports stand for (`np` → `numpy`, `np` → `mxnet.np`), from its import lines. */
  importBindings: Record<string, string>;
  /**
   * Names (of identifiers and apiNames) that only the code line printed under a traceback frame yields, with the
   * frame's file: not in the issue's code blocks or inline code, not a code word of its title or prose, not a part of
   * a dotted name found there. (The exception messages are not looked at: they are printed by the same code.)
   * Whether they are the repository's depends on where that file lies, which only a snapshot tells:
   * `return forward_call(*input)` under a torch frame is torch's code.
   */
  frameOnlyNames: Array<{ file: string; names: string[] }>;
  /**
   * Lines outside tracebacks, and inline code spans, that may be copies of the repository's code (prose lines included:
   * converted bodies lose their code fences), normalised as source-lines.ts compares them. A traceback's printed lines
   * are its frames' evidence.
   */
  quotedLines: string[];
}

export interface FrameMapping {
  /** The repository file the frame points at, or null. */
  repoPath: string | null;
  /** The frame is in an installed package (site-packages/dist-packages) that is not this repository. */
  thirdParty: boolean;
  /** The frame is in the Python standard library. */
  stdlib: boolean;
  /** Top-level package name of a site-packages frame (set whether or not it mapped into the repository). */
  package?: string;
}
