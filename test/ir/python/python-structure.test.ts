import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createPythonParser, extractPythonFallback, type PythonParser, type PythonStructure } from "../../../src/ir/python/index.js";

const MODEL_PY = `"""Layers for the tiny model."""
import os
import torch.nn as nn, numpy
from .utils import helper, check as chk
from .. import registry

@register("conv")
@torch.jit.script
class ConvBlock(nn.Module):
    """A conv block."""

    scale = "not a docstring"

    def __init__(self, channels, *, bias=True):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, kernel_size=3)

    def forward(self, x):
        # shapes must agree before the conv
        def _check(t):
            return t.dim()
        if _check(x) != 4:
            raise ValueError("Expected 4D input, got %dD" % x.dim())
        if x.size(1) != self.conv.in_channels:
            raise ShapeError(f"channels {x.size(1)} do not match {self.conv.in_channels}")
        return self.conv(x)

    @property
    def weight(self):
        raise NotImplementedError


def build(name):
    """Build a block by name."""
    try:
        return registry[name]()
    except KeyError:
        raise
    raise errors.BuildError("unknown " "block: " + name)
`;

/**
 * MODEL_PY's functions with their lines and owning classes, as both the tree-sitter extraction and the indentation
 * fallback must find them: methods attached to their class, nested and top-level functions without one.
 */
const MODEL_PY_FUNCTIONS = [
  { name: "__init__", line: 14, className: "ConvBlock" },
  { name: "forward", line: 18, className: "ConvBlock" },
  { name: "_check", line: 20, local: true },
  { name: "weight", line: 29, className: "ConvBlock" },
  { name: "build", line: 33 },
];

/** A test's stand-ins: a class and its method defined inside a test function, beside a top-level class. */
const STAND_INS_PY = `class Net:
    pass


def test_sharing():
    class Net(Block):
        def hybrid_forward(self, x):
            return x
    Net()
`;

const STAND_INS = {
  classes: [
    { name: "Net", line: 1 },
    { name: "Net", line: 6, local: true },
  ],
  functions: [
    { name: "test_sharing", line: 5 },
    { name: "hybrid_forward", line: 7, className: "Net", local: true },
  ],
};

describe("local definitions", () => {
  it("are marked by the tree extraction and by the fallback alike", async () => {
    const parser = await createPythonParser();
    try {
      const tree = parser.extract(STAND_INS_PY);
      expect({ classes: tree.classes, functions: tree.functions }).toEqual(STAND_INS);
    } finally {
      parser.dispose();
    }
    const fallback = extractPythonFallback(STAND_INS_PY);
    expect({ classes: fallback.classes, functions: fallback.functions }).toEqual(STAND_INS);
  });
});

