import { describe, it, expect } from "@jest/globals";
import { bugTypeLabelKey, labelSpecs, managedLabelNames, sameLabel } from "../../src/labels/label-specs.js";
import { defaultRepoConfig, parseRepoConfig } from "../../src/config/repo-config.js";
import { BUG_TYPES } from "../../src/types.js";

describe("labelSpecs", () => {
  it("lists one label per bug type plus extrinsic and needs-info by default", () => {
    const specs = labelSpecs(defaultRepoConfig());
    expect(specs).toHaveLength(BUG_TYPES.length + 2);
    for (const spec of specs) expect(spec.color).toMatch(/^[0-9a-f]{6}$/);
    for (const type of BUG_TYPES) expect(specs.map((s) => s.key)).toContain(bugTypeLabelKey(type));
  });

  it("prefixes names and leaves out disabled labels", () => {
    const config = parseRepoConfig({ labels: { prefix: "ml/", nonDl: { enabled: false } } }).config;
    const names = managedLabelNames(config);
    expect(names).toContain("ml/bug: GPU");
    expect(names).not.toContain("ml/bug: non-DL");
    expect(names.every((n) => n.startsWith("ml/"))).toBe(true);
  });

  it("compares label names without case", () => {
    expect(sameLabel("Bug: GPU", "bug: gpu")).toBe(true);
    expect(sameLabel("bug: GPU", "bug: API")).toBe(false);
  });
});
