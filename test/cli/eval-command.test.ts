import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { createGitRepo, makeTempDir, type GitRepo } from "../helpers/git-fixture.js";
import { captureIo, hasStackTrace } from "./cli-io.js";

/**
 * A tiny benchmark over three bare repositories, one per accepted layout of --git-root:
 *
 *   acme/vision  as acme+vision       c0: normalize.py, resize.py, crop.py   c1: + rotate.py
 *   deep/text    as deep+text/repo    vocab.py, embedding.py, split_words.py
 *   lab/audio    as lab/audio.git     spectrogram.py, resample.py
 *
 * Bugs (dataset line: id, base commit, ground truth -> BM25 rank of each ground-truth file):
 *   1 acme/vision#1 c0  normalize.py          -> 1      Normalize, grayscale, mean, std, channel are all in it
 *   2 acme/vision#2 c1  rotate.py, crop.py    -> 1, -   rotate/angle/degrees are in rotate.py; crop.py shares no word
 *   3 (not JSON)                               reported as line 3 and skipped
 *   4 acme/vision#3 c0  rotate.py             skipped: rotate.py does not exist yet at c0
 *   5 deep/text#1   c0  embedding.py          -> 2      vocab.py holds vocab, lookup, unknown, token, keyerror;
 *                                                       embedding.py only "token"
 *   6 lab/audio#1   1234567 (absent)          skipped: commit not found
 *   7 lab/audio#2   c0  spectrogram.py        -> 1
 *   8 ghost/none#1                            skipped: repository not found
 *
 * Per bug (top1 top5 top10 rr ap): a#1 1 1 1 1 1 | a#2 1 1 1 1 .5 (AP = (1/1)/2) | t#1 0 1 1 .5 .5 | s#2 1 1 1 1 1
 * all (n 4):  top1 3/4 = .750, top5 1, top10 1, MRR (1+1+.5+1)/4 = .875, MAP (1+.5+.5+1)/4 = .750
 * by repo:    acme/vision 1/1/1/1/.750; deep/text 0/1/1/.5/.5; lab/audio 1/1/1/1/1
 * macro:      top1 (1+0+1)/3 = .667, top5 1, top10 1, MRR (1+.5+1)/3 = .833, MAP (.75+.5+1)/3 = .750
 * bug types:  Tensor & Input (a#1, t#1) .5/1/1/.75/.75; Model (a#2) 1/1/1/1/.5; s#2 unlabelled
 * extrinsic:  false (a#1, s#2) 1/1/1/1/1; true (a#2) 1/1/1/1/.5; t#1 unlabelled
 */
const VISION_C0 = {
  "vision/normalize.py": `class Normalize:
    """Subtract the mean and divide by the std of each channel of an image."""

    def __init__(self, mean, std):
        self.mean = mean
        self.std = std

    def __call__(self, image):
        # Fails for grayscale input: one channel, three means.
        return [(image[c] - self.mean[c]) / self.std[c] for c in range(3)]
`,
  "vision/resize.py": `class Resize:
    def __init__(self, size, interpolation="bilinear"):
        self.size = size
        self.interpolation = interpolation
`,
  "vision/crop.py": `import random


class RandomCrop:
    """Crop a random patch of the given size, after optional padding."""

    def __init__(self, size, padding=0):
        self.size = size
        self.padding = padding
`,
  "README.md": "normalize rotate angle degrees: words outside the .py search space\n",
  "configs/rotate.yaml": "angle: 90\n",
};
const VISION_C1 = {
  "vision/rotate.py": `class Rotate:
    """Rotate by an angle in degrees, counter-clockwise."""

    def __init__(self, angle):
        self.angle = angle

    def __call__(self, pixels):
        # A negative angle should turn clockwise.
        return rotate_pixels(pixels, abs(self.angle))
`,
};
const TEXT = {
  "text/vocab.py": `class Vocab:
    def __init__(self, tokens):
        self.index = {t: i for i, t in enumerate(tokens)}

    def lookup(self, token):
        # An unknown token raises KeyError instead of mapping to <unk>.
        return self.index[token]
`,
  "text/embedding.py": `class Embedding:
    """Maps token ids to dense vectors."""

    def __init__(self, size, dim):
        self.size = size
        self.dim = dim
`,
  "text/split_words.py": "def split_words(text):\n    return text.lower().split()\n",
};
const AUDIO = {
  "audio/spectrogram.py": `class Spectrogram:
    def __init__(self, window=400, hop_length=160):
        self.window = window
        self.hop = window // 2  # hop_length is ignored
`,
  "audio/resample.py": "def resample(wave, rate):\n    return wave[:: max(1, rate)]\n",
};

