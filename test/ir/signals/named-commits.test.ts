import { describe, expect, it } from "@jest/globals";
import { namedCommitFiles, namedNumberIn, referencedNumbers } from "../../../src/ir/signals/named-commits.js";
import { indexFiles, sourceFile as file } from "../../helpers/source-file.js";

const commit = (sha: string, files: string[]) => ({ sha, date: "2020-01-01T00:00:00Z", message: "change", files });

describe("namedCommitFiles", () => {
  it("credits the files of a commit the issue names by a short or a full hash", async () => {
    const index = await indexFiles([file("opt/lookahead.py", "x = 1\n"), file("opt/lookahead_test.py", "x = 1\n"), file("opt/adam.py", "x = 1\n")]);
    const commits = [commit("bd5bbfc0123456789abcdef0123456789abcdef0", ["opt/lookahead.py", "opt/lookahead_test.py"]), commit("a".repeat(40), ["opt/adam.py"])];
    const named = namedCommitFiles(index, "Lookahead fails with mixed precision since bd5bbfc.", commits);
    expect([...named.files.entries()].map(([d, sha]) => [index.paths[d], sha])).toEqual([
      ["opt/lookahead.py", "bd5bbfc"],
      ["opt/lookahead_test.py", "bd5bbfc"],
    ]);
  });

  it("takes no hash of a permalink, a code embed or a link, no word or plain number, and no sweeping commit", async () => {
    const index = await indexFiles([file("opt/lookahead.py", "x = 1\n")]);
    const sha = "776b751c0ffee0123456789abcdef0123456789a";
    // Commits that the word and the number would name, were they read as hashes: otherwise nothing could match them.
    const commits = [commit(sha, ["opt/lookahead.py"]), commit("deadbeef".padEnd(40, "0"), ["opt/lookahead.py"]), commit("12345678".padEnd(40, "0"), ["opt/lookahead.py"])];
    const embed = "addons/opt/lookahead.py\n\n         Line 132\n      in\n      776b751\n\n y = clip(y)";
    const link = `see https://github.com/o/r/blob/${sha}/opt/lookahead.py#L3 and https://example.com/776b751`;
    // A pip freeze's editable install names the commit installed, not a change blamed.
    const freeze = `-e git+git@github.com:o/r.git@${sha}#egg=r\nrequests==2.22.0`;
    // Nor does a version report's hash: the commit the reporter runs ("commit hash:", "git hash:", git describe's "+g").
    const versions = ["MXNet commit hash:\n776b751", "Commit Hash   : 776b751c0ffee0123456789abcdef0123456789a", "MONAI version: 0.1.0, git hash: 776b751", "MONAI version: 0.2.0+39.g776b751", "MONAI version 0.1.0 Commit 776b751 (06/11/2020)"];
    for (const text of [embed, link, freeze, ...versions, "deadbeef is a word, 12345678 a number"]) expect(namedCommitFiles(index, text, commits).files.size).toBe(0);
    const sweeping = [commit(sha, ["opt/lookahead.py", ...Array.from({ length: 30 }, (_, i) => `f${i}.py`)])];
    expect(namedCommitFiles(index, "broken by 776b751", sweeping).files.size).toBe(0);
    expect(namedCommitFiles(index, "broken by 776b751", commits).files.size).toBe(1);
    // A commit after a version's words, not right after the version, is blamed.
    expect(namedCommitFiles(index, "Since the 1.4 version, commit 776b751 broke it", commits).files.size).toBe(1);
    // A long run of spaces after a key is matched one way (it tried every split of the run: cubic).
    expect(namedCommitFiles(index, `commit hash${" ".repeat(20000)}x`, commits).files.size).toBe(0);
  });
});

describe("referencedNumbers and namedNumberIn", () => {
  it("reads the pull requests and issues a report names by number, and finds them in a commit's subject", () => {
    const numbers = referencedNumbers("Broken since #17734 (see PR 17800 and https://github.com/o/r/pull/17801); not &#39; or C#");
    expect([...numbers].sort()).toEqual(["17734", "17800", "17801"]);
    expect(namedNumberIn("Speed up einsum (#17734)\n\nFixes #1", numbers)).toBe("17734");
    expect(namedNumberIn("Speed up einsum (#12)\n\nsee #17734 in the body", numbers)).toBeUndefined();
  });
});
