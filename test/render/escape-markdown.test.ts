import { describe, it, expect } from "@jest/globals";
import MarkdownIt from "markdown-it";
import {
  codeSpan,
  escapeHtml,
  escapeMarkdown,
  escapeMarkdownKeepingCode,
  neutralizeReferences,
  truncateText,
  ZWJ,
} from "../../src/render/escape-markdown.js";

// html: true renders raw HTML as GitHub would pass it through, so a tag that survives escaping would show up.
const md = new MarkdownIt({ html: true, linkify: false });

/** The visible text of rendered inline markdown, without tags and entities. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

const NASTY = [
  "a|b.py",
  "x`y.py",
  "``double``",
  "@user.py",
  "<script>.py",
  "<img src=x onerror=alert(1)>",
  "*bold* and _em_ and ~~strike~~",
  "[link](http://evil.example)",
  "![img](x.png)",
  "# not a heading",
  "- not a list",
  "1. not a list",
  "> not a quote",
  "&amp; entity",
  "back\\slash\\",
  "$x^2$ math",
  "fixes #123 and owner/repo#45",
  "cc @octocat and @org/team",
];

describe("escapeMarkdown", () => {
  it.each(NASTY)("renders %j as exactly its own text, with no tag, link or emphasis", (text) => {
    const html = md.renderInline(escapeMarkdown(text));
    expect(html).not.toMatch(/<(a|img|script|em|strong|s|code)\b/);
    expect(visibleText(html).split(ZWJ).join("")).toBe(text);
  });

  it.each(["# heading", "- item", "+ item", "1. item", "2) item", "> quote", "---", "===", "#"])("stays a paragraph at the start of a line: %j", (text) => {
    // After a paragraph line, so a lone "===" or "---" would turn it into a heading.
    const html = md.render(`Paragraph\n${escapeMarkdown(text)}\n`);
    expect(html.startsWith("<p>")).toBe(true);
    expect(html.match(/<[a-z0-9]+>/g)).toEqual(["<p>"]);
  });

  it("keeps @-mentions and issue references from linking", () => {
    expect(escapeMarkdown("thanks @octocat, see #12")).toBe(`thanks @${ZWJ}octocat, see #${ZWJ}12`);
    expect(neutralizeReferences("GH-7 and a@b")).toBe(`GH-${ZWJ}7 and a@${ZWJ}b`);
    expect(neutralizeReferences("C# and @ alone")).toBe("C# and @ alone");
  });

  it("writes a link to an issue or pull request as its reference, so it adds no cross-reference either", () => {
    const subject = "fix https://github.com/PyTorchLightning/pytorch-lightning/issues/2635 (see https://github.com/o/r/pull/7#discussion_r1)";
    expect(escapeMarkdown(subject)).toBe(`fix PyTorchLightning/pytorch-lightning#${ZWJ}2635 (see o/r#${ZWJ}7)`);
    expect(escapeHtml(subject)).not.toContain("github.com");
    // Other links stay links.
    expect(escapeMarkdown("see https://github.com/o/r/blob/main/a.py")).toBe("see https://github.com/o/r/blob/main/a.py");
  });

  it("unlinks an issue link written without a scheme (GitHub links www. addresses), and only links to an issue number", () => {
    expect(escapeMarkdown("as in www.github.com/o/r/issues/12.")).toBe(`as in o/r#${ZWJ}12.`);
    expect(escapeMarkdown("https://github.com/o/r/issues/12abc")).toBe("https://github.com/o/r/issues/12abc");
  });

  it("leaves text that only looks like a block marker alone", () => {
    expect(escapeMarkdown("0.1.0")).toBe("0.1.0");
    expect(escapeMarkdown("-1 offset")).toBe("-1 offset");
  });

  it("folds text to one line", () => {
    expect(escapeMarkdown("line one\n\n- line two")).toBe("line one - line two");
  });
});

describe("escapeMarkdownKeepingCode", () => {
  it("keeps code spans as code and escapes the text around them", () => {
    expect(escapeMarkdownKeepingCode("matches `stack`, `pad_value` and *x*")).toBe("matches `stack`, `pad_value` and \\*x\\*");
    expect(md.renderInline(escapeMarkdownKeepingCode("see `a|b` <b>@me</b> `@you`"))).toBe(
      `see <code>a|b</code> &lt;b&gt;@${ZWJ}me&lt;/b&gt; <code>@you</code>`,
    );
  });

  it.each(["`unclosed", "``a`", "a ``` b", "- `x` item", "`` `code` ``"])("renders %j as its own text with code only", (text) => {
    const html = md.renderInline(escapeMarkdownKeepingCode(text));
    expect(html).not.toMatch(/<(?!\/?code>)[a-z]/);
    expect(md.render(escapeMarkdownKeepingCode(text)).startsWith("<p>")).toBe(true);
  });

  it("leaves a stray backtick literal", () => {
    expect(visibleText(md.renderInline(escapeMarkdownKeepingCode("it`s fine")))).toBe("it`s fine");
  });
});

describe("codeSpan", () => {
  it.each(["a|b.py", "x`y.py", "`start", "end`", "a``b`c", "@user.py", "<script>.py", "#123"])("holds %j literally", (text) => {
    const html = md.renderInline(codeSpan(text));
    expect(html).toMatch(/^<code>.*<\/code>$/);
    expect(visibleText(html)).toBe(text);
  });

  it("uses a fence longer than any backtick run inside", () => {
    expect(codeSpan("a``b")).toBe("```a``b```");
    expect(codeSpan("plain")).toBe("`plain`");
  });

  it("never produces an empty span", () => {
    expect(md.renderInline(codeSpan(""))).toBe("<code> </code>");
  });
});

describe("escapeHtml", () => {
  it("escapes tags and neutralises mentions", () => {
    expect(escapeHtml(`<b a="1">'@x'</b>`)).toBe(`&lt;b a=&quot;1&quot;&gt;&#39;@${ZWJ}x&#39;&lt;/b&gt;`);
  });
});

describe("truncateText", () => {
  it("shortens with an ellipsis and never splits a surrogate pair", () => {
    expect(truncateText("abcdef", 4)).toBe("abc…");
    expect(truncateText("abc", 4)).toBe("abc");
    expect(truncateText("😀😀😀😀😀", 3)).toBe("😀😀…");
  });
});
