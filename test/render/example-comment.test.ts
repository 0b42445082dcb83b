/**
 * docs/example-comment.md shows the comment for two example issues. This test keeps it in step with the
 * renderer: it fails when the document no longer matches what renderComment produces.
 * To regenerate it: UPDATE_EXAMPLE_COMMENT=1 NODE_OPTIONS=--experimental-vm-modules npx jest test/render/example-comment
 */
import { describe, it, expect } from "@jest/globals";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderComment } from "../../src/render/render-comment.js";
import { planLabels } from "../../src/labels/plan-labels.js";
import { defaultRepoConfig } from "../../src/config/repo-config.js";
import { ddpHangExample, EXAMPLE_REPO, shapeMismatchExample } from "./fixtures/example-issues.js";

const DOC = fileURLToPath(new URL("../../docs/example-comment.md", import.meta.url));

function renderExample(result: ReturnType<typeof shapeMismatchExample>): string {
  const config = defaultRepoConfig();
  return renderComment({ result, config, repo: EXAMPLE_REPO, suggestedLabels: planLabels(result, config) });
}

function exampleDocument(): string {
  return `# What the mltriage comment looks like

Below are the comments mltriage posts on two issues of the example repository \`examples/tiny-vision\`:
\`examples/issues/shape-mismatch.md\`, a bug with a traceback into the project's code, and
\`examples/issues/ddp-hang.md\`, a multi-GPU hang that is probably caused by the machine rather than the code.

The triage results behind them are written by hand (\`test/render/fixtures/example-issues.ts\`) to show every
part of the comment: ranks and evidence are what the pipeline is meant to find for these issues, the scores and
confidences are illustrative. A test keeps this page equal to what the renderer produces; regenerate it with
\`UPDATE_EXAMPLE_COMMENT=1 NODE_OPTIONS=--experimental-vm-modules npx jest test/render/example-comment\`.

## A tensor shape bug with a traceback

${renderExample(shapeMismatchExample())}

## A GPU hang that is probably extrinsic

${renderExample(ddpHangExample())}
`;
}

describe("docs/example-comment.md", () => {
  it("matches the renderer's output for the example issues", () => {
    const expected = exampleDocument();
    if (process.env["UPDATE_EXAMPLE_COMMENT"]) writeFileSync(DOC, expected);
    expect(readFileSync(DOC, "utf8")).toBe(expected);
  });

  it("suggests the bug type label for the shape bug and flags the hang as extrinsic", () => {
    const config = defaultRepoConfig();
    expect(planLabels(shapeMismatchExample(), config).map((l) => l.name)).toEqual(["bug: tensor & input"]);
    expect(planLabels(ddpHangExample(), config).map((l) => l.name)).toEqual(["bug: GPU", "extrinsic"]);
  });
});