const repos: GitRepo[] = [];
const temp = makeTempDir();
const gitRoot = join(temp.dir, "clones");
const datasetPath = join(temp.dir, "bugs.jsonl");
/** A bug of a repository the shipped ranker was trained on (no clone needed: --held-out refuses it first). */
const trainedOnPath = join(temp.dir, "trained-on.jsonl");
/** The same repository under its former name. */
const renamedPath = join(temp.dir, "renamed.jsonl");

beforeAll(() => {
  const vision = createGitRepo(VISION_C0, { commits: [{ files: VISION_C1, message: "Add Rotate" }] });
  const text = createGitRepo(TEXT);
  const audio = createGitRepo(AUDIO);
  repos.push(vision, text, audio);
  vision.cloneBare(join(gitRoot, "acme+vision"));
  text.cloneBare(join(gitRoot, "deep+text", "repo"));
  audio.cloneBare(join(gitRoot, "lab", "audio.git"));
  const bug = (id: string, repo: string, base: string, gt: string[], title: string, body: string, labels: { bug_type?: string | null; extrinsic?: boolean | null } = {}) =>
    JSON.stringify({ id, repo, issue_number: Number(id.split("#")[1]), title, body, base_commit: base, gt_files: gt, bug_type: null, extrinsic: null, ...labels });
  const [v0, v1] = vision.commits;
  const lines = [
    bug("acme/vision#1", "acme/vision", v0!, ["vision/normalize.py"], "Normalize fails on grayscale images", "The mean and std have one value per channel.", { bug_type: "Tensor & Input", extrinsic: false }),
    bug("acme/vision#2", "acme/vision", v1!, ["vision/rotate.py", "vision/crop.py"], "Rotate with a negative angle", "Rotate(-90) turns by +90 degrees.", { bug_type: "Model", extrinsic: true }),
    '{"id": "broken#1", "repo": "acme/vision", ',
    bug("acme/vision#3", "acme/vision", v0!, ["vision/rotate.py"], "Rotate angle", "degrees"),
    bug("deep/text#1", "deep/text", text.commits[0]!, ["text/embedding.py"], "Vocab lookup of an unknown token raises KeyError", "Looking up a token that is not in the vocabulary crashes.", { bug_type: "Tensor & Input" }),
    bug("lab/audio#1", "lab/audio", "1234567", ["audio/spectrogram.py"], "Spectrogram hop", ""),
    bug("lab/audio#2", "lab/audio", audio.commits[0]!, ["audio/spectrogram.py"], "Spectrogram ignores hop_length", "The window hop is always half the window.", { extrinsic: false }),
    bug("ghost/none#1", "ghost/none", "abcdef0", ["a.py"], "Anything", ""),
  ];
  writeFileSync(datasetPath, lines.join("\n") + "\n");
  writeFileSync(trainedOnPath, bug("tensorflow/addons#1", "tensorflow/addons", "abcdef0", ["a.py"], "Anything", "") + "\n");
  writeFileSync(renamedPath, bug("apache/incubator-mxnet#1", "apache/incubator-mxnet", "abcdef0", ["a.py"], "Anything", "") + "\n");
});
afterAll(() => {
  for (const r of repos) r.cleanup();
  temp.cleanup();
});

