/** A valid triage job for queue tests; a fresh object per call. */
import type { TriageJob } from "../../src/queue/triage-job.js";

export function sampleJob(overrides: { owner?: string; name?: string; number?: number; cloneUrl?: string } = {}): Extract<TriageJob, { kind: "triage" }> {
  return {
    kind: "triage",
    installationId: 77,
    repository: {
      owner: overrides.owner ?? "octo-ml",
      name: overrides.name ?? "tiny-vision",
      cloneUrl: overrides.cloneUrl ?? "https://github.com/octo-ml/tiny-vision.git",
      defaultBranch: "main",
      htmlUrl: "https://github.com/octo-ml/tiny-vision",
      sizeKb: 420,
    },
    issue: {
      number: overrides.number ?? 12,
      title: "RuntimeError: size mismatch",
      body: "shapes cannot be multiplied",
      author: "alice",
      createdAt: "2026-11-20T10:00:00Z",
      updatedAt: "2026-11-20T10:00:00Z",
      url: "https://github.com/octo-ml/tiny-vision/issues/12",
    },
    trigger: { deliveryId: "d-1", event: "issues.opened", at: "2026-11-20T10:00:00Z" },
    config: {},
    configProblems: [],
  };
}
