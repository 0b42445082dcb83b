import { describe, expect, it } from "@jest/globals";
import { parseIssue } from "../../src/issue/index.js";
import { proposedFixInProject } from "../../src/pipeline/proposed-fix.js";
import { findQuotedLines } from "../../src/pipeline/quoted-lines.js";
import { sourceFile as file } from "../helpers/source-file.js";

const INIT = [
  "def mpi_threads_supported():",
  "    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
  "    return bool(mpi_threads_supported)",
].join("\n");

async function proposed(body: string, files = [file("horovod/common/__init__.py", INIT)]) {
  return proposedFixInProject(body, findQuotedLines(files, parseIssue("t", body).quotedLines));
}

describe("proposedFixInProject", () => {
  it("finds the repository line a reporter copies and says what it should be", async () => {
    const body = [
      "error: undefined symbol: mpi_threads_supported",
      "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
      "should be",
      "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.horovod_mpi_threads_supported()",
    ].join("\n");
    expect(await proposed(body)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
  });

  it("reads a pasted diff and a proposal written before the line", async () => {
    const diff = ["```diff", "-    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()", "+    mpi_threads_supported = LIB.other()", "```"].join("\n");
    expect(await proposed(diff)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    const before = ["I think we should change", "    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()", "to use the prefixed symbol"].join("\n");
    expect(await proposed(before)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
  });

  it("is no proposal when the line is only quoted, not in the repository, or in too many files to name one", async () => {
    const quoted = ["It fails here:", "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()", "with an undefined symbol."].join("\n");
    expect(await proposed(quoted)).toBeUndefined();
    const elsewhere = ["result = other_library.compute(x, y)", "should be", "result = other_library.compute(y, x)"].join("\n");
    expect(await proposed(elsewhere)).toBeUndefined();
    const shared = ["x = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()", "should be fixed"].join("\n");
    const copies = ["a.py", "b.py", "c.py"].map((p) => file(p, "x = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()\n"));
    expect(await proposed(shared, copies)).toBeUndefined();
    expect(await proposed(shared, copies.slice(0, 2))).toEqual({ path: "a.py", line: 1 });
  });
});
