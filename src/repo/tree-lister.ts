import { GitError, type BlobReader, type TreeEntry } from "./git.js";

/** One entry of a git tree object, its name relative to that tree. */
interface RawTreeEntry {
  mode: string;
  type: TreeEntry["type"];
  sha: string;
  name: string;
}

/**
 * Lists commits' trees through an open `git cat-file --batch` instead of one `git ls-tree` process per commit. The
 * benchmark lists hundreds of commits of the same repositories from a process whose heap holds gigabytes of
 * documents, where starting a child process costs tens of milliseconds (its memory map is copied), and most
 * subtrees are shared between the commits: each tree object is read once and kept by its id.
 *
 * Tree objects hold no blob sizes: entries come with `size` -1 (unknown). A caller with a size limit passes it to
 * `BlobReader.read`, which judges by the size git gives before the content; a file's size is its content's length.
 */
export class TreeLister {
  private readonly trees = new Map<string, RawTreeEntry[]>();

  constructor(private readonly objects: BlobReader) {}

  /**
   * Every entry of a commit's tree, recursively, in `git ls-tree -r` order; null when the repository has no such
   * commit (or the abbreviation is ambiguous). The commit is named as `git ls-tree` takes it: a full or
   * abbreviated id, a branch or tag name (an annotated tag is peeled), another revision expression. Throws
   * GitError for a name git cannot take in a batch (a line break or a NUL).
   */
  async list(revision: string): Promise<TreeEntry[] | null> {
    // git resolves the name and peels tags and the commit to its root tree: one batch request for all of them.
    const root = await this.objects.readObject(`${revision}^{tree}`);
    if (!root) return null;
    // `<revision>^{tree}` is always answered with a tree, unless git resolved another name than the one asked:
    // another object's body must not be read as a tree.
    if (root.type !== "tree") throw new GitError(`${revision}^{tree} is a ${root.type}, not a tree`);
    // The repository's object format: 40 hex digits for SHA-1, 64 for SHA-256; tree entries hold ids that long.
    const idBytes = root.oid.length / 2;
    if (!this.trees.has(root.oid)) this.trees.set(root.oid, parseTree(root.body, idBytes));
    await this.load(subtreesOf(this.trees.get(root.oid)!), idBytes);
    const out: TreeEntry[] = [];
    this.flatten(root.oid, "", out);
    return out;
  }

  /** Reads the trees not yet known, level by level (each level's reads in one batch), and all their subtrees. */
  private async load(shas: readonly string[], idBytes: number): Promise<void> {
    let level = [...new Set(shas)].filter((sha) => !this.trees.has(sha));
    while (level.length > 0) {
      const bodies = await Promise.all(level.map((sha) => this.objects.read(sha)));
      const next = new Set<string>();
      level.forEach((sha, i) => {
        const body = bodies[i];
        if (!body) throw new GitError(`tree ${sha} is missing`);
        const entries = parseTree(body, idBytes);
        this.trees.set(sha, entries);
        for (const sub of subtreesOf(entries)) if (!this.trees.has(sub)) next.add(sub);
      });
      level = [...next];
    }
  }

  private flatten(sha: string, prefix: string, out: TreeEntry[]): void {
    for (const e of this.trees.get(sha)!) {
      const path = prefix + e.name;
      if (e.type === "tree") this.flatten(e.sha, `${path}/`, out);
      else out.push({ mode: e.mode, type: e.type, sha: e.sha, size: -1, path });
    }
  }
}

function subtreesOf(entries: readonly RawTreeEntry[]): string[] {
  return entries.filter((e) => e.type === "tree").map((e) => e.sha);
}

/**
 * A tree object's entries: `<octal mode> <name>\0<binary object id>` each. Modes as `git ls-tree` prints them
 * (six digits: a tree's "40000" is "040000"); names are bytes, read as UTF-8 like ls-tree's `-z` output. Ids are
 * `idBytes` long: 20 in a SHA-1 repository, 32 in a SHA-256 one.
 */
export function parseTree(body: Buffer, idBytes = 20): RawTreeEntry[] {
  const out: RawTreeEntry[] = [];
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const nul = body.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > body.length) throw new GitError("malformed tree object");
    const mode = body.toString("latin1", at, space).padStart(6, "0");
    const name = body.toString("utf8", space + 1, nul);
    const sha = body.toString("hex", nul + 1, nul + 1 + idBytes);
    const type: TreeEntry["type"] = mode === "040000" ? "tree" : mode === "160000" ? "commit" : "blob";
    out.push({ mode, type, sha, name });
    at = nul + 1 + idBytes;
  }
  return out;
}
