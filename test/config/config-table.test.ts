import { describe, it, expect } from "@jest/globals";
import { configTableRows, renderConfigTable, renderExampleConfigYaml } from "../../src/config/config-table.js";
import { defaultRepoConfig, loadRepoConfigFromYaml, repoConfigSchema } from "../../src/config/repo-config.js";

describe("renderConfigTable", () => {
  const table = renderConfigTable();

  it("has a row for every top-level field of the schema", () => {
    for (const key of Object.keys(repoConfigSchema.shape)) {
      expect(table).toContain(`| \`${key}\` |`);
    }
  });

  it("documents every row with a type and a description", () => {
    for (const row of configTableRows()) {
      expect(row.type).not.toBe("");
      expect(row.description.length).toBeGreaterThan(10);
    }
  });

  it("shows defaults taken from the schema", () => {
    expect(table).toMatch(/\| `topFiles` \| integer \| `5` \|/);
    expect(table).toMatch(/\| `labels.gpu` \| label \| `bug: GPU` `#d93f0b` \|/);
    expect(table).toMatch(/\| `thresholds.showFiles` \| number \| `0.5` \|/);
  });

  it("is a well-formed markdown table: every line has the same number of unescaped pipes", () => {
    const lines = table.trim().split("\n");
    const counts = lines.map((line) => line.replace(/\\\|/g, "").split("|").length);
    expect(new Set(counts).size).toBe(1);
  });
});

describe("renderExampleConfigYaml", () => {
  const yamlText = renderExampleConfigYaml();

  it("is a valid config equal to the defaults", () => {
    expect(loadRepoConfigFromYaml(yamlText)).toEqual({ config: defaultRepoConfig(), problems: [] });
  });

  it("comments every top-level field with its description", () => {
    for (const [key, field] of Object.entries(repoConfigSchema.shape)) {
      const description = (field as { description?: string }).description ?? "";
      expect(yamlText).toContain(`# ${description}\n${key}:`);
    }
  });

  it("quotes every colour", () => {
    const colours = yamlText.match(/color: .*/g) ?? [];
    expect(colours.length).toBeGreaterThan(0);
    for (const line of colours) expect(line).toMatch(/^color: "[0-9a-f]{6}"$/);
  });
});
