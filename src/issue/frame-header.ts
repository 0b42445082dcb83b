/**
 * Python's traceback frame header, `File "/a/b.py", line 3`, as regex source fragments for the patterns that find,
 * skip or strip frame headers. The path may also stand in curly quotes (`File “/a/b.py”, line 3`), as an editor or a
 * word processor rewrites a paste (apache/mxnet#8953): one fragment, so every reader of the report accepts both.
 */

/** The quoted path and the line number after `File`: `"/a/b.py", line 3` or `“/a/b.py”, line 3`. */
export const FRAME_PATH_AND_LINE = String.raw`["“][^"“”\n]*["”], line \d+`;

/** A whole frame header up to its line number. */
export const FRAME_HEADER = String.raw`File ${FRAME_PATH_AND_LINE}`;

/** The start of a frame header: `File "` or `File “`. */
export const FRAME_HEADER_START = String.raw`File ["“]`;