/** The cell of a report row: label, n, then Top@1/Top@5/Top@10/MRR/MAP of the only localizer. */
function row(report: string, label: string): { n: string; cell: string } | undefined {
  for (const line of report.split("\n")) {
    if (!line.startsWith(label)) continue;
    const rest = line.slice(label.length).trim().split(/\s{2,}/);
    if (line.slice(label.length).match(/^\s{2,}/)) return { n: rest[0]!, cell: rest[1]! };
  }
  return undefined;
}

describe("mltriage eval", () => {
  let io: ReturnType<typeof captureIo>;
  let code: number;
  const jsonPath = join(temp.dir, "out.json");

  beforeAll(async () => {
    io = captureIo();
    code = await main(["eval", "--dataset", datasetPath, "--git-root", gitRoot, "--localizers", "bm25", "--json", jsonPath], io);
  });

  it("exits 0 and reports the malformed line and each skipped bug with its reason on stderr", () => {
    expect(code).toBe(0);
    expect(io.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${datasetPath.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:3: skipped: invalid JSON`)),
        "skipped acme/vision#3: no ground-truth file in the search space",
        "skipped lab/audio#1: commit 1234567 not found in lab/audio",
        `skipped ghost/none#1: repository ghost/none not found under ${gitRoot}`,
      ]),
    );
    expect(hasStackTrace(io.stderrText)).toBe(false);
  });

  it("prints the hand-computed metrics: overall, macro and per repository", () => {
    const report = io.stdoutText;
    expect(report).toContain("bugs evaluated: 4, skipped: 3");
    expect(report).toContain("cells: Top@1/Top@5/Top@10/MRR/MAP");
    expect(row(report, "all")).toEqual({ n: "4", cell: ".750/1.000/1.000/.875/.750" });
    expect(row(report, "macro (per repo)")).toEqual({ n: "3 repos", cell: ".667/1.000/1.000/.833/.750" });
    expect(row(report, "  acme/vision")).toEqual({ n: "2", cell: "1.000/1.000/1.000/1.000/.750" });
    expect(row(report, "  deep/text")).toEqual({ n: "1", cell: ".000/1.000/1.000/.500/.500" });
    expect(row(report, "  lab/audio")).toEqual({ n: "1", cell: "1.000/1.000/1.000/1.000/1.000" });
  });

  it("prints the metrics per bug type and per extrinsic label, for labelled bugs only", () => {
    const report = io.stdoutText;
    expect(row(report, "type: Tensor & Input")).toEqual({ n: "2", cell: ".500/1.000/1.000/.750/.750" });
    expect(row(report, "type: Model")).toEqual({ n: "1", cell: "1.000/1.000/1.000/1.000/.500" });
    expect(row(report, "extrinsic")).toEqual({ n: "1", cell: "1.000/1.000/1.000/1.000/.500" });
    expect(row(report, "intrinsic")).toEqual({ n: "2", cell: "1.000/1.000/1.000/1.000/1.000" });
    expect(report).toMatch(/^elapsed: \d+\.\d s \(bugs \d+\.\d s, cross-validation \d+\.\d s\), files indexed: 15 \(\d+ files\/s\)$/m);
    // .py files indexed: a#1 3, a#2 4, a#3 3 (indexed before its missing ground truth shows), t#1 3, s#2 2.
  });

  it("writes the same figures as JSON in the documented shape", () => {
    const json = JSON.parse(readFileSync(jsonPath, "utf8"));
    expect(json.dataset).toBe(datasetPath);
    expect(json.bugs).toBe(4);
    expect(typeof json.elapsedMs).toBe("number");
    const m = json.localizers.bm25;
    const close = (x: Record<string, number>, want: Record<string, number>) => {
      expect(Object.keys(x).sort()).toEqual(["map", "mrr", "n", "top1", "top10", "top5"]);
      for (const [k, v] of Object.entries(want)) expect([k, x[k]]).toEqual([k, expect.closeTo(v, 9)]);
    };
    close(m.all, { n: 4, top1: 0.75, top5: 1, top10: 1, mrr: 0.875, map: 0.75 });
    close(m.macro, { n: 4, top1: 2 / 3, top5: 1, top10: 1, mrr: 2.5 / 3, map: 2.25 / 3 });
    expect(Object.keys(m.byRepo).sort()).toEqual(["acme/vision", "deep/text", "lab/audio"]);
    close(m.byRepo["deep/text"], { n: 1, top1: 0, top5: 1, top10: 1, mrr: 0.5, map: 0.5 });
    expect(Object.keys(m.byBugType).sort()).toEqual(["Model", "Tensor & Input"]);
    close(m.byBugType["Tensor & Input"], { n: 2, top1: 0.5, mrr: 0.75, map: 0.75 });
    expect(Object.keys(m.byExtrinsic).sort()).toEqual(["false", "true"]);
    close(m.byExtrinsic.true, { n: 1, top1: 1, mrr: 1, map: 0.5 });
    close(m.byExtrinsic.false, { n: 2, top1: 1, mrr: 1, map: 1 });
    // Per-bug ranks of the ground-truth files that exist at the base commit.
    expect(m.bugs).toEqual({ "acme/vision#1": [1], "acme/vision#2": [1, null], "deep/text#1": [2], "lab/audio#2": [1] });
  });
});

