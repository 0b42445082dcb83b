import { describe, expect, it } from "@jest/globals";
import { InvalidJobError, jobIdFor, parseTriageJob, type TriageJob } from "../../src/queue/triage-job.js";
import { sampleJob } from "./sample-job.js";

describe("parseTriageJob", () => {
  it("accepts a job built from a webhook", () => {
    expect(parseTriageJob(sampleJob()).issue.number).toBe(12);
  });

  it("rejects any extra key, so a token can never ride along", () => {
    expect(() => parseTriageJob({ ...sampleJob(), token: "ghs_x" })).toThrow(InvalidJobError);
  });

  it("rejects a clone URL with credentials in it", () => {
    const job = sampleJob();
    job.repository.cloneUrl = "https://x-access-token:ghs_x@github.com/o/r.git";
    expect(() => parseTriageJob(job)).toThrow(/cloneUrl/);
  });

  it("names the bad field without echoing its value", () => {
    const job = { ...sampleJob(), installationId: "ghs_not_a_number" };
    try {
      parseTriageJob(job);
      throw new Error("expected a failure");
    } catch (error) {
      expect((error as Error).message).toContain("installationId");
      expect((error as Error).message).not.toContain("ghs_not_a_number");
    }
  });
});

describe("jobIdFor", () => {
  it("is the same for the same delivery content (a redelivery deduplicates)", () => {
    expect(jobIdFor(sampleJob())).toBe(jobIdFor(sampleJob()));
  });

  it("changes when the issue is edited", () => {
    const edited = sampleJob();
    edited.issue.body += " more";
    edited.trigger.at = "2026-11-20T10:05:00Z";
    expect(jobIdFor(edited)).not.toBe(jobIdFor(sampleJob()));
  });

  it("changes for a new command comment on the same issue", () => {
    const a: TriageJob = { ...sampleJob(), trigger: { ...sampleJob().trigger, commentId: 1 } };
    const b: TriageJob = { ...sampleJob(), trigger: { ...sampleJob().trigger, commentId: 2 } };
    expect(jobIdFor(a)).not.toBe(jobIdFor(b));
  });

  it("never contains ':' and is never all digits, as BullMQ requires", () => {
    const job = sampleJob();
    job.repository.owner = "123";
    job.repository.name = "456";
    const id = jobIdFor(job);
    expect(id).not.toContain(":");
    expect(id).not.toMatch(/^\d+$/);
    expect(id.startsWith("123/456#12-triage-")).toBe(true);
  });
});
