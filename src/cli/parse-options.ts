import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * node:util parseArgs with its errors turned into UsageErrors a person can act on. A string option takes the next
 * argument whatever it starts with, as `git commit -m` does: an issue titled "--gpus flag with add_argparse_args bug"
 * is a title, which parseArgs alone refuses as "ambiguous" unless written `--title=--gpus ...`.
 */
export function parseOptions<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: joinDashedValues(argv, options), options, allowPositionals: false, strict: true }).values;
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ""));
  }
}

/** `--title -x` as `--title=-x` for string options; everything else as it was. */
function joinDashedValues(argv: string[], options: Options): string[] {
  const takesValue = new Set<string>();
  for (const [name, option] of Object.entries(options)) if (option.type === "string") takesValue.add(`--${name}`);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = argv[i + 1];
    if (takesValue.has(arg) && value !== undefined && value.startsWith("-")) {
      out.push(`${arg}=${value}`);
      i++;
    } else {
      out.push(arg);
    }
    if (arg === "--") {
      out.push(...argv.slice(i + 1));
      break;
    }
  }
  return out;
}

/** A positive integer option, or the default. */
export function positiveInt(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got "${value}"`);
  return n;
}
