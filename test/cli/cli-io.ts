/** A CliIo that records what a command printed, for assertions. */
import type { CliIo } from "../../src/cli/io.js";

export interface CapturedIo extends CliIo {
  out: string[];
  err: string[];
  progressLines: string[];
  readonly stdoutText: string;
  readonly stderrText: string;
}

export function captureIo(isTty = false): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const progressLines: string[] = [];
  return {
    out,
    err,
    progressLines,
    isTty,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    progress: (t) => void progressLines.push(t),
    get stdoutText() {
      return out.join("\n");
    },
    get stderrText() {
      return err.join("\n");
    },
  };
}

/** The paths of a rendered comment's numbered file list, in order. */
export function rankedPathsOf(markdown: string): string[] {
  // Local paths carry the line a link would anchor to (`a/b.py:43`); the path is what the tests compare.
  return [...markdown.matchAll(/^\d+\. `([^`]+?)(?::\d+)?`/gm)].map((m) => m[1]!);
}

/** True when text holds a JavaScript stack frame. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+[:(]/.test(text);
}
