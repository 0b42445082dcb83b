import { describe, it, expect } from "@jest/globals";
import { labelsToApply, planLabels } from "../../src/labels/plan-labels.js";
import { defaultRepoConfig, parseRepoConfig } from "../../src/config/repo-config.js";
import { gpuExtrinsicResult } from "../render/fixtures/triage-results.js";

const config = defaultRepoConfig();
const autoConfig = parseRepoConfig({ autoApplyLabels: true }).config;
const suggested = planLabels(gpuExtrinsicResult(), config); // bug: GPU, extrinsic, needs environment info

describe("labelsToApply", () => {
  it("applies nothing by itself when auto-apply is off", () => {
    expect(labelsToApply({ suggested, config, current: [], removedByHuman: [] })).toEqual({ add: [], remove: [] });
  });

  it("applies every suggested label that is missing when auto-apply is on", () => {
    expect(labelsToApply({ suggested, config: autoConfig, current: ["bug: gpu"], removedByHuman: [] })).toEqual({
      add: ["extrinsic", "needs environment info"],
      remove: [],
    });
  });

  it("never re-adds on its own a label a human removed", () => {
    const plan = labelsToApply({ suggested, config: autoConfig, current: [], removedByHuman: ["Extrinsic"] });
    expect(plan.add).toEqual(["bug: GPU", "needs environment info"]);
  });

  it("applies a ticked box and removes an unticked box's label", () => {
    const plan = labelsToApply({
      suggested,
      config,
      current: ["extrinsic", "help wanted"],
      removedByHuman: [],
      checkbox: [
        { label: "bug: GPU", checked: true },
        { label: "extrinsic", checked: false },
        { label: "needs environment info", checked: false },
      ],
    });
    expect(plan).toEqual({ add: ["bug: GPU"], remove: ["extrinsic"] });
  });

  it("ignores boxes for labels the bot does not manage, ticked or not", () => {
    const plan = labelsToApply({
      suggested,
      config,
      current: ["wontfix"],
      removedByHuman: [],
      checkbox: [
        { label: "wontfix", checked: false },
        { label: "priority: high", checked: true },
      ],
    });
    expect(plan).toEqual({ add: [], remove: [] });
  });

  it("does not re-add a human-removed label from a possibly stale tick when the previous state is unknown", () => {
    const plan = labelsToApply({
      suggested,
      config,
      current: [],
      removedByHuman: ["bug: GPU"],
      checkbox: [{ label: "bug: GPU", checked: true }],
    });
    expect(plan.add).toEqual([]);
  });

  it("counts only boxes whose state changed when the previous state is given", () => {
    const plan = labelsToApply({
      suggested,
      config,
      current: ["extrinsic"],
      removedByHuman: ["bug: GPU"],
      // bug: GPU newly ticked (a human decision, even after removing it); extrinsic was and stays unticked.
      checkbox: [
        { label: "bug: GPU", checked: true },
        { label: "extrinsic", checked: false },
      ],
      previousCheckbox: [
        { label: "bug: GPU", checked: false },
        { label: "extrinsic", checked: false },
      ],
    });
    expect(plan).toEqual({ add: ["bug: GPU"], remove: [] });
  });

  it("accepts ticks for managed labels even when they are not suggested this time", () => {
    const plan = labelsToApply({ suggested: [], config, current: [], removedByHuman: [], checkbox: [{ label: "bug: training", checked: true }] });
    expect(plan.add).toEqual(["bug: training"]);
  });

  it("with checkboxes, follows the boxes and not auto-apply", () => {
    const plan = labelsToApply({ suggested, config: autoConfig, current: [], removedByHuman: [], checkbox: [{ label: "extrinsic", checked: true }] });
    expect(plan).toEqual({ add: ["extrinsic"], remove: [] });
  });

  it("removes the label as spelt on the issue when case differs", () => {
    const plan = labelsToApply({ suggested, config, current: ["Bug: GPU"], removedByHuman: [], checkbox: [{ label: "bug: GPU", checked: false }] });
    expect(plan.remove).toEqual(["Bug: GPU"]);
  });
});
