import { describe, expect, it } from "@jest/globals";
import { parseIssue } from "../../src/issue/index.js";
import { isDistinctiveLine, normalizeSourceLine, quotedSourceLines } from "../../src/issue/source-lines.js";
import { codeQuote, findQuotedLines, withQuotedLineEvidence } from "../../src/pipeline/quoted-lines.js";
import type { RankedFile } from "../../src/types.js";
import { sourceFile as file } from "../helpers/source-file.js";

const INIT = [
  "def mpi_threads_supported():",
  '    """Whether MPI threads are supported."""',
  "    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
  "    if mpi_threads_supported == -1:",
  "        raise ValueError('Horovod has not been initialized; use hvd.init().')",
  "    return bool(mpi_threads_supported)",
].join("\n");
const COPIED = "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()";

describe("the lines an issue copies from the repository's code", () => {
  it("compares lines without indentation, runs of spaces or a trailing comment", () => {
    expect(normalizeSourceLine("    x  =  f(a,  b)   # noqa: E501")).toBe("x = f(a, b)");
    // A '#' inside a string is no comment.
    expect(normalizeSourceLine("    url = 'http://x/#frag'")).toBe("url = 'http://x/#frag'");
    // A comment that holds a quote is still a comment; an escaped quote does not end its string.
    expect(normalizeSourceLine("    y = f(x)  # don't touch")).toBe("y = f(x)");
    expect(normalizeSourceLine('    s = "say \\"hi\\" # not a comment"  # a "quoted" comment')).toBe('s = "say \\"hi\\" # not a comment"');
  });

  it("quotes a line holding backticks with a longer fence than any run inside it", () => {
    expect(codeQuote("x = f(a)")).toBe("`x = f(a)`");
    expect(codeQuote("cmd = `ls`")).toBe("`` cmd = `ls` ``");
    expect(codeQuote("doc = 'use ``x`` here'")).toBe("``` doc = 'use ``x`` here' ```");
  });

  it("counts only code-shaped statements with names enough to tell a file", () => {
    expect(isDistinctiveLine(COPIED)).toBe(true);
    expect(isDistinctiveLine("return x")).toBe(false); // too short
    expect(isDistinctiveLine("import torch.nn.functional as F")).toBe(false); // every module imports
    expect(isDistinctiveLine("from horovod.common import init, size")).toBe(false);
    expect(isDistinctiveLine("This happens whenever I call it twice")).toBe(false); // prose, no code shape
    expect(isDistinctiveLine("# see self.weight.data and more")).toBe(false);
  });

  it("reads the issue's lines from prose and code, strips prompts and diff markers, and skips traceback lines", () => {
    const body = [
      "error: undefined symbol: mpi_threads_supported",
      COPIED,
      "should be",
      "```diff",
      `-    ${COPIED}`,
      "+    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.horovod_mpi_threads_supported()",
      "```",
      ">>> hvd.mpi_threads_supported(reason=None)",
      "Traceback (most recent call last):",
      '  File "/usr/lib/python3/site-packages/horovod/common/__init__.py", line 110, in mpi_threads_supported',
      "    value = self.lookup_table[index](argument)",
      "ValueError: bad",
    ].join("\n");
    expect(parseIssue("t", body).quotedLines).toEqual([
      COPIED,
      "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.horovod_mpi_threads_supported()",
      "hvd.mpi_threads_supported(reason=None)",
    ]);
    expect(quotedSourceLines(Array.from({ length: 1000 }, (_, i) => `value_${i} = compute(a, b)`))).toHaveLength(300);
  });

  it("finds the files holding each line, at every line where each does", () => {
    const files = [
      file("horovod/common/__init__.py", INIT),
      file("horovod/torch/__init__.py", "from horovod.common import mpi_threads_supported\nx = mpi_threads_supported()\n"),
      file("a.py", `  ${COPIED}  # a copy\n${COPIED}\n`),
    ];
    const holders = findQuotedLines(files, [COPIED, "never = anywhere.in_the(repository)"]);
    expect([...holders.keys()]).toEqual([COPIED]);
    expect(holders.get(COPIED)).toEqual([
      { path: "horovod/common/__init__.py", line: 3, lines: [3] },
      { path: "a.py", line: 1, lines: [1, 2] },
    ]);
    expect(findQuotedLines(files, []).size).toBe(0);
  });

  it("links the copied block as a range, where its lines stand together, not another test repeating one of them", () => {
    const first = "model = build_model(num_classes=10, pretrained=True)";
    const second = "outputs = model.forward_features(images_batch)";
    const testFile = [
      "def test_other():",
      `    ${first}`,
      "    assert model is not None",
      "",
      "def test_features():",
      `    ${first}`,
      "    # the features of one batch",
      `    ${second}`,
      "    assert outputs.shape == (2, 512)",
    ].join("\n");
    const ranked: RankedFile[] = [{ path: "tests/test_model.py", score: 1, evidence: [] }];
    const shown = withQuotedLineEvidence(ranked, findQuotedLines([file("tests/test_model.py", testFile)], [first, second]));
    expect(shown[0]!.evidence).toEqual([{ kind: "quoted-line", detail: `\`${first}\` and 1 more line`, line: 6, endLine: 8 }]);
  });

  it("gives a ranked file the copied lines it holds as evidence, and no idiom that many files share alone", () => {
    const idiom = "result = self.assertEqual(out.shape, (2, 3))";
    const files = [file("pkg/core.py", `${idiom}\n${INIT}`), ...["t1.py", "t2.py", "t3.py"].map((p) => file(p, `${idiom}\n`))];
    const ranked: RankedFile[] = [
      { path: "pkg/core.py", score: 1, evidence: [{ kind: "identifier", detail: "defines `mpi_threads_supported`", line: 2 }] },
      { path: "t1.py", score: 0.5, evidence: [] },
    ];
    const shown = withQuotedLineEvidence(ranked, findQuotedLines(files, [idiom, COPIED]));
    // The idiom two lines above the copied line is part of the copied block, though too common to be shown alone.
    expect(shown[0]!.evidence).toContainEqual({ kind: "quoted-line", detail: `\`${COPIED}\` and 1 more line`, line: 1, endLine: 4 });
    expect(shown[0]!.evidence).toHaveLength(2);
    expect(shown[1]!.evidence).toEqual([]); // the idiom is in four files
    // A short line of a reporter's script matches a test by chance: not shown.
    const short = "data = list(range(100))";
    const withShort = withQuotedLineEvidence([{ path: "t1.py", score: 1, evidence: [] }], findQuotedLines([file("t1.py", `${short}\n`)], [short]));
    expect(withShort[0]!.evidence).toEqual([]);
    // The line the report proposes to change is the one shown in its file.
    const proposed = withQuotedLineEvidence(ranked, findQuotedLines(files, [idiom, COPIED]), { path: "pkg/core.py", line: 4 });
    expect(proposed[0]!.evidence).toContainEqual({ kind: "quoted-line", detail: `\`${COPIED}\`, which the issue proposes to change`, line: 4 });
  });
});
