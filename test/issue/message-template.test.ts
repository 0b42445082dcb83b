import { describe, expect, it } from "@jest/globals";
import { matchesMessageTemplate, templateParts } from "../../src/issue/index.js";

describe("matchesMessageTemplate", () => {
  it("matches %-style, str.format and f-string templates", () => {
    expect(matchesMessageTemplate("Expected 4D input (got %dD input)", "Expected 4D input (got 3D input)")).toBe(true);
    expect(matchesMessageTemplate("Early stopping conditioned on metric `{}` which is not available.", "Early stopping conditioned on metric `val_loss` which is not available. Available metrics are: loss")).toBe(true);
    expect(matchesMessageTemplate("Parameter '%(name)s' is missing in file '%(file)s'", "Parameter 'dense0_weight' is missing in file 'net.params'")).toBe(true);
  });

  it("requires the fixed parts in order", () => {
    expect(matchesMessageTemplate("shape {} does not match {}", "does not match shape (2, 3)")).toBe(false);
    expect(matchesMessageTemplate("Expected 4D input (got %dD input)", "Expected 5D weight")).toBe(false);
  });

  it("ignores literals with too little fixed text", () => {
    expect(matchesMessageTemplate("%s: %s", "KeyError: x")).toBe(false);
    expect(matchesMessageTemplate("{} {}", "anything at all here")).toBe(false);
  });

  it("normalises whitespace and splits a template into its fixed parts", () => {
    expect(templateParts("a  %s\n b {x} c%%")).toEqual(["a", "b", "c"]);
    expect(matchesMessageTemplate("cannot   reshape array\nof size %d", "cannot reshape array of size 12 into shape (5,)")).toBe(true);
  });

  it("stays fast on long messages with many placeholders", () => {
    const literal = Array.from({ length: 30 }, (_, i) => `part${i} %s`).join(" ");
    const message = "x".repeat(100000);
    expect(matchesMessageTemplate(literal, message)).toBe(false);
  });
});
