import { createScope, looksBinary, type ScopeOptions } from "../ir/scope.js";
import type { RepoSnapshot, SkippedFile, SourceFile } from "../types.js";
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
  const { selected, skipped } = selectEntries(await listTree(gitDir, commit), options);
  const blobs = reader ?? new BlobReader(gitDir);
  try {
    const files: SourceFile[] = [];
    const contents = await Promise.all(selected.map((e) => blobs.read(e.sha)));
    selected.forEach((e, i) => {
      const content = contents[i];
      if (!content) skipped.push({ path: e.path, reason: "unreadable" });
      else if (looksBinary(content)) skipped.push({ path: e.path, reason: "binary" });
      else files.push({ path: e.path, blobSha: e.sha, text: content.toString("utf8"), size: content.length });
    });
    return { source: gitDir, commit, files, skipped };
  } finally {
    if (!reader) blobs.close();
  }
}
