/**
 * Reading `.github/mltriage.yml`. An invalid field never stops the bot: that field falls back to its default,
 * every other valid field is kept, and each problem is returned so the comment can say which field is wrong
 * and why. Nothing here throws.
 */
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { repoConfigSchema, type RepoConfig } from "./repo-config-schema.js";
import { shapeAtPath } from "./schema-introspection.js";

export { repoConfigSchema, type RepoConfig } from "./repo-config-schema.js";
export { renderConfigTable } from "./config-table.js";

/** The conventional location of the config file in a repository. */
export const REPO_CONFIG_PATH = ".github/mltriage.yml";

/** How an unknown field's problem ends: it has no default to fall back to, it is simply not read. */
export const IGNORED_FIELD = "; it is ignored";

/** One thing wrong with the config file: the dotted field path and what is wrong with it. */
export interface ConfigProblem {
  /** Dotted path such as `labels.prefix` or `scope.include[2]`; `(file)` for the whole file. */
  path: string;
  message: string;
}

/**
 * What happens to the field of a problem, appended to its message wherever it is shown (the CLI's stderr notes, the
 * comment's warning): an invalid value falls back to the default; an unknown field has no default and its message
 * already says it is ignored, so nothing is added.
 */
export function configProblemOutcome(problem: ConfigProblem): string {
  if (problem.path === "(file)") return " (all defaults are used)";
  return problem.message.endsWith(IGNORED_FIELD) ? "" : " (the default is used)";
}

/** The config every repository gets when it has no file. */
export function defaultRepoConfig(): RepoConfig {
  return repoConfigSchema.parse({});
}

/**
 * Validates a parsed config object (what Probot's `context.config` or a YAML parser returns).
 * `null`/`undefined` (no file, or an empty one) is the zero config. Probot's `_extends` key is ignored.
 */
export function parseRepoConfig(raw: unknown): { config: RepoConfig; problems: ConfigProblem[] } {
  if (raw === undefined || raw === null) return { config: defaultRepoConfig(), problems: [] };
  if (!isPlainObject(raw)) {
    return {
      config: defaultRepoConfig(),
      problems: [{ path: "(file)", message: `expected a mapping of fields, got ${describeValue(raw)}` }],
    };
  }
  const working = clonePlain(raw) as Record<string, unknown>;
  delete working["_extends"];

  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  // Each round removes the offending values so their defaults apply; a refinement on a parent object only
  // runs once its children are valid, so a second round can find more. Bounded, as every round removes data.
  for (let round = 0; round < 10; round++) {
    const result = repoConfigSchema.safeParse(working);
    if (result.success) return { config: result.data, problems };
    let removedSomething = false;
    for (const issue of result.error.issues) {
      // `enabled: no`, `dryRun: yes`, `opened: off`: YAML 1.1's booleans, which YAML 1.2 parsers (this one, Probot's)
      // read as strings. Read as the switch the maintainer meant: replaced by its default, `enabled: no` kept the bot on.
      if (coerceYamlBoolean(working, issue)) {
        removedSomething = true;
        continue;
      }
      for (const problem of describeIssue(issue, working)) {
        const key = `${problem.path}\u0000${problem.message}`;
        if (!seen.has(key)) {
          seen.add(key);
          problems.push(problem);
        }
      }
      removedSomething = removeOffendingValue(working, issue) || removedSomething;
    }
    if (!removedSomething) break;
  }
  return { config: defaultRepoConfig(), problems };
}

/** Parses the YAML text of a config file (for the CLI); a YAML syntax error is reported as a problem. */
export function loadRepoConfigFromYaml(text: string): { config: RepoConfig; problems: ConfigProblem[] } {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true, maxAliasCount: 100 });
  } catch (error) {
    // With prettyErrors the first line of the message already names the line and column.
    const message =
      error instanceof YAMLParseError
        ? `YAML syntax error: ${firstLine(error.message).replace(/:\s*$/, "")}` // the colon introduced a code frame
        : `could not read the file as YAML: ${firstLine(String(error))}`;
    return { config: defaultRepoConfig(), problems: [{ path: "(file)", message }] };
  }
  return parseRepoConfig(raw);
}

