import { describe, expect, it } from "@jest/globals";
import { defaultRepoConfig } from "../../src/config/repo-config.js";
import { planLabels } from "../../src/labels/plan-labels.js";
import { NEGLIGIBLE_SHARE, renderComment, shownFiles } from "../../src/render/render-comment.js";
import type { RankedFile } from "../../src/types.js";
import { makeResult } from "./fixtures/triage-results.js";

const file = (path: string, score: number): RankedFile => ({ path, score, evidence: [{ kind: "terms", detail: `\`${path}\`` }] });

describe("the files a comment shows", () => {
  const ranked = [file("pkg/a.py", 0.86), file("pkg/b.py", 0.05), file("pkg/c.py", 0.86 * NEGLIGIBLE_SHARE * 0.5), file("pkg/d.py", 0.001)];

  it("leaves out the files the ranker gives next to nothing beside the first", () => {
    expect(shownFiles(ranked, 5).map((f) => f.path)).toEqual(["pkg/a.py", "pkg/b.py"]);
    expect(shownFiles(ranked, 1).map((f) => f.path)).toEqual(["pkg/a.py"]);
    // A flat list keeps its files, however low.
    expect(shownFiles([file("x.py", 0.002), file("y.py", 0.0019)], 5)).toHaveLength(2);
  });

  it("lists and explains only those in the comment", () => {
    const config = defaultRepoConfig();
    const result = makeResult();
    const withTail = { ...result, localization: { ...result.localization, ranked } };
    const body = renderComment({ result: withTail, config, repo: { owner: "o", name: "r" }, suggestedLabels: planLabels(withTail, config) });
    expect(body).toContain("pkg/b.py");
    expect(body).not.toContain("pkg/c.py");
    expect(body).not.toContain("pkg/d.py");
  });
});
