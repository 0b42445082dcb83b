import { readFile } from "node:fs/promises";

/** One row of a localization benchmark (format of the project's benchmark README). */
export interface BenchmarkBug {
  id: string;
  repo: string;
  issue_number?: number;
  created_at?: string;
  title: string;
  body: string;
  base_commit: string;
  fix_commit?: string;
  gt_files: string[];
  bug_type?: string | null;
  extrinsic?: boolean | null;
}

export interface DatasetProblem {
  line: number;
  message: string;
}

function validate(value: unknown): string | BenchmarkBug {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a JSON object";
  const v = value as Record<string, unknown>;
  for (const key of ["id", "repo", "base_commit"] as const) if (typeof v[key] !== "string" || !v[key]) return `missing "${key}"`;
  if (typeof v.title !== "string") return `missing "title"`;
  if (v.body !== undefined && v.body !== null && typeof v.body !== "string") return `"body" is not a string`;
  if (!Array.isArray(v.gt_files) || !v.gt_files.every((f) => typeof f === "string")) return `"gt_files" is not a list of paths`;
  if (!/^[0-9a-f]{7,64}$/.test(v.base_commit as string)) return `"base_commit" is not a commit id`;
  if (!/^[^/\s]+\/[^/\s]+$/.test(v.repo as string)) return `"repo" is not owner/name`;
  return { ...(v as unknown as BenchmarkBug), body: (v.body as string | undefined) ?? "" };
}

/** Reads a JSONL benchmark; an unreadable line is reported with its number and skipped. */
export async function readDataset(path: string): Promise<{ bugs: BenchmarkBug[]; problems: DatasetProblem[] }> {
  const text = await readFile(path, "utf8");
  const bugs: BenchmarkBug[] = [];
  const problems: DatasetProblem[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      problems.push({ line: i + 1, message: `invalid JSON (${(err as Error).message})` });
      return;
    }
    const result = validate(parsed);
    if (typeof result === "string") problems.push({ line: i + 1, message: result });
    else bugs.push(result);
  });
  return { bugs, problems };
}
