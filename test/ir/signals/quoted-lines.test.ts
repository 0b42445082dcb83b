import { describe, expect, it } from "@jest/globals";
import { quotedLineMatches } from "../../../src/ir/signals/quoted-lines.js";
import { parseIssue } from "../../../src/issue/index.js";
import { isDistinctiveLine, normalizeSourceLine, quotedSourceLines, sourceLineHashes } from "../../../src/issue/source-lines.js";
import { indexFiles, sourceFile as file } from "../../helpers/source-file.js";

const COMMON = [
  "def mpi_threads_supported():",
  '    """Whether MPI threads are supported."""',
  "    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
  "    if mpi_threads_supported == -1:",
  "        raise ValueError('Horovod has not been initialized; use hvd.init().')",
  "    return bool(mpi_threads_supported)",
].join("\n");

describe("the lines an issue copies from the repository's code", () => {
  it("compares lines without indentation, runs of spaces or a trailing comment", () => {
    expect(normalizeSourceLine("    x  =  f(a,  b)   # noqa: E501")).toBe("x = f(a, b)");
    // A '#' inside a string is no comment.
    expect(normalizeSourceLine("    url = 'http://x/#frag'")).toBe("url = 'http://x/#frag'");
  });

  it("counts only code-shaped statements with names enough to tell a file", () => {
    expect(isDistinctiveLine("mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()")).toBe(true);
    expect(isDistinctiveLine("return x")).toBe(false); // too short
    expect(isDistinctiveLine("import torch.nn.functional as F")).toBe(false); // every module imports
    expect(isDistinctiveLine("from horovod.common import init, size")).toBe(false);
    expect(isDistinctiveLine("This happens whenever I call it twice")).toBe(false); // prose, no code shape
    expect(isDistinctiveLine("# see self.weight.data and more")).toBe(false);
  });

  it("reads the issue's lines from prose and code, strips prompts and diff markers, and skips traceback lines", () => {
    const body = [
      "error: undefined symbol: mpi_threads_supported",
      "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
      "should be",
      "```diff",
      "-    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
      "+    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.horovod_mpi_threads_supported()",
      "```",
      ">>> hvd.mpi_threads_supported(reason=None)",
      "Traceback (most recent call last):",
      '  File "/usr/lib/python3/site-packages/horovod/common/__init__.py", line 110, in mpi_threads_supported',
      "    value = self.lookup_table[index](argument)",
      "ValueError: bad",
    ].join("\n");
    const lines = parseIssue("t", body).quotedLines;
    expect(lines).toEqual([
      "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
      "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.horovod_mpi_threads_supported()",
      "hvd.mpi_threads_supported(reason=None)",
    ]);
    expect(quotedSourceLines(Array.from({ length: 1000 }, (_, i) => `value_${i} = compute(a, b)`))).toHaveLength(300);
  });

  it("finds where a file holds each line, by 1-based line number", () => {
    const { lines } = sourceLineHashes(COMMON);
    // The assignment, the raise and the return; the def, docstring and `if` line are too short or have too few names.
    expect([...lines]).toEqual([3, 5, 6]);
  });

  it("credits the file holding a copied line, rare lines more than shared ones, and names the line", async () => {
    const index = await indexFiles([
      file("horovod/common/__init__.py", COMMON),
      file("horovod/torch/__init__.py", "from horovod.common import mpi_threads_supported\nx = mpi_threads_supported()\n"),
      file("a.py", "result = self.assertEqual(out.shape, (2, 3))\n"),
      file("b.py", "result = self.assertEqual(out.shape, (2, 3))\n"),
    ]);
    const match = quotedLineMatches(index, [
      "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
      "result = self.assertEqual(out.shape, (2, 3))",
    ]);
    const score = (path: string) => match.scores[index.paths.indexOf(path)]!;
    expect(score("horovod/common/__init__.py")).toBeCloseTo(1 - Math.exp(-1), 6);
    expect(score("a.py")).toBeCloseTo(1 - Math.exp(-0.5), 6);
    expect(score("horovod/torch/__init__.py")).toBe(0); // names the function, copies no line of it
    expect(match.sites.get(index.paths.indexOf("horovod/common/__init__.py"))).toEqual({
      text: "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
      line: 3,
    });
    expect(quotedLineMatches(index, []).sites.size).toBe(0);
  });
});
