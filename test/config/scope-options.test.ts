import { describe, it, expect } from "@jest/globals";
import { scopeOptionsFromConfig } from "../../src/config/scope-options.js";
import { defaultRepoConfig, parseRepoConfig } from "../../src/config/repo-config.js";
import { createScope } from "../../src/ir/scope.js";

describe("scopeOptionsFromConfig", () => {
  it("leaves the readers' defaults in place for the zero config", () => {
    const options = scopeOptionsFromConfig(defaultRepoConfig());
    expect(options).toEqual({ maxFileBytes: 1_000_000, maxFiles: 20_000 });
  });

  it("adds the repository's excludes to the built-in exclusions instead of replacing them", () => {
    const config = parseRepoConfig({ scope: { include: ["src/**/*.py", "vendor/**/*.py"], exclude: ["src/legacy/**"] } }).config;
    const scope = createScope(scopeOptionsFromConfig(config));
    expect(scope.reasonToSkip("src/model.py", 10)).toBeNull();
    expect(scope.reasonToSkip("src/legacy/old.py", 10)).toBe("excluded");
    expect(scope.reasonToSkip("tests/test_model.py", 10)).toBe("excluded");
    // Still excluded although the repository's own list does not name vendored code.
    expect(scope.reasonToSkip("vendor/lib/x.py", 10)).not.toBeNull();
  });

  it("passes the size caps", () => {
    const config = parseRepoConfig({ maxFileBytes: 5000, maxRepoFiles: 10 }).config;
    const scope = createScope(scopeOptionsFromConfig(config));
    expect(scope.maxFiles).toBe(10);
    expect(scope.reasonToSkip("a.py", 6000)).toBe("too-large");
  });
});
