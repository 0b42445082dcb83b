import { lstat, readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { createScope, looksBinary, type ScopeOptions } from "../ir/scope.js";
import { isIssueTemplatePath, MAX_TEMPLATE_BYTES } from "../issue/issue-template.js";
import type { IssueTemplate, RepoSnapshot, SkippedFile, SourceFile } from "../types.js";

/** Folders never walked: version control and dependency caches, which can be larger than the project. */
const NEVER_WALK = new Set([".git", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache"]);

/**
 * Reads the in-scope files of a working folder. Symlinks are reported and never followed (a link can point
 * outside the repository, or loop).
 */
export async function readFolderSnapshot(dir: string, options: ScopeOptions = {}): Promise<RepoSnapshot> {
  const scope = createScope(options);
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const issueTemplates: IssueTemplate[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(current, entry.name);
      const path = relative(dir, full).split(sep).join("/");
      if (entry.isSymbolicLink()) {
        if (scope.reasonToSkip(path, 0) === null) skipped.push({ path, reason: "symlink" });
        continue;
      }
      if (entry.isDirectory()) {
        if (!NEVER_WALK.has(entry.name)) pending.push(full);
        continue;
      }
      if (!entry.isFile()) continue;
      const { size } = await lstat(full);
      if (size <= MAX_TEMPLATE_BYTES && isIssueTemplatePath(path)) {
        const text = await readFile(full).catch(() => null);
        if (text && !looksBinary(text)) issueTemplates.push({ path, text: text.toString("utf8") });
      }
      const reason = scope.reasonToSkip(path, size);
      if (reason === "excluded") continue;
      if (reason) {
        skipped.push({ path, reason });
        continue;
      }
      if (files.length >= scope.maxFiles) {
        skipped.push({ path, reason: "excluded" });
        continue;
      }
      let content: Buffer;
      try {
        content = await readFile(full);
      } catch {
        skipped.push({ path, reason: "unreadable" });
        continue;
      }
      if (looksBinary(content)) skipped.push({ path, reason: "binary" });
      else files.push({ path, text: content.toString("utf8"), size });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  issueTemplates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { source: dir, commit: null, files, skipped, issueTemplates };
}
