import { describe, expect, it } from "@jest/globals";
import { proseWordCount } from "../../src/pipeline/localizability-input.js";

describe("proseWordCount", () => {
  it("counts the reporter's words without the words of links (fepegar/torchio#28)", () => {
    const prose = "@romainVala (https://github.com/romainVala)\n reported this in #24 (https://github.com/fepegar/torchio/issues/24)";
    expect(proseWordCount(prose)).toBe(4);
    expect(proseWordCount("see www.example.com/page for the model card")).toBe(5);
    expect(proseWordCount("The loss is NaN after the first epoch")).toBe(8);
  });
});
