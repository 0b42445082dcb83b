import { parse as parseYaml } from "yaml";
import type { History } from "../types.js";

/**
 * The repository's issue templates, where GitHub looks for them: `.github/ISSUE_TEMPLATE.md`,
 * `.github/ISSUE_TEMPLATE/*.md|yml|yaml` (issue forms), and the same names at the root or under `docs/`.
 */
const TEMPLATE_PATH = /^(\.github\/|docs\/)?(issue_template\.md|issue_template\/[^/]+\.(md|ya?ml))$/i;

/** Templates are a few KiB; anything larger is not one. */
export const MAX_TEMPLATE_BYTES = 64 * 1024;

export function isIssueTemplatePath(path: string): boolean {
  return TEMPLATE_PATH.test(path) && !/\/config\.ya?ml$/i.test(path);
}

/**
 * A sentence or line reduced to its words, so that the template's "### To Reproduce" and the issue's
 * "To Reproduce" (markdown lost on the way, as in converted bodies) compare equal. A link counts by its text: the
 * template's "did you read [this doc](https://…)?" is the issue's "did you read this doc (https://…)?" or "this doc?".
 */
function normalize(segment: string): string {
  return segment
    .replace(/\[([^\]\n]*)\]\([^)\s]*\)/g, "$1")
    .replace(/\(?<?https?:\/\/[^\s)>]+>?\)?/g, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Lines, then sentences: converted bodies join a template's wrapped lines into one paragraph line. */
function segments(line: string): string[] {
  return line.split(/(?<=[.!?:])\s+/);
}

/** Every string of an issue form (labels, descriptions, placeholders, default values). */
function formStrings(value: unknown, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) formStrings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) formStrings(v, out);
}

/** The sentences of a repository's issue templates (markdown files or YAML issue forms), normalised. */
export function templateSentences(templates: readonly { path: string; text: string }[]): Set<string> {
  const out = new Set<string>();
  for (const { path, text } of templates) {
    let lines: string[];
    if (/\.ya?ml$/i.test(path)) {
      const strings: string[] = [];
      try {
        formStrings(parseYaml(text), strings);
      } catch {
        continue; // a broken form is no template
      }
      lines = strings.flatMap((s) => [...s.split("\n"), ""]);
    } else {
      lines = text.split("\n");
    }
    // Each line as written, and each paragraph with its wrapped lines joined, as a converted body has it.
    const paragraphs: string[] = [];
    let current: string[] = [];
    for (const line of [...lines, ""]) {
      if (line.trim()) current.push(line.trim());
      else if (current.length > 0) {
        paragraphs.push(current.join(" "));
        current = [];
      }
    }
    for (const line of [...lines, ...paragraphs]) {
      for (const s of segments(line)) {
        const n = normalize(s);
        if (n) out.add(n);
      }
    }
  }
  return out;
}

/**
 * The body without the sentences that come from the repository's issue templates ("Steps to reproduce the
 * behavior:", "Please paste the output of diagnose.py"): they are the maintainers' words, the same in every issue,
 * and they match the same files for every issue (a template that asks for `collect_env_details.py` output ranks
 * that script first). The reporter's words, code and logs are kept as they are; a code block is dropped only when
 * every line of it is the template's (the template's own "wget .../collect_env_details.py" block, left in place).
 */
export function withoutTemplateText(body: string, sentences: ReadonlySet<string>): string {
  if (sentences.size === 0) return body;
  const kept: string[] = [];
  let fence: string | null = null;
  let block: string[] = [];
  for (const line of body.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) {
      fence = marker;
      block = [line];
      continue;
    }
    if (fence !== null) {
      block.push(line);
      if (marker && marker.startsWith(fence)) {
        if (!isTemplateBlock(block.slice(1, -1), sentences)) pushAll(kept, block);
        fence = null;
      }
      continue;
    }
    if (!line.trim()) {
      kept.push(line);
      continue;
    }
    const parts = segments(line);
    const left = parts.filter((s) => !sentences.has(normalize(s)));
    if (left.length === parts.length) kept.push(line);
    else if (left.length > 0) kept.push(left.join(" "));
  }
  // A block never closed runs to the end of the body: the reporter's, as GitHub renders it.
  if (fence !== null) pushAll(kept, block);
  return kept.join("\n");
}

/** Appends one by one: `push(...lines)` passes every line as an argument, past the stack for a 1 MB log's lines. */
function pushAll(target: string[], lines: readonly string[]): void {
  for (const line of lines) target.push(line);
}

/** True when a code block has lines and every one of them is a line of the template. */
function isTemplateBlock(lines: readonly string[], sentences: ReadonlySet<string>): boolean {
  // Line by line, stopping at the first of the reporter's: past issues' logs run to thousands of lines, and every
  // bug of an evaluation reads the bodies of all the issues fixed before it.
  let any = false;
  for (const line of lines) {
    if (!line.trim()) continue;
    const words = normalize(line);
    if (words === "") continue;
    if (!sentences.has(words)) return false;
    any = true;
  }
  return any;
}

/** The history with the template text taken out of its past issues too, so that similar issues share content. */
export function historyWithoutTemplateText(history: History | undefined, sentences: ReadonlySet<string>): History | undefined {
  if (!history || sentences.size === 0) return history;
  return { ...history, pastFixes: history.pastFixes.map((f) => ({ ...f, body: withoutTemplateText(f.body, sentences) })) };
}
