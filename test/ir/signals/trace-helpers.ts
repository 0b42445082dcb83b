/** Python's traceback format, outermost frame first (as Python prints it), for tests that need one. */
export function pythonTraceback(frames: { file: string; line?: number; func?: string }[], exception = "RuntimeError: boom"): string {
  const lines = ["Traceback (most recent call last):"];
  for (const f of frames) lines.push(`  File "${f.file}", line ${f.line ?? 1}, in ${f.func ?? "<module>"}`);
  lines.push(exception);
  return lines.join("\n");
}
