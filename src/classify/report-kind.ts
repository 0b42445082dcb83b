/**
 * Is the issue a bug report at all, or a question, a feature request or a docs request? Rules, because no labelled
 * examples of the non-bug kinds exist in the benchmark: the confidences are fixed judgements, not calibrated
 * probabilities, and a report that shows an error is always treated as a bug.
 */

import type { Label, ReportKind } from "../types.js";
import { PASTED_ERROR, type PreparedIssue } from "./text.js";

const ERROR_SIGNS =
  /\b(?:error|exception|traceback|crash\w*|fail\w*|broken|segfault|seg(?:mentation)? fault|wrong|incorrect|bug|regression|nan|hang\w*|leak\w*|doesn'?t work|does not work|not working|cannot|can'?t|unable|abort\w*|core dumped)\b/i;

/**
 * An exception as Python prints it, name then colon (`AttributeError: module ... has no attribute`): the error
 * pasted into the title. A name alone may be what a feature or a docs request is about ("Raise a ValueError").
 */
const EXCEPTION_NAME = /\b[A-Z]\w*(?:Error|Exception):/;

const FEATURE_TITLE =
  /\b(?:feature request|\[feature\]|\[fr\]|\[enhancement\]|\[rfc\]|\[proposal\]|enhancement:|feature:|would be (?:nice|great|useful)|please add|add (?:an? )?(?:option|support|ability|flag|parameter) (?:for|to)|request(?:ing)? support)\b/i;
// Not a bare "feature request": bug templates say "Describe the problem or feature request".
const FEATURE_BODY =
  /\bis your feature request related to a problem|^#+\s*feature request\s*$|\b(?:it would be (?:nice|great|useful) (?:if|to)|i(?:'d| would) like to request)\b/im;
const QUESTION_TITLE = /^\s*(?:\[?question\]?:?|q:|how\b|what\b|why\b|is (?:it|there)\b|are there\b|can (?:i|we|you)\b|could (?:i|we|you)\b|do (?:i|we|you)\b|does (?:anyone|mxnet|tensorflow|pytorch|keras)\b|where\b|which\b|should (?:i|we)\b)/i;
/**
 * The report points at a line of code: a permalink (`/blob/776b751/.../focal_loss.py#L132`) or a branch's link to a
 * line (`/blob/master/horovod/torch/__init__.py#L174`, horovod#1099), or GitHub's code embed as converted bodies keep
 * it ("Line 132 in 776b751"). "Lost gradient after clipping in focal loss?" above the line that clips is a bug report
 * phrased as a question.
 */
const CODE_POINTER = /\/blob\/[\w.-]{1,100}\/[^\s#)]+#L\d+|^[ \t]*Lines? \d+(?: to \d+)?[^\S\n]*\n\s*in[^\S\n]*\n\s*[0-9a-f]{7,40}\s*$/im;
/**
 * The reporter chose the repository's bug template: its heading is in the body ("### Bug Description", "## 🐛 Bug",
 * "**Describe the bug**").
 */
const BUG_TEMPLATE = /^[ \t]*(?:#+[ \t]*)?(?:\*\*)?(?:🐛[ \t]*)?(?:bug description|describe the bug|bug report|bug)(?:\*\*)?[ \t]*:?(?:\*\*)?[ \t]*$/im;
/** A failure a docs build or a tool prints: "WARNING: autodoc: failed to import ...", "cannot import name 'X'". */
const SHOWN_FAILURE = /^[ \t]*(?:WARNING|ERROR)\b[^\n]*:|\bfailed to import\b|\bcannot import name\b/m;
const DOCS_TITLE = /\b(?:docs?|documentation|docstrings?|tutorials?|readme|website|web ?page)\b/i;

function kindLabel(label: ReportKind, confidence: number, evidence: string[]): Label<ReportKind> {
  return { label, confidence, evidence };
}

export function classifyReportKind(issue: PreparedIssue, hasTraceback: boolean): Label<ReportKind> {
  const title = issue.title.trim();
  const errorInTitle = ERROR_SIGNS.exec(title);
  // An exception pasted into the title makes a report about docs or a feature a bug report ("AttributeError: ...
  // while running the Segmentation Tutorial"); a how-to question may name one ("How do I catch a ValueError?").
  const namedError = errorInTitle ?? EXCEPTION_NAME.exec(title);
  const errorInBody = hasTraceback ? "a traceback" : ERROR_SIGNS.exec(issue.body)?.[0];
  const quotedTitle = `"${title.slice(0, 80)}"`;

  const featureTitle = FEATURE_TITLE.exec(title);
  if (featureTitle && !namedError) {
    return kindLabel("feature", errorInBody ? 0.6 : 0.8, [`title says \`${featureTitle[0]}\``]);
  }
  const featureBody = FEATURE_BODY.exec(issue.body);
  if (featureBody && !namedError && !hasTraceback) {
    return kindLabel("feature", 0.7, [`says \`${featureBody[0]}\``]);
  }
  const docs = DOCS_TITLE.exec(title);
  // Filed with the bug template, a report about the docs is one the reporter calls a bug: "sphinx documentation
  // warnings" over autodoc's "cannot import name 'RemovableEventHandle'" (Project-MONAI/MONAI#863) was fixed in the
  // handlers' imports. Its files are worth ranking; a docs request's are not.
  const bugTemplateChosen = BUG_TEMPLATE.test(issue.body) && (PASTED_ERROR.test(issue.body) || SHOWN_FAILURE.test(issue.body));
  if (docs && !namedError && !hasTraceback && !bugTemplateChosen && !/\b(?:link|404|redirect|page)\b.*\b(?:broken|dead)\b/i.test(title)) {
    return kindLabel("docs", errorInBody ? 0.55 : 0.75, [`title is about \`${docs[0]}\``]);
  }
  const questionStart = QUESTION_TITLE.exec(title);
  const questionMark = /\?\s*$/.test(title);
  // An error actually pasted: a question-like title over it is a bug report asking for help with it ("cudnn does
  // not support NCHW batch_norm during inference?" above a pasted InternalError and a patch).
  // Quoted by its own name (`InternalError`), not its module path.
  const errorShown = PASTED_ERROR.exec(issue.body)?.[0].replace(/^[ \t>]*(?:\w+\.)*/, "");
  const bugTemplate = BUG_TEMPLATE.exec(issue.body)?.[0].trim();
  const codePointer = CODE_POINTER.test(issue.body);
  if ((questionStart || questionMark) && !errorInTitle && !hasTraceback && !errorShown && !bugTemplate && !codePointer) {
    const evidence = [`title asks a question: ${quotedTitle}`];
    return kindLabel("question", errorInBody ? 0.55 : questionStart && questionMark ? 0.8 : 0.65, evidence);
  }
  const evidence: string[] = [];
  if (namedError) evidence.push(`title says \`${namedError[0]}\``);
  if (hasTraceback) evidence.push("has a traceback");
  else if (errorShown) evidence.push(`shows \`${errorShown}\``);
  else if (errorInBody) evidence.push(`mentions \`${errorInBody}\``);
  if (bugTemplate) evidence.push(`filed with the bug template (\`${bugTemplate.replace(/[#*]+/g, "").trim()}\`)`);
  if (codePointer) evidence.push("points at a line of the code");
  return kindLabel("bug", evidence.length > 0 ? 0.9 : 0.7, evidence);
}
