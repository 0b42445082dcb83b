import { describe, expect, it } from "@jest/globals";
import { anchorLine, anchorRange, evidenceLine, fileReason, sortEvidence } from "../../src/render/evidence-text.js";
import type { Evidence } from "../../src/types.js";

describe("sortEvidence", () => {
  it("puts a traceback frame first and a test named after the issue's API after the test's own module", () => {
    const evidence: Evidence[] = [
      { kind: "terms", detail: "`topk`" },
      { kind: "tested-name", detail: "`topk` in `test_topk`", line: 12 },
      { kind: "paired-test", detail: "`pkg/ops.py`" },
      { kind: "traceback", detail: "the innermost project frame", line: 3 },
    ];
    expect(sortEvidence(evidence).map((e) => e.kind)).toEqual(["traceback", "paired-test", "tested-name", "terms"]);
  });

  it("links to the line of the strongest evidence that has one, and words each kind", () => {
    const file = { path: "tests/test_ops.py", score: 1, evidence: [{ kind: "paired-test", detail: "`pkg/ops.py`" }, { kind: "tested-name", detail: "`topk` in `test_topk`", line: 12 }] as Evidence[] };
    expect(anchorLine(file)).toBe(12);
    expect(evidenceLine(file.evidence[1]!)).toBe("tests what the issue names (line 12): `topk` in `test_topk`");
    // The reason names no line: the evidence of the linked line follows it, so line 12 is explained where it is shown.
    expect(fileReason(file)).toBe("test/module pair of: `pkg/ops.py`; tests what the issue names (line 12): `topk` in `test_topk`");
  });

  it("links no line when the reason is a traceback frame without one, rather than another evidence's line", () => {
    const evidence: Evidence[] = [
      { kind: "traceback", detail: "`fit`, the innermost project frame (line 392 in the reporter's version)" },
      { kind: "identifier", detail: "defines `Result`", line: 26 },
    ];
    expect(anchorLine({ path: "pkg/result.py", score: 1, evidence })).toBeUndefined();
    // Any other reason without a line still links the strongest evidence that has one.
    expect(anchorLine({ path: "pkg/result.py", score: 1, evidence: [{ kind: "path", detail: "`pkg/result.py`" }, evidence[1]!] })).toBe(26);
  });

  it("links to the line the reporter cites in the file before any line the ranker matched", () => {
    const evidence: Evidence[] = [
      { kind: "identifier", detail: "defines `auroc`", line: 820 },
      { kind: "path", detail: "`pytorch_lightning/metrics/functional/classification.py#L847`", line: 847 },
    ];
    expect(anchorLine({ path: "pytorch_lightning/metrics/functional/classification.py", score: 1, evidence })).toBe(847);
    // The reason shown is the one whose line is linked.
    expect(fileReason({ path: "pytorch_lightning/metrics/functional/classification.py", score: 1, evidence })).toBe(
      "named in the issue (line 847): `pytorch_lightning/metrics/functional/classification.py#L847`",
    );
  });

  it("puts a traceback frame before a cited line of the same file", () => {
    const evidence: Evidence[] = [
      { kind: "path", detail: "`pkg/trainer.py:120`", line: 120 },
      { kind: "traceback", detail: "`fit`, the innermost project frame", line: 118 },
    ];
    expect(sortEvidence(evidence).map((e) => e.kind)).toEqual(["traceback", "path"]);
    expect(anchorLine({ path: "pkg/trainer.py", score: 1, evidence })).toBe(118);
  });

  it("links the cited line, not a matched definition's, when the file's traceback frame has no line", () => {
    const evidence: Evidence[] = [
      { kind: "identifier", detail: "`fit` defined here", line: 40 },
      { kind: "path", detail: "`pkg/trainer.py:120`", line: 120 },
      { kind: "traceback", detail: "`fit`, the innermost project frame" },
    ];
    expect(anchorLine({ path: "pkg/trainer.py", score: 1, evidence })).toBe(120);
  });

  it("gives how often a file was fixed as its reason only when nothing else is said of it", () => {
    const file = { path: "pkg/setup_tools.py", score: 1, evidence: [{ kind: "fix-count", detail: "changed by 2 earlier fixes" }, { kind: "terms", detail: "`badges`, `pypi`" }] as Evidence[] };
    expect(fileReason(file)).toBe("matched words: `badges`, `pypi`");
    expect(fileReason({ ...file, evidence: [file.evidence[0]!] })).toBe("history: changed by 2 earlier fixes");
  });

  it("names and links a copied block as a range of lines", () => {
    const evidence = [{ kind: "quoted-line" as const, detail: "`x = f(a)` and 1 more line", line: 6, endLine: 8 }];
    expect(evidenceLine(evidence[0]!)).toBe("holds code the issue shows (lines 6–8): `x = f(a)` and 1 more line");
    expect(anchorRange({ path: "a.py", score: 1, evidence })).toEqual({ line: 6, endLine: 8 });
  });
});
