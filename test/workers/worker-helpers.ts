/** Shared pieces of the worker tests: a fixture repository, jobs pointing at it, deps with a test Probot. */
import { pino } from "pino";
import { FileFeedbackStore } from "../../src/github/feedback-store.js";
import { KeyedMutex } from "../../src/github/keyed-mutex.js";
import type { GitHubClient } from "../../src/github/octokit.js";
import { defaultRepoConfig, type RepoConfig } from "../../src/config/repo-config.js";
import type { JobContext } from "../../src/queue/job-queue.js";
import type { TriageJob } from "../../src/queue/triage-job.js";
import type { TriageResult } from "../../src/types.js";
import type { AnalysisRunner } from "../../workers/analyse/analysis-runner.js";
import type { WorkerDeps } from "../../workers/jobs/worker-deps.js";
import { createGitRepo, type GitRepo } from "../helpers/git-fixture.js";
import { createTestProbot } from "../app/helpers/test-probot.js";

export const OWNER = "octo-ml";
export const REPO = "tiny-vision";
export const INSTALLATION = 77;
export const ISSUE_NUMBER = 12;

/** A tiny DL repository: the traceback in the issue points at tiny_vision/model.py; a commit fixed #3 in heads.py. */
export function createTinyVisionRepo(): GitRepo {
  return createGitRepo(
    {
      "tiny_vision/__init__.py": "",
      "tiny_vision/model.py":
        "import torch.nn as nn\nfrom .heads import ClassifierHead\n\nclass TinyNet(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.conv = nn.Conv2d(3, 16, 3)\n        self.head = ClassifierHead(4096, 10)\n\n    def forward(self, x):\n        # flatten then classify\n        return self.head(self.conv(x).flatten(1))\n",
      "tiny_vision/heads.py": "import torch.nn as nn\n\nclass ClassifierHead(nn.Module):\n    def __init__(self, in_features, classes):\n        super().__init__()\n        self.fc = nn.Linear(in_features, classes)\n",
      "tiny_vision/train.py": "from .model import TinyNet\n\ndef train(loader, epochs):\n    model = TinyNet()\n    for x, y in loader:\n        loss = model(x)\n",
      "tiny_vision/data.py": "def load_images(path, image_size=224):\n    return []\n",
      "README.md": "# tiny-vision\n",
    },
    {
      commits: [
        { files: { "tiny_vision/heads.py": "import torch.nn as nn\n\nclass ClassifierHead(nn.Module):\n    def __init__(self, in_features, classes):\n        super().__init__()\n        self.fc = nn.Linear(in_features, classes)\n        self.dropout = nn.Dropout(0.1)\n" }, message: "Add dropout to the classifier head (fixes #3)" },
      ],
    },
  );
}

export function issueJson(overrides: Record<string, unknown> = {}) {
  return {
    number: ISSUE_NUMBER,
    title: "RuntimeError: mat1 and mat2 shapes cannot be multiplied in TinyNet.forward",
    body: 'Traceback (most recent call last):\n  File "tiny_vision/train.py", line 6, in train\n    loss = model(x)\n  File "tiny_vision/model.py", line 12, in forward\n    return self.head(self.conv(x).flatten(1))\nRuntimeError: mat1 and mat2 shapes cannot be multiplied (8x8192 and 4096x10)',
    state: "open",
    locked: false,
    labels: [],
    user: { login: "alice", type: "User" },
    created_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-20T10:00:00Z",
    html_url: `https://github.com/${OWNER}/${REPO}/issues/${ISSUE_NUMBER}`,
    ...overrides,
  };
}

export function triageJob(cloneUrl: string, overrides: Partial<{ config: Partial<RepoConfig>; at: string; kind: "triage" }> = {}): Extract<TriageJob, { kind: "triage" }> {
  const issue = issueJson();
  return {
    kind: "triage",
    installationId: INSTALLATION,
    repository: { owner: OWNER, name: REPO, cloneUrl, defaultBranch: "main", htmlUrl: `https://github.com/${OWNER}/${REPO}`, sizeKb: 12 },
    issue: { number: issue.number, title: issue.title, body: issue.body, author: "alice", createdAt: issue.created_at, updatedAt: issue.updated_at, url: issue.html_url },
    trigger: { deliveryId: "delivery-1", event: "issues.opened", at: overrides.at ?? issue.updated_at },
    config: { ...defaultRepoConfig(), ...(overrides.config ?? {}) } as unknown as Record<string, unknown>,
    configProblems: [],
  };
}

export function testDeps(cacheDir: string, overrides: Partial<WorkerDeps> = {}): WorkerDeps {
  const probot = createTestProbot();
  return {
    getOctokit: async (id) => (await probot.auth(id)) as unknown as GitHubClient,
    analysis: overrides.analysis ?? inlineAnalysisForTests(),
    feedback: new FileFeedbackStore(cacheDir),
    repoLocks: new KeyedMutex(),
    cacheDir,
    gitTimeoutMs: 60_000,
    maxReferencedIssues: 200,
    maxRepoSizeMb: 1024,
    dryRun: false,
    // The tests' repositories are local git folders.
    allowLocalClones: true,
    ...overrides,
  };
}

let inline: AnalysisRunner | undefined;
/** One inline runner per test file (its document cache is reused across tests, as in production). */
function inlineAnalysisForTests(): AnalysisRunner {
  return {
    analyse: async (request) => {
      const { createInlineRunner } = await import("../../workers/analyse/analysis-runner.js");
      inline ??= createInlineRunner();
      return inline.analyse(request);
    },
    close: async () => undefined,
  };
}

export function jobContext(overrides: Partial<JobContext> = {}): JobContext {
  return { jobId: "test-job", attempt: 1, maxAttempts: 5, log: pino({ level: "silent" }), ...overrides };
}

/** A fixed analysis result with a confident GPU classification, for label tests (no ranking needed). */
export function fixedAnalysis(result: Partial<TriageResult> = {}): AnalysisRunner {
  return {
    analyse: async (request) => ({
      tool: { name: "mltriage", version: "test" },
      repository: { source: request.source, commit: request.commit },
      issue: { title: request.issue.title, number: request.issue.number },
      filesIndexed: 5,
      filesSkipped: 0,
      localization: {
        localizer: "bm25",
        version: "1",
        ranked: [
          { path: "tiny_vision/model.py", score: 3, evidence: [{ kind: "traceback", detail: "forward", line: 12 }] },
          { path: "tiny_vision/heads.py", score: 2, evidence: [{ kind: "terms", detail: "head" }] },
        ],
        byLocalizer: {},
      },
      classification: {
        modelVersion: "test",
        reportKind: { label: "bug", confidence: 0.95, evidence: [] },
        bugType: { label: "GPU", confidence: 0.9, evidence: ["CUDA out of memory"], probabilities: { GPU: 0.9 } },
        extrinsic: { label: "intrinsic", confidence: 0.8, evidence: [], causes: [] },
        environment: { frameworks: {} },
        missingFacts: [],
      },
      localizability: { confidence: 0.9, verdict: "show", reasons: [] },
      timings: { index: 1 },
      ...result,
    }),
    close: async () => undefined,
  };
}
