import { describe, it, expect } from "@jest/globals";
import { COMMENT_MARKER, isBotComment, parseCommentMeta, renderMetaLine } from "../../src/render/comment-marker.js";
import { COMMANDS, renderHelpComment } from "../../src/render/commands.js";

describe("comment marker", () => {
  it("recognises the bot's comment by its hidden marker only", () => {
    expect(isBotComment(`hello\n${COMMENT_MARKER}`)).toBe(true);
    expect(isBotComment("mltriage says hello")).toBe(false);
  });

  it("writes a meta line that cannot close the HTML comment early, and reads it back", () => {
    const line = renderMetaLine({ version: "1.0 --> <b>", localizer: "bm25@1", commit: undefined });
    expect(line.match(/-->/g)).toHaveLength(1);
    expect(parseCommentMeta(line)).toEqual({ version: "1.0_-___b_", localizer: "bm25@1" });
    expect(parseCommentMeta("no meta")).toEqual({});
  });
});

describe("help", () => {
  it("lists every command with its exact spelling", () => {
    const help = renderHelpComment();
    for (const command of Object.values(COMMANDS)) expect(help).toContain(`\`${command.usage}\``);
    expect(COMMANDS.files.usage).toBe("/mltriage files +path/a.py -path/b.py");
  });
});
