import { describe, it, expect } from "@jest/globals";
import {
  configProblemOutcome,
  defaultRepoConfig,
  formatPath,
  loadRepoConfigFromYaml,
  parseRepoConfig,
  repoConfigSchema,
} from "../../src/config/repo-config.js";

describe("parseRepoConfig", () => {
  it("gives a complete config with no problems when there is no file", () => {
    for (const raw of [undefined, null, {}]) {
      const { config, problems } = parseRepoConfig(raw);
      expect(problems).toEqual([]);
      expect(config).toEqual(defaultRepoConfig());
    }
    const config = defaultRepoConfig();
    expect(config.enabled).toBe(true);
    expect(config.topFiles).toBe(5);
    expect(config.autoApplyLabels).toBe(false);
    expect(config.thresholds).toEqual({ showFiles: 0.5, softenFiles: 0.25, labelConfidence: 0.5, extrinsicConfidence: 0.7 });
    expect(config.labels.gpu.name).toBe("bug: GPU");
    expect(config.labels.extrinsic.name).toBe("extrinsic");
    expect(config.labels.prefix).toBe("");
    expect(config.triggers).toEqual({ opened: true, reopened: true, edited: true, commands: true });
  });

  it("keeps valid fields and fills the rest of a partial object with defaults", () => {
    const { config, problems } = parseRepoConfig({ topFiles: 8, labels: { prefix: "mltriage: ", gpu: { color: "#00FF00" } } });
    expect(problems).toEqual([]);
    expect(config.topFiles).toBe(8);
    expect(config.labels.prefix).toBe("mltriage: ");
    expect(config.labels.gpu).toEqual({ ...defaultRepoConfig().labels.gpu, color: "00FF00" });
    expect(config.labels.model).toEqual(defaultRepoConfig().labels.model);
  });

  it("reports a wrong type with its path and falls back to that field's default only", () => {
    const { config, problems } = parseRepoConfig({ topFiles: 3, labels: { prefix: 7 } });
    expect(problems).toEqual([{ path: "labels.prefix", message: "expected string, got number 7" }]);
    expect(config.labels.prefix).toBe("");
    expect(config.topFiles).toBe(3);
  });

  it("reads YAML 1.1's yes/no/on/off as the switches they mean, not as wrong types replaced by defaults (robustness review)", () => {
    const { config, problems } = loadRepoConfigFromYaml("enabled: no\ndryRun: yes\ntriggers:\n  opened: off\n  edited: On\nlabels:\n  gpu:\n    enabled: N\n");
    expect(problems).toEqual([]);
    expect(config.enabled).toBe(false);
    expect(config.dryRun).toBe(true);
    expect(config.triggers.opened).toBe(false);
    expect(config.triggers.edited).toBe(true);
    expect(config.labels.gpu.enabled).toBe(false);
    // Any other word is still a wrong type, reported, with the default.
    const other = loadRepoConfigFromYaml("enabled: maybe\n");
    expect(other.config.enabled).toBe(true);
    expect(other.problems.map((p) => p.path)).toEqual(["enabled"]);
  });

  it("reports out-of-range numbers and non-integers", () => {
    const { config, problems } = parseRepoConfig({ topFiles: 50, thresholds: { showFiles: 1.5 }, maxRepoFiles: 2.5 });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "topFiles", message: "must be at most 20, got number 50" },
        { path: "thresholds.showFiles", message: "must be at most 1, got number 1.5" },
        { path: "maxRepoFiles", message: "expected an integer, got number 2.5" },
      ]),
    );
    expect(problems).toHaveLength(3);
    expect(config.topFiles).toBe(5);
    expect(config.thresholds.showFiles).toBe(0.5);
    expect(config.maxRepoFiles).toBe(defaultRepoConfig().maxRepoFiles);
  });

  it("reports unknown fields with a suggestion and ignores them", () => {
    const { config, problems } = parseRepoConfig({ topfiles: 3, labels: { gpu: { colour: "ffffff" } } });
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "topfiles", message: 'unknown field (did you mean "topFiles"?); it is ignored' },
        { path: "labels.gpu.colour", message: 'unknown field (did you mean "color"?); it is ignored' },
      ]),
    );
    expect(config.topFiles).toBe(5);
  });

  it("rejects a colour that YAML read as a number and one that is not hex", () => {
    const { config, problems } = parseRepoConfig({ labels: { gpu: { color: 123456 }, api: { color: "green" } } });
    expect(problems.map((p) => p.path)).toEqual(["labels.gpu.color", "labels.api.color"]);
    expect(problems[0]?.message).toContain("quoted hex colour");
    expect(problems[1]?.message).toContain("6 hex digits");
    expect(config.labels.gpu.color).toBe("d93f0b");
  });

  it("drops a whole glob list when one entry is invalid", () => {
    const { config, problems } = parseRepoConfig({ scope: { include: ["src/**", 3], exclude: ["docs/**"] } });
    expect(problems).toEqual([{ path: "scope.include[1]", message: "expected string, got number 3" }]);
    expect(config.scope).toEqual({ include: [], exclude: ["docs/**"] });
  });

  it("checks that softenFiles is not above showFiles", () => {
    const { config, problems } = parseRepoConfig({ thresholds: { showFiles: 0.3, softenFiles: 0.6 } });
    expect(problems).toEqual([{ path: "thresholds.softenFiles", message: "must not be above showFiles (0.3)" }]);
    expect(config.thresholds.showFiles).toBe(0.3);
    expect(config.thresholds.softenFiles).toBe(0.25);
  });

  it("falls back to the default thresholds when the cross-field rule still fails with a default", () => {
    const { config, problems } = parseRepoConfig({ thresholds: { showFiles: 0.1, softenFiles: 0.6 } });
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(config.thresholds).toEqual(defaultRepoConfig().thresholds);
  });

  it("blames the prefix when it makes a label name longer than GitHub allows", () => {
    const { config, problems } = parseRepoConfig({ labels: { prefix: "x".repeat(30), needsInfo: { name: "y".repeat(25) } } });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("labels.prefix");
    expect(problems[0]?.message).toContain("GitHub allows 50");
    expect(config.labels.prefix).toBe("");
    expect(config.labels.needsInfo.name).toBe("y".repeat(25));
  });

  it("ignores Probot's _extends key", () => {
    expect(parseRepoConfig({ _extends: ".github", dryRun: true })).toEqual({
      config: { ...defaultRepoConfig(), dryRun: true },
      problems: [],
    });
  });

  it("reports a file that is not a mapping and uses the defaults", () => {
    expect(parseRepoConfig(["a"])).toEqual({
      config: defaultRepoConfig(),
      problems: [{ path: "(file)", message: "expected a mapping of fields, got a list" }],
    });
    expect(parseRepoConfig("enabled").problems[0]?.message).toBe('expected a mapping of fields, got string "enabled"');
  });

  it("never mutates its input", () => {
    const raw = { topFiles: "five", labels: { gpu: { name: 1 } } };
    const copy = JSON.parse(JSON.stringify(raw)) as unknown;
    parseRepoConfig(raw);
    expect(raw).toEqual(copy);
  });

  it("never throws on odd input", () => {
    for (const raw of [42, true, new Date(0), { labels: null }, { scope: [] }, { labels: { gpu: "red" } }]) {
      expect(() => parseRepoConfig(raw)).not.toThrow();
      expect(repoConfigSchema.safeParse(parseRepoConfig(raw).config).success).toBe(true);
    }
  });
});

