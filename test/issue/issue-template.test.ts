import { describe, expect, it } from "@jest/globals";
import { historyWithoutTemplateText, isIssueTemplatePath, templateSentences, withoutTemplateText } from "../../src/issue/issue-template.js";

const markdownTemplate = {
  path: ".github/ISSUE_TEMPLATE/bug_report.md",
  text: [
    "---",
    "name: Bug report",
    "---",
    "## 🐛 Bug",
    "",
    "<!-- A clear and concise description of what the bug is. -->",
    "",
    "### To Reproduce",
    "",
    "Steps to reproduce the behavior:",
    "",
    "Please copy and paste the output from our environment collection script",
    "(or fill out the checklist below manually).",
    "",
    "```",
    "paste the output here",
    "```",
  ].join("\n"),
};

const issueForm = {
  path: ".github/ISSUE_TEMPLATE/1_bug_report.yaml",
  text: [
    "name: Bug report",
    "body:",
    "  - type: textarea",
    "    attributes:",
    "      label: Bug description",
    "      placeholder: A clear and concise description of the bug.",
    "  - type: textarea",
    "    attributes:",
    "      label: Environment",
  ].join("\n"),
};

describe("isIssueTemplatePath", () => {
  it("recognises GitHub's template locations and not the chooser config or other docs", () => {
    for (const p of [".github/ISSUE_TEMPLATE.md", ".github/issue_template.md", ".github/ISSUE_TEMPLATE/bug.md", ".github/ISSUE_TEMPLATE/bug.yml", "ISSUE_TEMPLATE.md", "docs/ISSUE_TEMPLATE.md"]) {
      expect(isIssueTemplatePath(p)).toBe(true);
    }
    for (const p of [".github/ISSUE_TEMPLATE/config.yml", ".github/PULL_REQUEST_TEMPLATE.md", "README.md", "src/ISSUE_TEMPLATE.md", ".github/ISSUE_TEMPLATE/sub/bug.md"]) {
      expect(isIssueTemplatePath(p)).toBe(false);
    }
  });
});

describe("withoutTemplateText", () => {
  it("keeps a pasted log of 200,000 short lines (1 MB, the CLI's limit), closed or not", () => {
    const log = Array.from({ length: 200_000 }, () => "oom!").join("\n");
    expect(withoutTemplateText(`Log:\n\`\`\`\n${log}\n\`\`\``, sentences)).toBe(`Log:\n\`\`\`\n${log}\n\`\`\``);
    expect(withoutTemplateText(`Log:\n\`\`\`\n${log}`, sentences)).toBe(`Log:\n\`\`\`\n${log}`);
  });

  const sentences = templateSentences([markdownTemplate, issueForm]);

  it("drops the template's headings and prompts, also when a converted body joined its wrapped lines", () => {
    const body = [
      "🐛 Bug",
      "Training hangs after the first epoch.",
      "To Reproduce",
      "Steps to reproduce the behavior:",
      "Please copy and paste the output from our environment collection script (or fill out the checklist below manually).",
      "Bug description",
      "Run trainer.fit twice.",
    ].join("\n");
    expect(withoutTemplateText(body, sentences)).toBe(["Training hangs after the first epoch.", "Run trainer.fit twice."].join("\n"));
  });

  it("drops a template sentence with a link, whether the body kept the link's text alone or its URL too", () => {
    const linked = templateSentences([{ path: ".github/ISSUE_TEMPLATE/question.md", text: "If your question is about docker, did you read [this doc](https://github.com/o/r/blob/master/docs/docker.rst)?\n" }]);
    // The link's text alone (the converted body lost the URL), or the text with the URL after it in brackets.
    for (const asked of ["did you read this doc?", "did you read this doc (https://github.com/o/r/blob/master/docs/docker.rst)?"]) {
      const body = `If your question is about docker, ${asked}\nKeyError in broadcast_optimizer_state.`;
      expect(withoutTemplateText(body, linked)).toBe("KeyError in broadcast_optimizer_state.");
    }
  });

  it("keeps the reporter's sentences that share a line with template text", () => {
    expect(withoutTemplateText("Environment: torch 1.7 on CUDA 11.0", sentences)).toBe("torch 1.7 on CUDA 11.0");
    expect(withoutTemplateText("Steps to reproduce the behavior: call fit() twice.", sentences)).toBe("call fit() twice.");
  });

  it("leaves the reporter's code blocks and logs untouched, even where they repeat the template", () => {
    const body = ["```", "Environment", "paste the output here", "torch 1.7.0", "```", "Environment"].join("\n");
    expect(withoutTemplateText(body, sentences)).toBe(["```", "Environment", "paste the output here", "torch 1.7.0", "```"].join("\n"));
  });

  it("drops a code block that is the template's own, left as it was (every line a template line)", () => {
    const body = ["It hangs.", "```", "Environment", "", "paste the output here", "```", "Done."].join("\n");
    expect(withoutTemplateText(body, sentences)).toBe(["It hangs.", "Done."].join("\n"));
    // An empty block is no template's: kept, as is a block never closed.
    expect(withoutTemplateText("```\n```", sentences)).toBe("```\n```");
    expect(withoutTemplateText("```\nEnvironment", sentences)).toBe("```\nEnvironment");
  });

  it("changes nothing without templates, and skips a broken issue form", () => {
    const body = "Steps to reproduce the behavior:\nIt fails.";
    expect(withoutTemplateText(body, new Set())).toBe(body);
    expect(templateSentences([{ path: ".github/ISSUE_TEMPLATE/x.yml", text: "body: [unclosed" }]).size).toBe(0);
  });
});

describe("historyWithoutTemplateText", () => {
  it("takes the template text out of past issues' bodies and leaves commits and files alone", () => {
    const sentences = templateSentences([markdownTemplate]);
    const history = {
      commits: [{ sha: "a".repeat(40), date: "2020-01-01T00:00:00Z", message: "fix", files: ["pkg/a.py"] }],
      pastFixes: [{ id: "o/r#1", title: "To Reproduce", body: "To Reproduce\nfit() hangs", files: ["pkg/a.py"], fixedAt: "2020-01-02T00:00:00Z" }],
    };
    const out = historyWithoutTemplateText(history, sentences)!;
    expect(out.pastFixes[0]).toEqual({ ...history.pastFixes[0], body: "fit() hangs" });
    expect(out.commits).toBe(history.commits);
    expect(historyWithoutTemplateText(undefined, sentences)).toBeUndefined();
  });
});
