import { GitError } from "../repo/git.js";
import { MLTRIAGE_VERSION } from "../version.js";
import { EVAL_USAGE, evalCommand } from "./eval-command.js";
import { processIo, type CliIo } from "./io.js";
import { TRIAGE_USAGE, triageCommand } from "./triage-command.js";
import { UsageError } from "./usage-error.js";

const USAGE = `mltriage ${MLTRIAGE_VERSION}: triage issues of machine-learning repositories

usage:
  ${TRIAGE_USAGE}
  ${EVAL_USAGE}
  mltriage eval-classify --dataset <jsonl> [--json out.json] [--cv loo-project|none]
  mltriage --version | --help`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

/** `mltriage <command> --help` prints the command's own line; eval-classify answers --help itself. */
const COMMAND_USAGE: Record<string, string> = { triage: TRIAGE_USAGE, eval: EVAL_USAGE };

const COMMANDS: Record<string, Command> = {
  triage: triageCommand,
  eval: evalCommand,
  "eval-classify": async (argv) => (await import("./eval-classify.js")).evalClassifyCommand(argv),
};

/** Runs one CLI invocation and returns its exit code; expected failures print one line, not a stack trace. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  if (name === "--version") {
    io.stdout(MLTRIAGE_VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`mltriage: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const usage = COMMAND_USAGE[name];
  if (usage && rest.some((a) => a === "--help" || a === "-h")) {
    io.stdout(`usage: ${usage}`);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`mltriage ${name}: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof GitError) {
      io.stderr(`mltriage ${name}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
