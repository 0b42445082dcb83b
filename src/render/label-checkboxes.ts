/**
 * The label checkboxes of the bot's comment, and reading them back after a maintainer ticks one.
 * GitHub turns `- [ ]` into a clickable box and rewrites it to `- [x]` in the comment body when clicked,
 * which arrives as an `issue_comment.edited` webhook.
 */
import { codeSpan, escapeMarkdownKeepingCode, truncateText } from "./escape-markdown.js";
import { sameLabel } from "../labels/label-specs.js";

export const LABELS_START = "<!-- mltriage:labels -->";
export const LABELS_END = "<!-- /mltriage:labels -->";

export interface LabelCheckbox {
  label: string;
  checked: boolean;
  /** Why, shown after the label (escaped when rendered). */
  reason?: string;
}

export function renderLabelCheckboxes(boxes: readonly LabelCheckbox[]): string {
  const lines = boxes.map((box) => {
    // Code spans of the reason (a missing fact's "the `nvidia-smi` header") stay code; the rest is escaped, on one line.
    const reason = box.reason ? ` — ${escapeMarkdownKeepingCode(truncateText(box.reason, 160))}` : "";
    return `- [${box.checked ? "x" : " "}] ${codeSpan(box.label)}${reason}`;
  });
  return [LABELS_START, ...lines, LABELS_END].join("\n");
}

/** The checkbox state of the labels in a (possibly edited) bot comment, in order; only the labels section counts. */
export function parseLabelCheckboxes(body: string): { label: string; checked: boolean }[] {
  const start = body.indexOf(LABELS_START);
  const end = start === -1 ? -1 : body.indexOf(LABELS_END, start);
  const section = start !== -1 && end !== -1 ? body.slice(start + LABELS_START.length, end) : body;
  const boxes: { label: string; checked: boolean }[] = [];
  for (const line of section.split(/\r?\n/)) {
    const match = /^\s{0,3}[-*+]\s+\[([ xX])\]\s+(`+)(.*?[^`]|)\2(?!`)/.exec(line);
    if (!match) continue;
    const label = stripCodeSpanPadding(match[3] ?? "");
    if (!label || boxes.some((box) => sameLabel(box.label, label))) continue;
    boxes.push({ label, checked: match[1] !== " " });
  }
  return boxes;
}

/** CommonMark drops one space on each side of code span content when both sides have one. */
function stripCodeSpanPadding(content: string): string {
  if (content.length >= 2 && content.startsWith(" ") && content.endsWith(" ") && content.trim() !== "") {
    return content.slice(1, -1);
  }
  return content;
}
