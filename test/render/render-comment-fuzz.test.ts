/**
 * Random file names and evidence made of markdown's special characters (seeded, so every run is the same):
 * whatever they hold, the comment keeps its structure, links only where the bot put links, and mentions no one.
 */
import { describe, it, expect } from "@jest/globals";
import MarkdownIt from "markdown-it";
import { isBotComment, MAX_COMMENT_LENGTH, parseLabelCheckboxes, renderComment } from "../../src/render/render-comment.js";
import { planLabels } from "../../src/labels/plan-labels.js";
import { defaultRepoConfig } from "../../src/config/repo-config.js";
import type { RankedFile } from "../../src/types.js";
import { gpuExtrinsicResult } from "./fixtures/triage-results.js";

const md = new MarkdownIt({ html: true, linkify: false });
const ALPHABET = "ab7 `|*_[]()<>#@!~&$\\-+=:.\n\t/\"'{}^%";

/** Mulberry32: a tiny deterministic PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nasty(next: () => number, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return out;
}

describe("renderComment with random markdown-hostile input", () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))("keeps its structure (seed %i)", (seed) => {
    const next = random(seed);
    const files: RankedFile[] = Array.from({ length: 5 }, (_, i) => ({
      path: `${nasty(next, 12)}${i}.py`,
      score: 1 - i / 10,
      evidence: [
        { kind: "traceback", detail: nasty(next, 40), line: 1 + Math.floor(next() * 500) },
        { kind: "terms", detail: nasty(next, 40) },
      ],
    }));
    const base = gpuExtrinsicResult();
    const result = {
      ...base,
      localization: { ...base.localization, ranked: files, byLocalizer: { fusion: { localizer: "fusion", version: "1", ranked: files } } },
      classification: { ...base.classification!, missingFacts: [nasty(next, 20)], bugType: { ...base.classification!.bugType, evidence: [nasty(next, 30)] } },
      localizability: { confidence: 0.9, verdict: "show" as const, reasons: [] },
    };
    const config = defaultRepoConfig();
    const suggested = planLabels(result, config);
    const body = renderComment({
      result,
      config,
      repo: { owner: "o", name: "r" },
      suggestedLabels: suggested,
      configProblems: [{ path: nasty(next, 10), message: nasty(next, 30) }],
    });

    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(isBotComment(body)).toBe(true);
    expect(parseLabelCheckboxes(body).map((box) => box.label)).toEqual(suggested.map((label) => label.name));

    const html = md.render(body);
    // The only tags are the ones the bot writes; in particular no HTML or image from the input.
    const tags = new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]));
    for (const tag of tags) expect(["p", "a", "code", "ol", "ul", "li", "strong", "details", "summary", "sub", "hr", "br", "blockquote"]).toContain(tag);
    // Every link is one the bot made: a file or the commit of this repository.
    for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\/github\.com\/o\/r\/(blob|commit)\//);
    // Exactly one link per ranked file in the ranked list, in order.
    const list = html.slice(html.indexOf("<ol>"), html.indexOf("</ol>"));
    expect(list.match(/<li>/g)).toHaveLength(files.length);
    expect([...list.matchAll(/\/blob\/[^/]+\/([^"#]+)/g)].map((m) => decodeURIComponent(m[1]!))).toEqual(files.map((f) => f.path));
    // No mention or issue reference outside code.
    const prose = html
      .replace(/<code>.*?<\/code>/gs, " CODE ")
      .replace(/<a href="[^"]*"/g, "<a")
      .replace(/<!--[\s\S]*?-->/g, "");
    expect(prose.match(/.{0,30}@[A-Za-z0-9].{0,10}/g) ?? []).toEqual([]);
    expect(prose).not.toMatch(/#\d/);
  });
});
