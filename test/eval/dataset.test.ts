import { afterAll, describe, expect, it } from "@jest/globals";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readDataset } from "../../src/eval/dataset.js";
import { makeTempDir } from "../helpers/git-fixture.js";

const good = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ id: "o/r#1", repo: "o/r", title: "crash", body: "it crashes", base_commit: "abcdef1", gt_files: ["a.py"], ...over });

describe("readDataset", () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it("reads good lines and reports each bad one by its line number, going on after it", async () => {
    const lines = [
      good({ id: "o/r#1", bug_type: "GPU", extrinsic: true }), // 1
      "", // 2: blank, ignored
      '{"id": "o/r#2", "repo": ', // 3: cut short
      good({ id: "o/r#4", title: undefined }), // 4
      "[1, 2]", // 5
      good({ id: "o/r#6", base_commit: "not-a-sha" }), // 6
      good({ id: "o/r#7", repo: "no-slash" }), // 7
      good({ id: "o/r#8", gt_files: "a.py" }), // 8
      good({ id: "o/r#9", body: null }), // 9: no body is an empty body
      good({ id: undefined }), // 10
      good({ id: "o/r#11", body: 42 }), // 11
      good({ id: "o/r#12" }), // 12
    ];
    const path = join(temp.dir, "bugs.jsonl");
    writeFileSync(path, lines.join("\n") + "\n");
    const { bugs, problems } = await readDataset(path);
    expect(bugs.map((b) => b.id)).toEqual(["o/r#1", "o/r#9", "o/r#12"]);
    expect(bugs[0]).toMatchObject({ repo: "o/r", title: "crash", body: "it crashes", base_commit: "abcdef1", gt_files: ["a.py"], bug_type: "GPU", extrinsic: true });
    expect(bugs[1]!.body).toBe("");
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 10, 11]);
    const byLine = Object.fromEntries(problems.map((p) => [p.line, p.message]));
    expect(byLine[3]).toMatch(/^invalid JSON/);
    expect(byLine[4]).toBe('missing "title"');
    expect(byLine[5]).toBe("not a JSON object");
    expect(byLine[6]).toBe('"base_commit" is not a commit id');
    expect(byLine[7]).toBe('"repo" is not owner/name');
    expect(byLine[8]).toBe('"gt_files" is not a list of paths');
    expect(byLine[10]).toBe('missing "id"');
    expect(byLine[11]).toBe('"body" is not a string');
  });

  it("counts lines of a file with Windows line ends correctly", async () => {
    const path = join(temp.dir, "crlf.jsonl");
    writeFileSync(path, [good({ id: "o/r#1" }), "oops", good({ id: "o/r#3" })].join("\r\n"));
    const { bugs, problems } = await readDataset(path);
    expect(bugs.map((b) => b.id)).toEqual(["o/r#1", "o/r#3"]);
    expect(problems).toEqual([{ line: 2, message: expect.stringMatching(/^invalid JSON/) }]);
  });

  it("fails when the file cannot be read at all", async () => {
    await expect(readDataset(join(temp.dir, "absent.jsonl"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
