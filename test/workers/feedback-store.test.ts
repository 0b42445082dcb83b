/** Maintainer feedback: stored in Redis (real, unique key per test) or a file, and turned into history. */
import { afterAll, describe, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { FileFeedbackStore, MAX_FEEDBACK_ENTRIES, RedisFeedbackStore, feedbackAsPastFixes, feedbackForIssue, type FileFeedback } from "../../src/github/feedback-store.js";
import { makeTempDir } from "../helpers/git-fixture.js";

const entry = (issueNumber: number, add: string[], remove: string[] = [], at = "2026-01-01T00:00:00Z"): FileFeedback => ({
  issueNumber,
  title: `issue ${issueNumber}`,
  body: "body",
  add,
  remove,
  actor: "maria",
  at,
});

const redis = new Redis("redis://127.0.0.1:6379");
const temp = makeTempDir();
const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  await redis.quit();
  temp.cleanup();
});

describe.each([
  [
    "Redis",
    () => {
      const prefix = `mltriage-test:${randomUUID()}`;
      prefixes.push(prefix);
      return new RedisFeedbackStore(redis, prefix);
    },
  ],
  ["file", () => new FileFeedbackStore(`${temp.dir}/${randomUUID()}`)],
])("%s feedback store", (_name, make) => {
  it("returns what was recorded, oldest first, per repository", async () => {
    const store = make();
    await store.record("o/r", entry(1, ["a.py"]));
    await store.record("o/r", entry(2, ["b.py"]));
    await store.record("o/other", entry(9, ["z.py"]));
    expect((await store.list("o/r")).map((e) => e.issueNumber)).toEqual([1, 2]);
  });

  it("keeps only the newest entries", async () => {
    const store = make();
    for (let i = 1; i <= MAX_FEEDBACK_ENTRIES + 2; i++) await store.record("o/r", entry(i, ["a.py"]));
    const listed = await store.list("o/r");
    expect(listed).toHaveLength(MAX_FEEDBACK_ENTRIES);
    expect(listed[0]!.issueNumber).toBe(3);
  }, 60_000);
});

describe("feedbackAsPastFixes", () => {
  it("turns feedback on other issues into past fixes, later answers refining earlier ones", () => {
    const fixes = feedbackAsPastFixes([entry(1, ["a.py", "b.py"]), entry(1, [], ["b.py"]), entry(5, ["x.py"])], { excludeIssue: 5 });
    expect(fixes).toEqual([{ id: "feedback#1", title: "issue 1", body: "body", files: ["a.py"], fixedAt: "2026-01-01T00:00:00Z" }]);
  });

  it("leaves out feedback given after the issue was opened", () => {
    expect(feedbackAsPastFixes([entry(1, ["a.py"], [], "2026-06-01T00:00:00Z")], { excludeIssue: 5, before: "2026-05-01T00:00:00Z" })).toEqual([]);
  });
});

describe("feedbackForIssue", () => {
  it("gives the net verdict per file, the latest answer winning", () => {
    expect(feedbackForIssue([entry(5, ["a.py"], ["b.py"]), entry(5, ["b.py"], ["a.py"])], 5)).toEqual({ pinned: ["b.py"], dropped: ["a.py"] });
  });

  it("reads the answers in the order they were given, so a retried older answer stored last does not undo a newer one", () => {
    const older = entry(5, ["data.py"], [], "2026-01-01T00:00:00Z");
    const newer = entry(5, [], ["data.py"], "2026-01-01T00:05:00Z");
    // The first job failed, the second succeeded, then the first job's retry recorded its answer again.
    expect(feedbackForIssue([older, newer, older], 5)).toEqual({ pinned: [], dropped: ["data.py"] });
    expect(feedbackAsPastFixes([entry(6, ["a.py"], [], "2026-01-01T00:00:00Z"), entry(6, [], ["a.py"], "2026-01-01T00:05:00Z"), entry(6, ["a.py"], [], "2026-01-01T00:00:00Z")], { excludeIssue: 5 })).toEqual([]);
  });
});
