import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Under the `m` flag, `^\s*` or `^\s+` at a line start also runs across every following blank line, and the engine
 * tries it again from each of those line starts: a body of 48,000 blank lines (within the size cap) took seconds.
 * Line-start indents are written `[ \t]*`. Checked on the source, not by timing a run, which would be flaky.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Regex literals (`/.../flags`) and `new RegExp(String.raw\`...\`, "flags")` calls, with their flags. */
function regexSources(code: string): { source: string; flags: string }[] {
  const out: { source: string; flags: string }[] = [];
  for (const m of code.matchAll(/(?<![\w)\]])\/((?:[^/\n\\[]|\\.|\[(?:[^\]\n\\]|\\.)*\])+)\/([a-z]*)/g)) {
    out.push({ source: m[1]!, flags: m[2]! });
  }
  for (const m of code.matchAll(/new RegExp\(\s*String\.raw`([^`]*)`\s*,\s*"([a-z]*)"/g)) {
    out.push({ source: m[1]!, flags: m[2]! });
  }
  return out;
}

/** Regexes whose flags include m. */
function multilineRegexSources(code: string): string[] {
  return regexSources(code)
    .filter((r) => r.flags.includes("m"))
    .map((r) => r.source);
}

describe("multi-line regexes", () => {
  it("write line-start indents as [ \\t]*, never \\s* or \\s+", () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(join(process.cwd(), "src"))) {
      for (const source of multilineRegexSources(readFileSync(file, "utf8"))) {
        checked++;
        if (/\^\\s[*+{]/.test(source)) offenders.push(`${file.slice(process.cwd().length + 1)}: /${source}/`);
      }
    }
    expect(checked).toBeGreaterThan(10); // the scan finds the regexes it is meant to check
    expect(offenders).toEqual([]);
  });

  it("write a whitespace run around a newline as [^\\S\\n]*\\n\\s*, never \\s*\\n\\s* or \\n+\\s*", () => {
    // Both quantifiers take newlines, so a blank-line run after "Line 5" (a code embed's start) or "Steps to
    // reproduce" is split every way before the match fails: quadratic, seconds for a body of 48,000 blank lines.
    const offenders: string[] = [];
    for (const file of sourceFiles(join(process.cwd(), "src"))) {
      for (const { source } of regexSources(readFileSync(file, "utf8"))) {
        if (/\\s[*+]\\n|\\n[*+]\\s/.test(source)) offenders.push(`${file.slice(process.cwd().length + 1)}: /${source}/`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
