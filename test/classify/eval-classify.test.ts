import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyseAll, trainClassifier } from "../../src/classify/train.js";
import { evalClassifyCommand } from "../../src/cli/eval-classify.js";
import { inventedIssues } from "./fixtures.js";

let dir: string;
let dataset: string;
let modelFile: string;
let stdout: string;
let stderr: string;

function toRow(i: ReturnType<typeof inventedIssues>[number]): string {
  return JSON.stringify({ id: i.id, repo: i.repo, title: i.title, body: i.body, bug_type: i.bugType, extrinsic: i.extrinsic, dl_bug: i.bugType !== "non-DL" });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "eval-classify-"));
  const issues = inventedIssues();
  dataset = join(dir, "tiny.jsonl");
  writeFileSync(dataset, `${issues.map(toRow).join("\n")}\n`);
  modelFile = join(dir, "model.json");
  writeFileSync(modelFile, JSON.stringify(trainClassifier(analyseAll(issues))));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));


const spies: Array<{ mockRestore: () => void }> = [];
function capture(): void {
  stdout = "";
  stderr = "";
  spies.push(
    jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)),
    jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)),
  );
}
afterEach(() => {
  while (spies.length) spies.pop()!.mockRestore();
});

describe("eval-classify", () => {
  it("scores a given model without cross-validation and writes the JSON shape other tools read", async () => {
    capture();
    const out = join(dir, "out.json");
    const code = await evalClassifyCommand(["--dataset", dataset, "--cv", "none", "--model", modelFile, "--json", out]);
    expect(code).toBe(0);
    expect(stdout).toContain("macro-F1");
    expect(stdout).toContain("Cohen's kappa");
    expect(stdout).toContain("majority");
    expect(stdout).toContain("confusion");
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(Object.keys(json).sort()).toEqual(["extrinsic", "type"]);
    expect(Object.keys(json.type).sort()).toEqual(["accuracy", "confusion", "kappa", "macroF1", "n", "perClass"]);
    expect(Object.keys(json.extrinsic).sort()).toEqual(["accuracy", "f1", "kappa", "n"]);
    expect(json.type.n).toBe(24);
    for (const v of [json.type.accuracy, json.type.macroF1, json.extrinsic.accuracy, json.extrinsic.f1]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(Object.keys(json.type.perClass)).toHaveLength(6);
    expect(json.type.perClass.GPU).toEqual({ precision: expect.any(Number), recall: expect.any(Number), f1: expect.any(Number), support: 4 });
    // Scored on its own training rows, the model must at least beat chance clearly.
    expect(json.type.accuracy).toBeGreaterThan(0.5);
    // Beside the majority, "always extrinsic": its F1 is that of the extrinsic share s, 2s / (1 + s).
    expect(stdout).toContain("always extrinsic");
    const share = inventedIssues().filter((i) => i.extrinsic).length / inventedIssues().length;
    const f1Row = stdout.split("\n").find((l) => /^\s+F1\s/.test(l))!.trim().split(/\s+/);
    expect(Number(f1Row[3])).toBeCloseTo((2 * share) / (1 + share), 3);
  });

  it("runs leave-one-project-out cross-validation, one fold per repository", async () => {
    capture();
    const code = await evalClassifyCommand(["--dataset", dataset]);
    expect(code).toBe(0);
    expect(stderr).toContain("fold acme/speech");
    expect(stderr).toContain("fold acme/tabular");
    expect(stderr).toContain("fold acme/vision");
    expect(stdout).toContain("leave-one-project-out");
  });

  it("skips an unreadable line, naming its line number", async () => {
    capture();
    const broken = join(dir, "broken.jsonl");
    const rows = readFileSync(dataset, "utf8").trim().split("\n");
    rows.splice(2, 0, "{not json", JSON.stringify({ id: "x#1", title: "t", body: "b", bug_type: "Banana", extrinsic: false }));
    writeFileSync(broken, rows.join("\n"));
    const code = await evalClassifyCommand(["--dataset", broken, "--cv", "none", "--model", modelFile]);
    expect(code).toBe(0);
    expect(stderr).toContain(":3: skipped, not valid JSON");
    expect(stderr).toMatch(/:4: skipped, unknown bug_type "Banana"/);
  });

  it("rejects bad arguments with a usage message and exit code 2", async () => {
    capture();
    expect(await evalClassifyCommand([])).toBe(2);
    expect(stderr).toContain("--dataset is required");
    expect(await evalClassifyCommand(["--dataset", dataset, "--cv", "kfold"])).toBe(2);
    expect(stderr).toContain('--cv must be "loo-project" or "none"');
    expect(await evalClassifyCommand(["--dataset", dataset, "--frobnicate"])).toBe(2);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("fails cleanly on a missing dataset or model file", async () => {
    capture();
    expect(await evalClassifyCommand(["--dataset", join(dir, "nope.jsonl")])).toBe(1);
    expect(stderr).toContain("cannot read dataset");
    expect(await evalClassifyCommand(["--dataset", dataset, "--cv", "none", "--model", join(dir, "nope.json")])).toBe(1);
    expect(stderr).toContain("cannot load model");
  });

  it("refuses leave-one-project-out on a single repository", async () => {
    capture();
    const single = join(dir, "single.jsonl");
    writeFileSync(single, inventedIssues().filter((i) => i.repo === "acme/vision").map(toRow).join("\n"));
    expect(await evalClassifyCommand(["--dataset", single])).toBe(1);
    expect(stderr).toContain("at least two repositories");
  });
});
