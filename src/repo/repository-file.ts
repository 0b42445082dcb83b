import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { git } from "./git.js";

/**
 * Reads one file of the analysed state of a repository, by its repository path: undefined when there is no such
 * file, an error when there is one that cannot be read. Used for files read before the snapshot, such as the
 * repository's own `.github/mltriage.yml`, whose scope decides what the snapshot holds.
 */
export type RepositoryFileReader = (path: string) => Promise<string | undefined>;

/** A file of a commit, read from the object store (no checkout). */
export function gitFileReader(gitDir: string, commit: string): RepositoryFileReader {
  return async (path) => {
    // ls-tree first: "no such path" is an answer, not an error; a folder of that name is no file either.
    const entry = (await git(gitDir, ["ls-tree", "-z", "--full-tree", commit, "--", path])).split("\0")[0] ?? "";
    const [, type, sha] = entry.slice(0, entry.indexOf("\t")).split(/\s+/);
    if (type !== "blob" || !sha) return undefined;
    return git(gitDir, ["cat-file", "blob", sha]);
  };
}

/** A file of a working folder as it is on disk. */
export function folderFileReader(dir: string): RepositoryFileReader {
  return async (path) => {
    try {
      return await readFile(join(dir, ...path.split("/")), "utf8");
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") return undefined;
      throw err;
    }
  };
}