describe("createPythonParser().extract", () => {
  let parser: PythonParser;
  let s: PythonStructure;
  beforeAll(async () => {
    parser = await createPythonParser();
    s = parser.extract(MODEL_PY);
  });
  afterAll(() => parser.dispose());

  it("marks a clean parse as parsed", () => {
    expect(s.parsed).toBe(true);
    expect(s.hasErrors).toBeUndefined();
  });

  it("lists classes at the line of the class keyword, after decorators", () => {
    expect(s.classes).toEqual([{ name: "ConvBlock", line: 9 }]);
  });

  it("attaches methods to their class and leaves nested and top-level functions without one", () => {
    expect(s.functions).toEqual(MODEL_PY_FUNCTIONS);
  });

  it("separates docstrings from other string literals", () => {
    expect(s.docstrings).toEqual(["Layers for the tiny model.", "A conv block.", "Build a block by name."]);
    const texts = s.strings.map((x) => x.text);
    expect(texts).toContain("not a docstring");
    expect(texts).not.toContain("A conv block.");
    expect(s.strings).toContainEqual({ text: "conv", line: 7 });
  });

  it("keeps f-string literal parts with {} placeholders and joins adjacent literals", () => {
    expect(s.strings).toContainEqual({ text: "channels {} do not match {}", line: 25 });
    expect(s.strings.map((x) => x.text)).toContain("unknown block: ");
  });

  it("collects identifiers with repeats: parameters, attributes, keyword arguments, decorators, f-string expressions", () => {
    for (const id of ["channels", "bias", "kernel_size", "Conv2d", "register", "jit", "in_channels", "registry"]) {
      expect(s.identifiers).toContain(id);
    }
    expect(s.identifiers.filter((x) => x === "channels").length).toBe(3);
    // The names being defined are class/function fields, not identifiers.
    expect(s.identifiers).not.toContain("ConvBlock");
    expect(s.identifiers).not.toContain("forward");
    // `size` appears only inside the f-string interpolation and the condition.
    expect(s.identifiers.filter((x) => x === "size").length).toBe(2);
  });

  it("collects comments without the hash", () => {
    expect(s.comments).toEqual(["shapes must agree before the conv"]);
  });

  it("resolves imports as written, relative ones included", () => {
    expect(s.imports).toEqual(["os", "torch.nn", "numpy", ".utils", ".utils.helper", ".utils.check", "..", "..registry"]);
  });

  it("lists raise sites with the exception and the message template, skipping bare re-raises", () => {
    expect(s.raises).toEqual([
      { line: 23, exception: "ValueError", message: "Expected 4D input, got %dD" },
      { line: 25, exception: "ShapeError", message: "channels {} do not match {}" },
      { line: 30, exception: "NotImplementedError" },
      { line: 39, exception: "errors.BuildError", message: "unknown block: {}" },
    ]);
  });

  it("decodes escape sequences but leaves raw strings alone", () => {
    const out = parser.extract('a = "tab\\there"\nb = r"C:\\new"\n');
    expect(out.strings.map((x) => x.text)).toEqual(["tab\there", "C:\\new"]);
  });

  it("still yields identifiers, definitions and strings for a file with syntax errors", () => {
    const broken = "def ok(a):\n    return a\n\ndef broken(:\n    value = compute(alpha, beta\n    msg = 'oops'\n";
    const out = parser.extract(broken);
    expect(out.functions.map((f) => f.name)).toContain("ok");
    expect(out.identifiers).toEqual(expect.arrayContaining(["compute", "alpha", "beta"]));
    expect(out.strings.map((x) => x.text)).toContain("oops");
    expect(out.hasErrors === true || out.parsed === false).toBe(true);
  });

  it("falls back to the regex extraction for sources above the size cap", async () => {
    const small = await createPythonParser({ maxParseLength: 10 });
    try {
      const out = small.extract("class Big:\n    def run(self): pass\n");
      expect(out.parsed).toBe(false);
      expect(out.functions).toEqual([{ name: "run", line: 2, className: "Big" }]);
    } finally {
      small.dispose();
    }
  });

  it("keeps working when a second parser is created alongside", async () => {
    const second = await createPythonParser();
    try {
      expect(second.extract(MODEL_PY)).toEqual(s);
      expect(parser.extract(MODEL_PY)).toEqual(s);
    } finally {
      second.dispose();
    }
  });

  it("handles an empty file", () => {
    const out = parser.extract("");
    expect(out.parsed).toBe(true);
    expect(out.identifiers).toEqual([]);
  });
});

describe("extractPythonFallback", () => {
  const s = extractPythonFallback(MODEL_PY);

  it("reports that it did not use the tree", () => {
    expect(s.parsed).toBe(false);
  });

  it("finds classes and guesses method owners from indentation", () => {
    expect(s.classes).toEqual([{ name: "ConvBlock", line: 9 }]);
    expect(s.functions).toEqual(MODEL_PY_FUNCTIONS);
  });

  it("separates docstrings, comments and strings", () => {
    expect(s.docstrings).toEqual(["Layers for the tiny model.", "A conv block.", "Build a block by name."]);
    expect(s.comments).toEqual(["shapes must agree before the conv"]);
    expect(s.strings.map((x) => x.text)).toEqual(expect.arrayContaining(["not a docstring", "channels {} do not match {}"]));
  });

  it("finds raise sites with literal messages and skips bare raises", () => {
    expect(s.raises).toEqual([
      { line: 23, exception: "ValueError", message: "Expected 4D input, got %dD" },
      { line: 25, exception: "ShapeError", message: "channels {} do not match {}" },
      { line: 30, exception: "NotImplementedError" },
      { line: 39, exception: "errors.BuildError", message: "unknown " },
    ]);
  });

  it("collects imports and identifiers without keywords or words inside strings", () => {
    expect(s.imports).toEqual(["os", "torch.nn", "numpy", ".utils", ".utils.helper", ".utils.check", "..", "..registry"]);
    expect(s.identifiers).toEqual(expect.arrayContaining(["kernel_size", "in_channels", "registry"]));
    expect(s.identifiers).not.toContain("def");
    expect(s.identifiers).not.toContain("docstring");
  });

  it("yields identifiers from code that no parser accepts", () => {
    const out = extractPythonFallback("print 'hello'\nexec code in ns\nx = `y`  # py2\n");
    expect(out.identifiers).toEqual(["print", "exec", "code", "ns", "x", "y"]);
    expect(out.strings).toEqual([{ text: "hello", line: 1 }]);
    expect(out.comments).toEqual(["py2"]);
  });
});