describe("mltriage eval options", () => {
  it("keeps one repository with --repo, and the first N bugs with --limit", async () => {
    const one = captureIo();
    expect(await main(["eval", "--dataset", datasetPath, "--git-root", gitRoot, "--localizers", "bm25", "--repo", "deep/text"], one)).toBe(0);
    expect(row(one.stdoutText, "all")).toEqual({ n: "1", cell: ".000/1.000/1.000/.500/.500" });
    const first = captureIo();
    expect(await main(["eval", "--dataset", datasetPath, "--git-root", gitRoot, "--localizers", "bm25", "--limit", "1"], first)).toBe(0);
    expect(first.stdoutText).toContain("bugs evaluated: 1, skipped: 0");
    expect(row(first.stdoutText, "all")).toEqual({ n: "1", cell: "1.000/1.000/1.000/1.000/1.000" });
  });

  it("shows progress only on a terminal", async () => {
    const tty = captureIo(true);
    await main(["eval", "--dataset", datasetPath, "--git-root", gitRoot, "--localizers", "bm25", "--repo", "lab/audio"], tty);
    expect(tty.progressLines).toEqual(["[1/2] lab/audio#1", "[2/2] lab/audio#2", ""]);
    const pipe = captureIo(false);
    await main(["eval", "--dataset", datasetPath, "--git-root", gitRoot, "--localizers", "bm25", "--repo", "lab/audio"], pipe);
    expect(pipe.progressLines.filter(Boolean)).toEqual([]);
  });

  it("exits 1 with one line when the --json file cannot be written after the run", async () => {
    const io = captureIo();
    const target = join(temp.dir, "out-dir-taken");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(target, { recursive: true }); // a folder where the file should go: writing fails with EISDIR
    expect(await main(["eval", "--dataset", datasetPath, "--git-root", gitRoot, "--localizers", "bm25", "--repo", "deep/text", "--json", target], io)).toBe(1);
    expect(io.err[io.err.length - 1]).toBe(`mltriage eval: cannot write --json ${target}: EISDIR`);
    expect(row(io.stdoutText, "all")).toEqual({ n: "1", cell: ".000/1.000/1.000/.500/.500" }); // the table is still printed
  });

  it("with --held-out scores learned by the shipped ranker, even on one repository, and says so", async () => {
    const cv = captureIo();
    expect(await main(["eval", "--dataset", datasetPath, "--git-root", gitRoot, "--localizers", "learned", "--repo", "lab/audio"], cv)).toBe(0);
    expect(cv.err).toContainEqual(expect.stringMatching(/^note: learned: not scored; repository-grouped cross-validation/));
    const heldOut = captureIo();
    expect(await main(["eval", "--dataset", datasetPath, "--git-root", gitRoot, "--localizers", "learned", "--repo", "lab/audio", "--held-out"], heldOut)).toBe(0);
    expect(heldOut.err).toContainEqual(expect.stringMatching(/^note: learned: scored by the shipped ranker \(trained on \d+ bugs of \d+ repositories, \d{4}-\d\d-\d\d\), held out/));
    expect(row(heldOut.stdoutText, "all")).toEqual({ n: "1", cell: "1.000/1.000/1.000/1.000/1.000" });
  });

  it("exits 1 when every bug was skipped", async () => {
    const io = captureIo();
    expect(await main(["eval", "--dataset", datasetPath, "--git-root", gitRoot, "--localizers", "bm25", "--repo", "ghost/none"], io)).toBe(1);
    expect(io.stdoutText).toContain("bugs evaluated: 0, skipped: 1");
  });

  const bad: { name: string; args: () => string[]; message: RegExp }[] = [
    { name: "no --dataset", args: () => ["--git-root", gitRoot], message: /--dataset is required/ },
    { name: "no --git-root", args: () => ["--dataset", datasetPath], message: /--git-root is required/ },
    { name: "a --git-root that is not a folder", args: () => ["--dataset", datasetPath, "--git-root", join(temp.dir, "nowhere")], message: /--git-root .*nowhere is not a folder/ },
    { name: "an unreadable dataset", args: () => ["--dataset", join(temp.dir, "absent.jsonl"), "--git-root", gitRoot], message: /cannot read dataset .*absent\.jsonl: ENOENT/ },
    { name: "an unknown localizer", args: () => ["--dataset", datasetPath, "--git-root", gitRoot, "--localizers", "nope"], message: /unknown localizer "nope"/ },
    { name: "a bad --limit", args: () => ["--dataset", datasetPath, "--git-root", gitRoot, "--limit", "0"], message: /--limit must be a positive integer/ },
    { name: "a --repo with no bug", args: () => ["--dataset", datasetPath, "--git-root", gitRoot, "--localizers", "bm25", "--repo", "no/such"], message: /no bug of no\/such in/ },
    { name: "a --json file in a folder that does not exist", args: () => ["--dataset", datasetPath, "--git-root", gitRoot, "--localizers", "bm25", "--json", join(temp.dir, "no-dir", "out.json")], message: /--json .*out\.json: folder .*no-dir does not exist/ },
    { name: "--held-out on a repository the shipped ranker was trained on", args: () => ["--dataset", trainedOnPath, "--git-root", gitRoot, "--held-out"], message: /--held-out: the shipped ranker was trained on tensorflow\/addons; leave --held-out out/ },
    { name: "--held-out on a repository the shipped ranker was trained on under another name", args: () => ["--dataset", renamedPath, "--git-root", gitRoot, "--held-out"], message: /--held-out: the shipped ranker was trained on apache\/incubator-mxnet/ },
    { name: "an unknown option", args: () => ["--dataset", datasetPath, "--git-root", gitRoot, "--fast"], message: /--fast/ },
  ];
  for (const c of bad) {
    it(`exits 2 with a one-line reason for ${c.name}`, async () => {
      const io = captureIo();
      expect(await main(["eval", ...c.args()], io)).toBe(2);
      // Dataset problems may come first; the reason is the one line the command itself prints.
      const reasons = io.err.map((e) => e.split("\n")[0]!).filter((l) => l.startsWith("mltriage eval: "));
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toMatch(c.message);
      expect(hasStackTrace(io.stderrText)).toBe(false);
    });
  }
});
