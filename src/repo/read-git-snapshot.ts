import { createScope, looksBinary, type ScopeOptions } from "../ir/scope.js";
import { isIssueTemplatePath, MAX_TEMPLATE_BYTES } from "../issue/issue-template.js";
import type { IssueTemplate, RepoSnapshot, SkippedFile, SourceFile } from "../types.js";
import { BlobReader, listTree, resolveCommit, type TreeEntry } from "./git.js";

/** The tree entries of a commit that are in scope, and the ones skipped with the reason (no contents read). */
export function selectEntries(entries: readonly TreeEntry[], options: ScopeOptions = {}): { selected: TreeEntry[]; skipped: SkippedFile[] } {
  const scope = createScope(options);
  const selected: TreeEntry[] = [];
  const skipped: SkippedFile[] = [];
  for (const e of entries) {
    if (e.type !== "blob") continue; // submodules are other repositories
    if (e.mode === "120000") {
      if (scope.reasonToSkip(e.path, 0) === null) skipped.push({ path: e.path, reason: "symlink" });
      continue;
    }
    const reason = scope.reasonToSkip(e.path, e.size);
    if (reason === "excluded") continue; // not worth listing: most of a repository is out of scope
    if (reason) skipped.push({ path: e.path, reason });
    else if (selected.length >= scope.maxFiles) skipped.push({ path: e.path, reason: "excluded" });
    else selected.push(e);
  }
  return { selected, skipped };
}

/**
 * Reads the in-scope files of a commit straight from a git repository (bare or not): `git ls-tree` plus one
 * `git cat-file --batch`, no checkout. Binary blobs are skipped.
 */
export async function readGitSnapshot(gitDir: string, ref: string, options: ScopeOptions = {}, reader?: BlobReader): Promise<RepoSnapshot> {
  const commit = await resolveCommit(gitDir, ref);
  const entries = await listTree(gitDir, commit);
  const { selected, skipped } = selectEntries(entries, options);
  const blobs = reader ?? new BlobReader(gitDir);
  try {
    const issueTemplates = await readIssueTemplates(entries, blobs);
    const files: SourceFile[] = [];
    const contents = await Promise.all(selected.map((e) => blobs.read(e.sha)));
    selected.forEach((e, i) => {
      const content = contents[i];
      if (!content) skipped.push({ path: e.path, reason: "unreadable" });
      else if (looksBinary(content)) skipped.push({ path: e.path, reason: "binary" });
      else files.push({ path: e.path, blobSha: e.sha, text: content.toString("utf8"), size: content.length });
    });
    return { source: gitDir, commit, files, skipped, issueTemplates };
  } finally {
    if (!reader) blobs.close();
  }
}

/** The commit's issue templates (see {@link isIssueTemplatePath}); unreadable or binary ones are left out. */
export async function readIssueTemplates(entries: readonly TreeEntry[], blobs: BlobReader): Promise<IssueTemplate[]> {
  const wanted = entries.filter((e) => e.type === "blob" && e.mode !== "120000" && e.size <= MAX_TEMPLATE_BYTES && isIssueTemplatePath(e.path));
  // The size limit again in the reader: a tree lister's entries carry no size (repo/tree-lister.ts).
  const contents = await Promise.all(wanted.map((e) => blobs.read(e.sha, MAX_TEMPLATE_BYTES)));
  const out: IssueTemplate[] = [];
  wanted.forEach((e, i) => {
    const content = contents[i];
    if (content && !looksBinary(content)) out.push({ path: e.path, text: content.toString("utf8") });
  });
  return out;
}
