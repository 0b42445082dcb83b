import { lstat, readFile } from "node:fs/promises";
import { join } from "node:path";
import { git } from "./git.js";

/**
 * Reads one file of the analysed state of a repository, by its repository path: undefined when there is no such
 * file, an error when there is one that cannot be read. Used for files read before the snapshot, such as the
 * repository's own `.github/mltriage.yml`, whose scope decides what the snapshot holds.
 */
export type RepositoryFileReader = (path: string) => Promise<string | undefined>;

/** Git's mode of a symbolic link. */
const SYMLINK_MODE = "120000";
const SYMLINK_REFUSED = "it is a symbolic link, which is not followed";
/** The largest such file read: a configuration file is a few kilobytes. */
const MAX_REPOSITORY_FILE_BYTES = 1024 * 1024;
const TOO_LARGE = "it is larger than 1 MiB";

/** A file of a commit, read from the object store (no checkout). */
export function gitFileReader(gitDir: string, commit: string): RepositoryFileReader {
  return async (path) => {
    // ls-tree first: "no such path" is an answer, not an error; a folder of that name is no file either.
    const entry = (await git(gitDir, ["ls-tree", "-z", "--long", "--full-tree", commit, "--", path])).split("\0")[0] ?? "";
    const [mode, type, sha, size] = entry.slice(0, entry.indexOf("\t")).split(/\s+/);
    if (type !== "blob" || !sha) return undefined;
    if (mode === SYMLINK_MODE) throw new Error(SYMLINK_REFUSED);
    if (Number(size) > MAX_REPOSITORY_FILE_BYTES) throw new Error(TOO_LARGE);
    return git(gitDir, ["cat-file", "blob", sha]);
  };
}

/** A file of a working folder as it is on disk. */
export function folderFileReader(dir: string): RepositoryFileReader {
  return async (path) => {
    const file = join(dir, ...path.split("/"));
    try {
      // Not followed out of the folder, nor read from a device or a pipe (a link to /dev/zero, a FIFO that never ends).
      const stats = await lstat(file);
      if (stats.isSymbolicLink()) throw new Error(SYMLINK_REFUSED);
      if (stats.isDirectory()) return undefined;
      if (!stats.isFile()) throw new Error("it is not a regular file");
      if (stats.size > MAX_REPOSITORY_FILE_BYTES) throw new Error(TOO_LARGE);
      return await readFile(file, "utf8");
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") return undefined;
      throw err;
    }
  };
}
