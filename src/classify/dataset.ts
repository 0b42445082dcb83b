/**
 * Reads labelled issues from JSON Lines (the benchmark's classification format: id, repo, title, body, bug_type,
 * extrinsic). Bad lines are reported with their line number and skipped, never thrown.
 */

import { BUG_TYPES, type BugType } from "../types.js";
import type { LabelledIssue } from "./train.js";

export interface DatasetProblem {
  line: number;
  message: string;
}

export interface ParsedDataset {
  issues: LabelledIssue[];
  problems: DatasetProblem[];
  /** Lines that were valid JSON but carried no label (bug_type or extrinsic null): skipped silently but counted. */
  unlabelled: number;
}

export function parseLabelledJsonl(text: string): ParsedDataset {
  const issues: LabelledIssue[] = [];
  const problems: DatasetProblem[] = [];
  let unlabelled = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let row: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not a JSON object");
      row = parsed as Record<string, unknown>;
    } catch (err) {
      problems.push({ line, message: `not valid JSON (${(err as Error).message})` });
      return;
    }
    if (row.bug_type === null || row.bug_type === undefined || row.extrinsic === null || row.extrinsic === undefined) {
      unlabelled++;
      return;
    }
    if (typeof row.title !== "string") return void problems.push({ line, message: "missing string field \"title\"" });
    if (row.body !== undefined && row.body !== null && typeof row.body !== "string") {
      return void problems.push({ line, message: "field \"body\" must be a string" });
    }
    if (!BUG_TYPES.includes(row.bug_type as BugType)) {
      return void problems.push({ line, message: `unknown bug_type ${JSON.stringify(row.bug_type)} (expected one of ${BUG_TYPES.join(", ")})` });
    }
    if (typeof row.extrinsic !== "boolean") return void problems.push({ line, message: "field \"extrinsic\" must be true or false" });
    const id = typeof row.id === "string" ? row.id : `line-${line}`;
    const repo = typeof row.repo === "string" && row.repo ? row.repo : id.includes("#") ? id.slice(0, id.indexOf("#")) : "unknown";
    issues.push({
      id,
      repo,
      title: row.title,
      body: typeof row.body === "string" ? row.body : "",
      bugType: row.bug_type as BugType,
      extrinsic: row.extrinsic,
    });
  });
  return { issues, problems, unlabelled };
}