/** Formats a zod path as `labels.gpu.color` or `scope.include[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || "(file)";
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): ConfigProblem[] {
  const path = formatPath(issue.path);
  const value = valueAt(raw, issue.path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = Object.keys(shapeAtPath(repoConfigSchema, issue.path) ?? {});
      return issue.keys.map((key) => {
        const suggestion = closestKey(key, known);
        return {
          path: formatPath([...issue.path, key]),
          message: `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ""}${IGNORED_FIELD}`,
        };
      });
    }
    case "invalid_type": {
      if (!issue.message.startsWith("Invalid input")) return [{ path, message: issue.message }];
      const expected = issue.expected === "int" ? "an integer" : issue.expected === "object" ? "a mapping" : issue.expected;
      return [{ path, message: `expected ${expected}, got ${describeValue(value)}` }];
    }
    case "too_small": {
      const bound = Number(issue.minimum);
      if (issue.origin === "string") {
        return [{ path, message: bound <= 1 ? "must not be empty" : `must have at least ${bound} characters` }];
      }
      if (issue.origin === "array") return [{ path, message: `must have at least ${bound} items` }];
      return [{ path, message: `must be ${issue.inclusive ? "at least" : "more than"} ${bound}, got ${describeValue(value)}` }];
    }
    case "too_big": {
      const bound = Number(issue.maximum);
      if (issue.origin === "string") return [{ path, message: `must have at most ${bound} characters` }];
      if (issue.origin === "array") return [{ path, message: `must have at most ${bound} items` }];
      return [{ path, message: `must be ${issue.inclusive ? "at most" : "less than"} ${bound}, got ${describeValue(value)}` }];
    }
    case "invalid_value":
      return [{ path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${describeValue(value)}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

/** YAML 1.1's words for true and false. */
const YAML_11_BOOLEAN = new Map([
  ...["yes", "on", "y"].map((w) => [w, true] as const),
  ...["no", "off", "n"].map((w) => [w, false] as const),
]);

/** Replaces a YAML 1.1 boolean word where the schema expects a boolean; true when it did. */
function coerceYamlBoolean(root: Record<string, unknown>, issue: z.core.$ZodIssue): boolean {
  if (issue.code !== "invalid_type" || issue.expected !== "boolean" || issue.path.length === 0) return false;
  const parent = valueAt(root, issue.path.slice(0, -1));
  const key = issue.path[issue.path.length - 1]!;
  if (!isPlainObject(parent) || typeof key !== "string") return false;
  const value = parent[key];
  const meant = typeof value === "string" ? YAML_11_BOOLEAN.get(value.trim().toLowerCase()) : undefined;
  if (meant === undefined) return false;
  parent[key] = meant;
  return true;
}

/**
 * Deletes the value an issue is about, so that field takes its default on the next round. Values inside an
 * array take the whole array with them (a list with a hole would mean something else). Returns false when
 * nothing could be removed (the issue is about the whole file, or everything on its path is gone).
 */
function removeOffendingValue(root: Record<string, unknown>, issue: z.core.$ZodIssue): boolean {
  if (issue.code === "unrecognized_keys") {
    const parent = valueAt(root, issue.path);
    if (!isPlainObject(parent)) return false;
    for (const key of issue.keys) delete parent[key];
    return issue.keys.length > 0;
  }
  const path = [...issue.path];
  // Walk up to the last object key that is not inside an array.
  const firstIndex = path.findIndex((segment) => typeof segment === "number");
  const keyPath = firstIndex === -1 ? path : path.slice(0, firstIndex);
  // When the value is already gone (a rule across fields still fails with the defaults), drop its parent.
  for (let length = keyPath.length; length > 0; length--) {
    const parent = valueAt(root, keyPath.slice(0, length - 1));
    const last = String(keyPath[length - 1]);
    if (isPlainObject(parent) && last in parent) {
      delete parent[last];
      return true;
    }
  }
  return false;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment as string];
  }
  return current;
}

/** "number 30", "string \"abc\"", "array", "null": enough to see what was written. */
function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `string ${JSON.stringify(shown)}`;
  }
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Deep copy of plain data, so pruning never touches the caller's object. */
function clonePlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clonePlain);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = clonePlain(inner);
    return out;
  }
  return value;
}

function closestKey(key: string, known: string[]): string | undefined {
  const lower = key.toLowerCase().replace(/[-_\s]/g, "");
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
