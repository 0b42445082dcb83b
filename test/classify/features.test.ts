import { describe, expect, it } from "@jest/globals";
import { analyseIssue } from "../../src/classify/features.js";
import { hasTraceback, prepareIssue, stem, surfaceForms } from "../../src/classify/text.js";

const frames = (n: number) =>
  ["Traceback (most recent call last):", ...Array.from({ length: n }, (_, i) => `  File "pkg/m${i}.py", line ${i + 1}, in f${i}\n    f${i + 1}()`), "ValueError: bad"].join("\n");

describe("report shape features", () => {
  const traceFrames = (body: string) => analyseIssue(prepareIssue({ title: "t", body })).features.meta.get("m:traceFrames");

  it("tells a deep traceback from a shallow one, on a log scale capped at 50 frames", () => {
    expect(traceFrames("no trace here")).toBe(0);
    expect(traceFrames(frames(1))).toBeCloseTo(Math.log(2) / Math.log(51), 12);
    expect(traceFrames(frames(12))).toBeCloseTo(Math.log(13) / Math.log(51), 12);
    expect(traceFrames(frames(80))).toBe(1);
  });

  it("does not read frame headers as file input/output words", () => {
    const lexicon = analyseIssue(prepareIssue({ title: "t", body: frames(5) })).features.lexicon;
    expect(lexicon.has("lx:nondl.io")).toBe(false);
  });

  it("reads frame headers whose paths a word processor put in curly quotes as Python printed them", () => {
    const curly = frames(12).replace(/File "([^"]+)"/g, "File “$1”");
    expect(traceFrames(curly)).toBeCloseTo(Math.log(13) / Math.log(51), 12);
    expect(hasTraceback(curly.split("\n").slice(1).join("\n"))).toBe(true);
    expect(analyseIssue(prepareIssue({ title: "t", body: curly })).features.lexicon.has("lx:nondl.io")).toBe(false);
  });
});

describe("extrinsic hints", () => {
  const causes = (body: string) => analyseIssue(prepareIssue({ title: "t", body })).features.causes;

  it("reads behaviour that depends on where the code runs as a hint of an outside cause", () => {
    expect(causes("It works fine on CPU but crashes on the GPU.").has("cz:hint.contrast")).toBe(true);
    expect(causes("The same script only fails on Windows.").has("cz:hint.contrast")).toBe(true);
    expect(causes("Training hangs, but not on Linux.").has("cz:hint.contrast")).toBe(true);
    expect(causes("It works with my own dataset loader.").has("cz:hint.contrast")).toBe(false);
  });
});

describe("the reporter's script", () => {
  const script = (body: string) => analyseIssue(prepareIssue({ title: "t", body })).features.meta.get("m:script");

  it("counts the lines of a pasted script (imports, definitions, assignments from calls) on a log scale", () => {
    expect(script("pip install failed with an error")).toBe(0);
    const body = "```python\nimport torch\nfrom torch import nn\nmodel = nn.Linear(2, 3)\ndef f(x):\n    return model(x)\n```";
    expect(script(body)).toBeCloseTo(Math.log(5) / Math.log(51), 12);
  });
});

describe("surface forms of the word tokens", () => {
  it("maps each stemmed token to the word it was first read from, lower-cased", () => {
    const forms = surfaceForms("The loader Produces NaN values; it produced them before");
    expect(forms.get(stem("produces"))).toBe("produces");
    expect(forms.get(stem("values"))).toBe("values");
    expect(forms.has("the")).toBe(false); // a stop word is no token
  });
});
