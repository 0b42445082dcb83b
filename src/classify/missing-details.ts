/**
 * What a bug report lacks to be acted on, whatever its cause: the error itself, as text, and a way to reproduce
 * it. A maintainer's first questions to "it stops working" or to a report of screenshots: without the error, no
 * file can be pointed at; without a reproducer, no fix can be checked. Asked beside the environment facts, but not
 * part of them (the "needs environment info" label reads only those).
 */
import { hasCodeBlock, hasTraceback, PASTED_ERROR, type PreparedIssue } from "./text.js";

/**
 * An error shown as text, beyond a pasted one (text.ts PASTED_ERROR): an exception named with what it says, an
 * "error:" or "failed:" line, an assertion or check that failed, a warning. Looser than what makes a report a bug
 * report, since here it only spares the reporter a question. A crash or CUDA error in any case, capitals included
 * ("SEGMENTATION FAULT"), where PASTED_ERROR reads only the first letter's two cases.
 */
const ERROR_TEXT =
  /\b[A-Z]\w*(?:Error|Exception)\b|\berror\b\s*[:(\[]|\bfailed\b\s*[:(]|\bcheck failed\b|\bassert(?:ion)? failed\b|\bwarning:|\bsegmentation fault\b|\bCUDA error\b/i;
/**
 * The report says an error happened ("I get the following error", "the error message is", "it crashes"), not only
 * that something is one ("error in the docstring", "dimensionality error in GroupNorm" are mistakes, not errors).
 */
const ERROR_MENTIONED =
  /\b(?:get|gets|got|getting|gives?|gave|throws?|threw|raises?|raised|shows?|showed|reports?|encounter(?:s|ed)?|see|saw|hit|produc(?:e|es|ed|ing)|throwing|raising|showing|with)\s+(?:(?:an?|the|this|that|following|same|some|these)\s+)*(?:[\w-]+\s+)?(?:errors?|exceptions?)\b|\b(?:errors?|exceptions?)\s+(?:occurs?|occurred|happens?|happened|is raised|was raised|message|traces?|logs?|output|shows? up|appears?)\b|\bcrash(?:es|ed|ing)?\b|\bsegfaults?\b/gi;

/** Words that make "errors" a measurement (of a model's output against a reference), not an exception. */
const ERROR_METRIC = /\b(?:large|larger|high|higher|low|lower|small|smaller|big|bigger|numerical|numeric|rounding|relative|absolute|reconstruction|approximation|squared|mean)\s+errors?\b/i;

/**
 * True when some line of prose says an error happened: not a heading (mxnet's template has "### Error Message"
 * whether or not there was one), not negated ("it doesn't crash", "should not crash", "runs with no errors").
 */
function mentionsError(text: string): boolean {
  for (const line of text.split("\n")) {
    if (/^\s*#/.test(line)) continue;
    for (const m of line.matchAll(ERROR_MENTIONED)) {
      const before = line.slice(Math.max(0, m.index - 16), m.index);
      // The negation may also sit inside the match, between the verb and the noun: "works with no errors", "got no error".
      if (/\b(?:no|not|never|without)\b/i.test(m[0])) continue;
      // A measured error is no error raised: "produced large errors", "showing higher relative errors" of a model's output.
      if (ERROR_METRIC.test(m[0])) continue;
      if (!/\b(?:not|never|no|without)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$/i.test(before)) return true;
    }
  }
  return false;
}
/** The reporter ran something and tells what happened: "when I run", "I was training", "after running". */
const RAN_SOMETHING =
  /\b(?:when (?:I|we) (?:run|ran|try|tried|train|call|use|load|start)|(?:I|we) (?:am|was|were|'m) (?:trying|training|running|using|calling|loading)|(?:I|we) (?:run|ran|tried|trained|called|get|got)\b|after (?:running|training|calling)|while (?:training|running))/i;
/** A screenshot: markdown or HTML images, or GitHub's attachment links. */
const IMAGE = /!\[[^\]]*\]\([^)]+\)|<img\b|\buser-images\.githubusercontent\.com\b|\.(?:png|jpe?g|gif)\b/i;
/**
 * Code pasted outside a fence: imports, definitions, assignments from calls, an interactive prompt. Indents are
 * `[ \t]*`, not `\s*`: under the `m` flag `^\s*` runs across every following blank line from each line start, and
 * a body of 40,000 empty lines took seconds (the same for STEPS and report-kind's CODE_POINTER, whose newline runs
 * are also written `\n\s*`, not `\n+\s*` or `\s*\n\s*`, which try every split of the run).
 */
const SCRIPT_LINE = /^[ \t]*(?:import \w|from \w[\w.]* import |def \w|class \w|\w+\s*=\s*\w[\w.]*\(|>>> )/m;
/**
 * Steps written out: "Steps to reproduce" with something under it, a numbered list of two steps or more, or the
 * command that was run ("./DQN.py --rom breakout.bin", "python train.py --gpus 2", "python -m pkg.cli", a project's
 * own command as a shell line, "$ ludwig train --config c.yaml", not one that inspects the machine, "$ nvidia-smi -L";
 * or under a label, on its line or the next, "Command: ludwig experiment ...", ludwig-ai/ludwig#386). The interpreter
 * must run a script, a module or `-c`: "Python 3.6.9" in an environment list is a version, not a command.
 */
const STEPS =
  /\bsteps? to reproduce\b[^\n]*\n\s*(?:\d+[.)]|[-*])\s*\S{4,}|^[ \t]*1[.)]\s+\S[^\n]*\n\s*2[.)]\s+\S|(?:^|[\s"'(])(?:\.\/[\w.-]+\.(?:py|sh)|python(?:\d+(?:\.\d+)?)?\s+(?:-m\s+\w|-c\s|[\w./-]+\.py\b))|^[ \t]*(?:[-*][ \t]*)?(?:the )?(?:command|cmd)(?:[ \t]+(?:used|run|I ran))?[ \t]*:[ \t]*(?:\n[ \t]*)?`?[\w./-]+[ \t]+[\w-]|^[ \t]*\$[ \t]+(?!(?:nvidia-smi|nvcc|pip3?|conda|uname|cat|lsb_release|which|ls|echo|env|export|cd|python3?[ \t]+-{1,2}(?:V|version)|gcc|cmake[ \t]+--version)\b)[\w./-]+[ \t]+[\w-]/im;

/**
 * A reproducer kept elsewhere and linked: a gist, a Colab notebook, or a repository the report calls a reproduction
 * ("I made a small repro repository ... here (https://github.com/me/warp-bug)", kornia#642).
 */
const REPRODUCER_LINK =
  /\bgist\.github(?:usercontent)?\.com\/|\bcolab\.research\.google\.com\/|\b(?:repro\w*|minimal (?:example|script)|example (?:repo\w*|script|notebook))\b[^\n]{0,120}?https?:\/\/(?:github\.com|gitlab\.com|bitbucket\.org)\/[\w.-]+\/[\w.-]+/i;

export const ASK_ERROR = "the full error message or log, pasted as text";
/** For a report that says little and speaks of no error: there may be none (a code review phrased as a title). */
export const ASK_ERROR_IF_ANY = "the full error message or log, if there is one, pasted as text";
export const ASK_ERROR_NOT_SCREENSHOT = "the full error message or log, pasted as text (a screenshot cannot be searched or copied)";
export const ASK_REPRODUCER = "a short script or the exact steps that reproduce it";

export interface MissingDetailsOptions {
  isBugReport: boolean;
  /** hasTraceback(issue.body), which the classifier has already computed (IssueAnalysis.traceback). */
  traceback?: boolean;
  /** The report says little beyond its title (classify/bare-report.ts): both are asked, whatever it says. */
  saysLittle?: boolean;
}

export function missingDetails(issue: PreparedIssue, options: MissingDetailsOptions): string[] {
  if (!options.isBugReport) return [];
  const out: string[] = [];
  const { body, title } = issue;
  const code = hasCodeBlock(body) || SCRIPT_LINE.test(body);
  // Shown in the body: an error quoted in the title ("AttributeError: 'Trainer' object has no attribute") is named,
  // not shown with its traceback, and a body that holds only a screenshot of it shows no text.
  const shown = (options.traceback ?? hasTraceback(body)) || PASTED_ERROR.test(body) || ERROR_TEXT.test(body);
  const mentioned = mentionsError(issue.all) || PASTED_ERROR.test(title) || ERROR_TEXT.test(title);
  const screenshot = IMAGE.test(body);
  // Asked only of a report that speaks of an error it does not show (as text: a screenshot of it is not shown):
  // a report of a wrong formula, a spelling mistake, an outdated pin or a wrong plot has no error to paste.
  if (!shown && mentioned && (screenshot || !code)) out.push(screenshot ? ASK_ERROR_NOT_SCREENSHOT : ASK_ERROR);
  // A bare report is asked whatever it shows of code; "if there is one" only when it speaks of no error.
  else if (!shown && options.saysLittle) out.push(screenshot ? ASK_ERROR_NOT_SCREENSHOT : mentioned ? ASK_ERROR : ASK_ERROR_IF_ANY);
  // Asked only of a report of something the reporter ran: a code review ("weight_decay should be applied before
  // clipping") is its own reproducer.
  if (!code && !STEPS.test(body) && !REPRODUCER_LINK.test(body) && (options.saysLittle || RAN_SOMETHING.test(issue.all))) out.push(ASK_REPRODUCER);
  return out;
}
