import { describe, it, expect } from "@jest/globals";
import { LABELS_END, LABELS_START, parseLabelCheckboxes, renderLabelCheckboxes } from "../../src/render/label-checkboxes.js";

describe("label checkboxes", () => {
  it("reads back what it renders, for odd label names too", () => {
    const boxes = [
      { label: "bug: GPU", checked: false },
      { label: "extrinsic", checked: true },
      { label: "a`b", checked: true },
      { label: "`edge`", checked: false },
      { label: "x | y", checked: false },
    ];
    expect(parseLabelCheckboxes(renderLabelCheckboxes(boxes.map((b) => ({ ...b, reason: "because [x](y) @me" }))))).toEqual(boxes);
  });

  it("reads a box ticked in the GitHub UI, in either case", () => {
    const body = renderLabelCheckboxes([{ label: "bug: API", checked: false }, { label: "extrinsic", checked: false }])
      .replace("- [ ] `bug: API`", "- [x] `bug: API`")
      .replace("- [ ] `extrinsic`", "- [X] `extrinsic`");
    expect(parseLabelCheckboxes(body)).toEqual([
      { label: "bug: API", checked: true },
      { label: "extrinsic", checked: true },
    ]);
  });

  it("ignores checkboxes outside the labels section when the section is there", () => {
    const body = `- [x] \`not a label\`\n\n${renderLabelCheckboxes([{ label: "bug: model", checked: false }])}\n- [x] \`after\``;
    expect(parseLabelCheckboxes(body)).toEqual([{ label: "bug: model", checked: false }]);
  });

  it("reads the whole body when the section markers were removed, and handles CRLF", () => {
    expect(parseLabelCheckboxes("text\r\n- [x] `bug: GPU` — why\r\n- [ ] `extrinsic`\r\n* [x] no code span")).toEqual([
      { label: "bug: GPU", checked: true },
      { label: "extrinsic", checked: false },
    ]);
  });

  it("keeps the first of two boxes for the same label", () => {
    expect(parseLabelCheckboxes(`${LABELS_START}\n- [x] \`a\`\n- [ ] \`A\`\n${LABELS_END}`)).toEqual([{ label: "a", checked: true }]);
  });

  it("escapes the reason so it cannot add a box or a mention", () => {
    const text = renderLabelCheckboxes([{ label: "a", checked: false, reason: "x\n- [x] `evil` @someone" }]);
    expect(parseLabelCheckboxes(text)).toEqual([{ label: "a", checked: false }]);
    expect(text).not.toMatch(/@someone/);
  });

  it("keeps a code span of the reason as code, not as escaped backticks", () => {
    const text = renderLabelCheckboxes([{ label: "needs environment info", checked: false, reason: "missing: GPU driver version (the `nvidia-smi` header)" }]);
    expect(text).toContain("(the `nvidia-smi` header)");
    expect(text).not.toContain("\\`");
    expect(parseLabelCheckboxes(text)).toEqual([{ label: "needs environment info", checked: false }]);
  });
});
