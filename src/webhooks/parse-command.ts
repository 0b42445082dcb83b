/**
 * Commands addressed to the bot in an issue comment. Only a line that starts with `/mltriage` counts; quoted
 * lines (`> /mltriage rerun`, a reply quoting someone) and fenced code are ignored, so quoting never re-triggers.
 */
export type BotCommand =
  | { kind: "rerun" }
  | { kind: "help" }
  | { kind: "files"; add: string[]; remove: string[] }
  /** Addressed to the bot but not understood: answered with the help text. */
  | { kind: "invalid"; reason: string };

const MAX_FILES = 100;

export function parseCommand(body: string): BotCommand | null {
  let inFence = false;
  for (const rawLine of body.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line.startsWith("```") || line.startsWith("~~~")) {
      inFence = !inFence;
      continue;
    }
    if (inFence || !/^\/mltriage(\s|$)/i.test(line)) continue;
    const [, verb = "", ...args] = line.split(/\s+/);
    switch (verb.toLowerCase()) {
      case "rerun":
        return { kind: "rerun" };
      case "help":
      case "":
        return { kind: "help" };
      case "files":
        return parseFiles(args);
      default:
        return { kind: "invalid", reason: `unknown command "${verb.slice(0, 40)}"` };
    }
  }
  return null;
}

function parseFiles(args: string[]): BotCommand {
  const add: string[] = [];
  const remove: string[] = [];
  for (const arg of args) {
    const sign = arg[0];
    const path = normalisePath(arg.slice(1));
    if ((sign !== "+" && sign !== "-") || !path) {
      return { kind: "invalid", reason: `"${arg.slice(0, 80)}" should be +path/to/file.py or -path/to/file.py` };
    }
    (sign === "+" ? add : remove).push(path);
  }
  if (add.length + remove.length === 0) return { kind: "invalid", reason: "name at least one file, e.g. +src/model.py" };
  if (add.length + remove.length > MAX_FILES) return { kind: "invalid", reason: `at most ${MAX_FILES} files at a time` };
  return { kind: "files", add: unique(add), remove: unique(remove) };
}

/** Repository-relative, forward slashes, no leading `./` or `/`, no `..` escapes, markdown backticks stripped. */
function normalisePath(raw: string): string | null {
  const path = raw.replace(/^`|`$/g, "").replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/^\/+/, "");
  if (!path || path.length > 1000 || path.split("/").includes("..")) return null;
  return path;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
