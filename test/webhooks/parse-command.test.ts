import { describe, expect, it } from "@jest/globals";
import { parseCommand } from "../../src/webhooks/parse-command.js";
import { COMMANDS } from "../../src/render/commands.js";

describe("parseCommand", () => {
  it("understands every command the comment and the help text print", () => {
    expect(parseCommand(COMMANDS.rerun.usage)).toEqual({ kind: "rerun" });
    expect(parseCommand(COMMANDS.help.usage)).toEqual({ kind: "help" });
    expect(parseCommand(COMMANDS.files.usage)).toEqual({ kind: "files", add: ["path/a.py"], remove: ["path/b.py"] });
  });

  it("finds the command on any line and ignores case", () => {
    expect(parseCommand("Thanks for the pointer!\n\n/MLTriage Rerun\n")).toEqual({ kind: "rerun" });
  });

  it("ignores quoted lines, code blocks and mentions in prose", () => {
    expect(parseCommand("> /mltriage rerun")).toBeNull();
    expect(parseCommand("```\n/mltriage rerun\n```")).toBeNull();
    expect(parseCommand("you can type /mltriage rerun to try again")).toBeNull();
  });

  it("normalises paths and refuses ones that climb out of the repository", () => {
    expect(parseCommand("/mltriage files +./src/a.py -`src/b.py` +src\\c.py")).toEqual({ kind: "files", add: ["src/a.py", "src/c.py"], remove: ["src/b.py"] });
    expect(parseCommand("/mltriage files +../etc/passwd")).toMatchObject({ kind: "invalid" });
  });

  it("explains what is wrong with an unsigned or empty file list, and an unknown verb", () => {
    expect(parseCommand("/mltriage files src/a.py")).toMatchObject({ kind: "invalid", reason: expect.stringContaining("+path/to/file.py") });
    expect(parseCommand("/mltriage files")).toMatchObject({ kind: "invalid" });
    expect(parseCommand("/mltriage deploy")).toMatchObject({ kind: "invalid", reason: 'unknown command "deploy"' });
  });
});
