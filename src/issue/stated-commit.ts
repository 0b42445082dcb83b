/**
 * How a report states the commit it runs, as regex source fragments for the two readers of it: the environment
 * reader, which shows that commit (classify/environment.ts), and namedCommit, which must not take it for a change the
 * report blames (ir/signals/named-commits.ts). One source, so a fix to one reader is a fix to both.
 */

/**
 * Between a key and its hash ("commit hash: ffa6e45", "Commit Hash   : 2b67436…", the hash on the next line): each
 * run of spaces matched one way only. `[ \t]*:?[ \t]*\n?[ \t]*` tried every split of a long run (3,000 spaces after
 * "commit hash" took 24 s).
 */
export const KEY_TO_HASH = String.raw`[ \t]*(?::[ \t]*)?(?:\n[ \t]*)?`;

/**
 * A version line's commit, right after the version: "MONAI version 0.1.0 Commit 01e4457". Not "since the 1.4
 * version, commit 3f2a1bc broke it", which blames one.
 */
export const VERSION_THEN_COMMIT = String.raw`\bversion[ \t:]*v?\d[\w.+-]*[ \t,]*\(?commit[ \t:]*`;
