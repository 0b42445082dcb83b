import { describe, expect, it } from "@jest/globals";
import { anchorTracebackLines } from "../../src/pipeline/anchor-lines.js";
import type { RankedFile, SourceFile } from "../../src/types.js";

const TRAINER = ["def fit(self):", "    self.setup()", "    model_type = self.kind", "    loss = self.step()", "    return loss", "", "def step(self):", "    loss = self.step()"].join("\n");
const files: SourceFile[] = [{ path: "pkg/trainer.py", text: TRAINER, size: TRAINER.length }];
const ranked = (line: number, code: string): RankedFile[] => [
  { path: "pkg/trainer.py", score: 1, evidence: [{ kind: "traceback", detail: "`fit`, the innermost project frame", line, code }, { kind: "terms", detail: "`loss`" }] },
];

describe("anchorTracebackLines", () => {
  it("links no line past the file's end: an error location of a longer release is the reporter's number (pytorch-lightning#4275)", () => {
    const evidence = [{ kind: "error-location" as const, detail: "the 2nd project file from the last one it names", line: 590 }, { kind: "identifier" as const, detail: "defines `step`", line: 7 }];
    const [file] = anchorTracebackLines([{ path: "pkg/trainer.py", score: 1, evidence }], files);
    expect(file!.evidence).toEqual([
      { kind: "error-location", detail: "the 2nd project file from the last one it names (line 590 in the reporter's version)" },
      { kind: "identifier", detail: "defines `step`", line: 7 },
    ]);
  });

  it("keeps a frame's line when this commit has the printed code there, and drops the code from the evidence", () => {
    const [file] = anchorTracebackLines(ranked(4, "loss = self.step()"), files);
    expect(file!.evidence[0]).toEqual({ kind: "traceback", detail: "`fit`, the innermost project frame", line: 4 });
    expect(file!.evidence[1]).toEqual({ kind: "terms", detail: "`loss`" });
  });

  it("moves the line to the nearest copy of the printed code when the reporter's release numbers it otherwise", () => {
    // Printed as line 3 (another statement here); the code is at lines 4 and 8: 4 is nearer.
    expect(anchorTracebackLines(ranked(3, "loss = self.step()"), files)[0]!.evidence[0]!.line).toBe(4);
    expect(anchorTracebackLines(ranked(7, "loss = self.step()"), files)[0]!.evidence[0]!.line).toBe(8);
    // The line linked is this commit's; the reason also says which line the traceback printed.
    expect(anchorTracebackLines(ranked(3, "loss = self.step()"), files)[0]!.evidence[0]!.detail).toBe(
      "`fit`, the innermost project frame (printed as line 3 in the reporter's version)",
    );
  });

  it("links the definition of the frame's function when its printed code is not at this commit (pytorch-lightning#3276)", () => {
    const evidence = [{ kind: "traceback" as const, detail: "`step`, the innermost project frame", line: 3, code: "loss = self.compute(batch)", func: "step" }];
    const [file] = anchorTracebackLines([{ path: "pkg/trainer.py", score: 1, evidence }], files);
    expect(file!.evidence[0]).toEqual({
      kind: "traceback",
      detail: "`step`, the innermost project frame (line 3 in the reporter's version; linked at its definition here)",
      line: 7,
    });
    // Defined twice (two classes' `step`): which one ran is not known, so no line.
    const twice: SourceFile[] = [{ path: "pkg/trainer.py", text: `${TRAINER}\n\nclass Other:\n    def step(self):\n        pass`, size: 1 }];
    expect(anchorTracebackLines([{ path: "pkg/trainer.py", score: 1, evidence }], twice)[0]!.evidence[0]!.line).toBeUndefined();
    // A function this file does not define: no line.
    const [other] = anchorTracebackLines([{ path: "pkg/trainer.py", score: 1, evidence: [{ ...evidence[0]!, func: "gone" }] }], files);
    expect(other!.evidence[0]!.line).toBeUndefined();
  });

  it("does not link a line whose code this commit does not have, and says whose line it is", () => {
    const [file] = anchorTracebackLines(ranked(3, "model_type = self.config.kind"), files);
    expect(file!.evidence[0]).toEqual({ kind: "traceback", detail: "`fit`, the innermost project frame (line 3 in the reporter's version)" });
  });

  it("matches a printed line behind a log's prefix, or with another trailing comment, but not a short tail", () => {
    const src = ["import os", "from packaging.version import parse", "from git import Repo as repo  # noqa: N813", "    return x"].join("\n");
    const at = (line: number, code: string) =>
      anchorTracebackLines([{ path: "m.py", score: 1, evidence: [{ kind: "traceback", detail: "f", line, code }] }], [{ path: "m.py", text: src, size: src.length }])[0]!.evidence[0]!;
    expect(at(2, "2020-02-07 04:15:34,466 [INFO ] W-9000-model-stdout - from packaging.version import parse").line).toBe(2);
    expect(at(3, "from git import Repo as repo").line).toBe(3);
    // A comment holding a quote is still a comment, and a `#` in a string literal is none.
    const quoted = ["y = compute(x)  # don't touch", 'sep = read("a # b")'].join("\n");
    const link = (line: number, code: string) =>
      anchorTracebackLines([{ path: "q.py", score: 1, evidence: [{ kind: "traceback", detail: "f", line, code }] }], [{ path: "q.py", text: quoted, size: quoted.length }])[0]!.evidence[0]!.line;
    expect(link(9, "y = compute(x)  # noqa")).toBe(1);
    expect(link(9, 'sep = read("a # b")')).toBe(2);
    // `return x` behind a prefix is too short to tell: not linked.
    expect(at(4, "[1]<stderr>: return x").line).toBeUndefined();
  });

    it("leaves a file it has no text for as it was, without the code", () => {
    const [file] = anchorTracebackLines(ranked(3, "anything"), []);
    expect(file!.evidence[0]).toEqual({ kind: "traceback", detail: "`fit`, the innermost project frame", line: 3 });
  });
});
