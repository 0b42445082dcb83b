/**
 * Builds a held-out localization set, in localization-dev.jsonl's format, from the Denchmark bug reports of
 * repositories outside the dev set: the check that the shipped ranker's gains carry over to repositories it never
 * saw (`mltriage eval --held-out`). It follows the dev set's recipe (benchmark README): base commit = the fix's
 * first parent, ground truth = the `.py` files `git diff-tree -r -M` shows modified, deleted, renamed or
 * type-changed, the body rewritten from Denchmark's markup to markdown. On the dev set's own repositories the
 * rewrite gives the dev set's bodies exactly (138 of 138 reports of flair, tflearn, autokeras, addons and pyro).
 *
 *   tsx scripts/build-heldout-set.ts --denchmark <bare clone of RosePasta/Denchmark_BRs> \
 *     --git-root <bare clones> --repos pytorch/ignite,kornia/kornia --out heldout.jsonl
 *
 * The output holds GitHub users' issue texts: keep it out of the repository.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { findGitDir } from "../src/eval/git-root.js";

const DENCHMARK_COMMIT = "4f40b47c26cf619eedd92d09e9dd1706f2d0bd85";

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["--git-dir", dir, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

/** Denchmark's HTML-derived markup, rewritten as the dev set's bodies are. */
export function denchmarkToMarkdown(body: string): string {
  let b = body
    .split("\n")
    .map((l) => (l.startsWith(" ") ? l.slice(1) : l))
    .join("\n");
  b = b.replace(/<denchmark-code>([\s\S]*?)<\/denchmark-code>/g, (_, code: string) => {
    const c = code.replace(/^\n+|\n+$/g, "");
    const fence = c.includes("```") ? "````" : "```";
    return `\n${fence}\n${c}\n${fence}\n`;
  });
  b = b.replace(/<denchmark-link:([^>]*)>([\s\S]*?)<\/denchmark-link>/g, (_, url: string, text: string) =>
    !text.trim() || text.trim() === url ? url : `${text} (${url})`,
  );
  b = b.replace(/<denchmark-h:hr>(<\/denchmark-h>)?/g, "---");
  b = b.replace(/<denchmark-h:h(\d)>([\s\S]*?)<\/denchmark-h>/g, (_, n: string, text: string) => `\n${"#".repeat(Number(n))} ${text.trim()}\n`);
  b = b.replace(/<\/?denchmark-[^>]*>/g, "");
  b = b
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
  return b.trim();
}

interface DenchmarkReport {
  BR: { BR_id: string; BRopenT: string; BR_text: { BRsummary: string; BRdescription: string } };
  commit: { commit_id: string };
}

function bugsOf(denchmark: string, clone: string, repo: string): object[] {
  const folder = `JSonSet/simplejson/${repo.replace("/", "+").toLowerCase()}`;
  const names = git(denchmark, "ls-tree", "--name-only", `${DENCHMARK_COMMIT}:${folder}`).split("\n").filter(Boolean);
  const bugs: object[] = [];
  for (const name of names) {
    const report = JSON.parse(git(denchmark, "show", `${DENCHMARK_COMMIT}:${folder}/${name}`)) as DenchmarkReport;
    const fix = report.commit.commit_id;
    let base: string;
    try {
      base = git(clone, "rev-parse", `${fix}^1`).trim();
    } catch {
      process.stderr.write(`${repo}: fix ${fix} of #${report.BR.BR_id} is not in the clone; left out\n`);
      continue;
    }
    const gt: string[] = [];
    const added: string[] = [];
    for (const line of git(clone, "diff-tree", "-r", "-M", "--name-status", base, fix).split("\n").filter(Boolean)) {
      const [status, path] = line.split("\t") as [string, string];
      if (!path.endsWith(".py")) continue;
      if (status.startsWith("A")) added.push(path);
      else if (/^[MDRT]/.test(status)) gt.push(path);
    }
    if (gt.length === 0) continue; // as in the dev set: a fix that changes no existing .py file is left out
    gt.sort();
    added.sort();
    const pyFiles = git(clone, "ls-tree", "-r", base)
      .split("\n")
      .filter((l) => /^100(644|755) blob /.test(l) && l.endsWith(".py")).length;
    const number = Number(report.BR.BR_id);
    bugs.push({
      id: `${repo}#${number}`,
      repo,
      issue_number: number,
      issue_url: `https://github.com/${repo}/issues/${number}`,
      created_at: report.BR.BRopenT,
      title: report.BR.BR_text.BRsummary,
      body: denchmarkToMarkdown(report.BR.BR_text.BRdescription),
      base_commit: base,
      fix_commit: fix,
      gt_files: gt,
      added_files: added,
      n_py_files_at_base: pyFiles,
      bug_type: null,
      extrinsic: null,
    });
  }
  return bugs;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { denchmark: { type: "string" }, "git-root": { type: "string" }, repos: { type: "string" }, out: { type: "string" } } });
  if (!values.denchmark || !values["git-root"] || !values.repos || !values.out) {
    throw new Error("usage: build-heldout-set --denchmark <bare clone> --git-root <bare clones> --repos a/b,c/d --out <jsonl>");
  }
  const lines: string[] = [];
  for (const repo of values.repos.split(",").map((r) => r.trim()).filter(Boolean)) {
    const clone = await findGitDir(values["git-root"], repo);
    if (!clone) throw new Error(`no bare clone of ${repo} under ${values["git-root"]}`);
    const bugs = bugsOf(values.denchmark, clone, repo);
    const created = (bug: object) => (bug as { created_at: string }).created_at;
    bugs.sort((a, b) => created(a).localeCompare(created(b)));
    process.stderr.write(`${repo}: ${bugs.length} bugs\n`);
    lines.push(...bugs.map((b) => JSON.stringify(b)));
  }
  writeFileSync(values.out, lines.join("\n") + "\n");
  process.stderr.write(`wrote ${lines.length} bugs to ${values.out}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`build-heldout-set: ${(err as Error).message}\n`);
  process.exit(1);
});
