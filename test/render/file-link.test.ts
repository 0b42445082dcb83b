import { describe, it, expect } from "@jest/globals";
import { fileUrl, repoWebUrl } from "../../src/render/file-link.js";

const repo = { owner: "octo-org", name: "tiny-vision" };
const sha = "3f2a9c1d5e7b8a0c4d6e8f0a1b2c3d4e5f6a7b8c";

describe("fileUrl", () => {
  it("links the file at the commit with a line anchor", () => {
    expect(fileUrl(repo, sha, "src/model.py", 12)).toBe(`https://github.com/octo-org/tiny-vision/blob/${sha}/src/model.py#L12`);
    // A range as GitHub highlights it; an end before the start is no range.
    expect(fileUrl(repo, sha, "src/model.py", 12, 15)).toBe(`https://github.com/octo-org/tiny-vision/blob/${sha}/src/model.py#L12-L15`);
    expect(fileUrl(repo, sha, "src/model.py", 12, 10)).toBe(`https://github.com/octo-org/tiny-vision/blob/${sha}/src/model.py#L12`);
  });

  it("leaves out the anchor for a missing or invalid line", () => {
    for (const line of [undefined, 0, -3, 2.5, Number.NaN]) {
      expect(fileUrl(repo, sha, "a.py", line)).toBe(`https://github.com/octo-org/tiny-vision/blob/${sha}/a.py`);
    }
  });

  it("percent-encodes each path segment, parentheses and brackets included", () => {
    const url = fileUrl(repo, sha, "dir (1)/a|b [x]#?.py");
    expect(url).toBe(`https://github.com/octo-org/tiny-vision/blob/${sha}/dir%20%281%29/a%7Cb%20%5Bx%5D%23%3F.py`);
    expect(url).not.toMatch(/[\s()<>|`]/);
  });

  it("uses the repository's own web address (GitHub Enterprise) and HEAD without a commit", () => {
    const ghe = { ...repo, htmlUrl: "https://ghe.example.com/octo-org/tiny-vision/" };
    expect(fileUrl(ghe, null, "a.py")).toBe("https://ghe.example.com/octo-org/tiny-vision/blob/HEAD/a.py");
  });

  it("ignores an htmlUrl that is not a plain http(s) address", () => {
    expect(repoWebUrl({ ...repo, htmlUrl: "javascript:alert(1)" })).toBe("https://github.com/octo-org/tiny-vision");
    expect(repoWebUrl({ ...repo, htmlUrl: "https://x.example/a b" })).toBe("https://github.com/octo-org/tiny-vision");
  });
});
