import type { TriageResult } from "../types.js";

/** A plain markdown view of a triage result, for the terminal. */
export function formatTriageMarkdown(result: TriageResult, top: number): string {
  const lines: string[] = [];
  lines.push(`### mltriage: files most likely to hold the bug`);
  lines.push("");
  lines.push(`${result.repository.source}${result.repository.commit ? ` @ ${result.repository.commit.slice(0, 12)}` : ""}, ${result.filesIndexed} files indexed, ranked by \`${result.localization.localizer}\``);
  lines.push("");
  result.localization.ranked.slice(0, top).forEach((f, i) => {
    const why = f.evidence.map((e) => e.detail).join("; ");
    lines.push(`${i + 1}. \`${f.path}\` (${f.score.toFixed(3)})${why ? ` — ${why}` : ""}`);
  });
  if (result.localization.ranked.length === 0) lines.push("_No file matched the issue's words._");
  return lines.join("\n");
}