describe("loadRepoConfigFromYaml", () => {
  it("reads a YAML file", () => {
    const { config, problems } = loadRepoConfigFromYaml("topFiles: 3\nlabels:\n  prefix: 'mltriage: '\n  gpu:\n    color: '000000'\n");
    expect(problems).toEqual([]);
    expect(config.topFiles).toBe(3);
    expect(config.labels.gpu.color).toBe("000000");
  });

  it("treats an empty file as the zero config", () => {
    expect(loadRepoConfigFromYaml("")).toEqual({ config: defaultRepoConfig(), problems: [] });
    expect(loadRepoConfigFromYaml("# only a comment\n")).toEqual({ config: defaultRepoConfig(), problems: [] });
  });

  it("reports a YAML syntax error as a problem with its line", () => {
    const { config, problems } = loadRepoConfigFromYaml("topFiles: 3\nlabels: [unclosed\n");
    expect(config).toEqual(defaultRepoConfig());
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("(file)");
    expect(problems[0]?.message).toMatch(/^YAML syntax error: .*line \d+, column \d+$/); // no dangling colon
  });
});

describe("formatPath", () => {
  it("joins keys with dots and indexes with brackets", () => {
    expect(formatPath(["scope", "include", 2])).toBe("scope.include[2]");
    expect(formatPath([])).toBe("(file)");
  });
});

describe("configProblemOutcome", () => {
  it("says an invalid value falls back to its default and adds nothing to an unknown field", () => {
    const { problems } = parseRepoConfig({ topFiles: "many", topfiles: 3 });
    const shown = problems.map((p) => `${p.path}: ${p.message}${configProblemOutcome(p)}`);
    expect(shown).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^topFiles: .+ \(the default is used\)$/),
        'topfiles: unknown field (did you mean "topFiles"?); it is ignored',
      ]),
    );
    expect(shown).toHaveLength(2);
  });

  it("says every default is used when the whole file is unusable", () => {
    const problem = { path: "(file)", message: ".github/mltriage.yml is not valid YAML: Nested mappings are not allowed at line 2, column 10" };
    expect(configProblemOutcome(problem)).toBe(" (all defaults are used)");
  });
});
