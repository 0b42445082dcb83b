/**
 * The process environment of the app, parsed once by one schema. This is the only module under src/ that reads
 * `process.env`; everything else receives the parsed `AppEnv` object.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

const positiveInt = (fallback: number) =>
  z.coerce.number().int("must be a whole number").positive("must be greater than 0").default(fallback);

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""], { message: 'must be "true" or "false"' })
  .default("false")
  .transform((value) => value === "true" || value === "1");

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

export const envSchema = z
  .object({
    APP_ID: z.coerce.number({ message: "must be the numeric App ID shown on the app's settings page" }).int().positive(),
    PRIVATE_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
    PRIVATE_KEY_PATH: z.preprocess(emptyAsUndefined, z.string().optional()),
    WEBHOOK_SECRET: z.string({ message: "is required (the secret set on the app's settings page)" }).min(1, "may not be empty"),
    WEBHOOK_PATH: z.string().startsWith("/", "must start with /").default("/api/github/webhooks"),
    HOST: z.string().min(1).default("localhost"),
    PORT: positiveInt(3000),
    /** Port of the worker's small health/metrics server (0 turns it off). */
    MLTRIAGE_WORKER_PORT: z.coerce.number().int().min(0).default(3001),
    /**
     * The queue's Redis. Deliberately not Probot's REDIS_URL: Probot would move its rate-limit bookkeeping into
     * whatever REDIS_URL names, and the queue needs `noeviction` while that bookkeeping does not.
     */
    MLTRIAGE_REDIS_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
        .optional(),
    ),
    MLTRIAGE_QUEUE_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, "may hold only letters, digits, - and _")
      .default("mltriage"),
    MLTRIAGE_CACHE_DIR: z.string().min(1).default(".cache/mltriage"),
    MLTRIAGE_CONCURRENCY: positiveInt(2),
    MLTRIAGE_GIT_TIMEOUT_MS: positiveInt(300_000),
    MLTRIAGE_MAX_REFERENCED_ISSUES: positiveInt(200),
    /** Repositories larger than this (as GitHub reports their size) are not cloned. */
    MLTRIAGE_MAX_REPO_SIZE_MB: positiveInt(2_048),
    /** Log what would be written to GitHub instead of writing it, for every repository. */
    MLTRIAGE_DRY_RUN: booleanFlag,
    LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
    GHE_HOST: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9.-]+(:\d+)?$/, "must be a host name such as github.example.com (no scheme, no path)")
        .optional(),
    ),
    GHE_PROTOCOL: z.enum(["https", "http"]).default("https"),
  });

/** Checked apart from the schema so it is reported together with every other bad field. */
function missingKeyProblem(env: Record<string, string | undefined>): EnvProblem[] {
  if (env["PRIVATE_KEY"] || env["PRIVATE_KEY_PATH"]) return [];
  return [{ field: "PRIVATE_KEY", message: "set PRIVATE_KEY (the .pem text, or base64 of it) or PRIVATE_KEY_PATH (a path to the .pem file)" }];
}

/** The parsed, typed environment the web and worker processes run with. */
export interface AppEnv {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  webhookPath: string;
  host: string;
  port: number;
  workerPort: number;
  redisUrl: string | undefined;
  queueName: string;
  cacheDir: string;
  concurrency: number;
  gitTimeoutMs: number;
  maxReferencedIssues: number;
  maxRepoSizeMb: number;
  dryRun: boolean;
  logLevel: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  /** REST API base URL for GitHub Enterprise, undefined for github.com. */
  githubBaseUrl: string | undefined;
}

export interface EnvProblem {
  field: string;
  message: string;
}

export class EnvError extends Error {
  constructor(readonly problems: EnvProblem[]) {
    super(`Invalid environment:\n${formatEnvProblems(problems)}`);
    this.name = "EnvError";
  }
}

/** Accepts the .pem text, the .pem text with literal "\n" (one-line env files), or base64 of it. */
export function decodePrivateKey(value: string): string {
  const text = value.includes("-----BEGIN") ? value : Buffer.from(value, "base64").toString("utf8");
  const pem = text.replace(/\\n/g, "\n");
  if (!pem.includes("-----BEGIN") || !pem.includes("PRIVATE KEY-----")) {
    throw new Error("is not a PEM private key (nor base64 of one)");
  }
  return pem;
}

/** Parses an environment object; throws EnvError listing every bad field. Never echoes a value back. */
export function parseEnv(
  env: Record<string, string | undefined>,
  readFile: (path: string) => string = (path) => readFileSync(path, "utf8"),
  cwd = ".",
): AppEnv {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues).map((issue) => ({
      field: issue.path.map(String).join(".") || "(environment)",
      // zod messages for a missing field read "Invalid input: expected string, received undefined".
      message: issue.message.includes("received undefined") ? "is required" : issue.message,
    })),
    ...missingKeyProblem(env),
  ];
  // The key is decoded even when other variables are bad, so a bad key is listed with them, not after a fix.
  let privateKey: string | undefined;
  const keyText = env["PRIVATE_KEY"] || undefined;
  const keyPath = env["PRIVATE_KEY_PATH"] || undefined;
  if (keyText !== undefined || keyPath !== undefined) {
    try {
      privateKey = decodePrivateKey(keyText ?? readFile(keyPath as string));
    } catch (error) {
      const field = keyText ? "PRIVATE_KEY" : "PRIVATE_KEY_PATH";
      const reason = (error as NodeJS.ErrnoException).code ? `cannot be read (${(error as NodeJS.ErrnoException).code})` : (error as Error).message;
      problems.push({ field, message: reason });
    }
  }
  if (!parsed.success || problems.length > 0 || privateKey === undefined) throw new EnvError(problems);
  const e = parsed.data;
  return {
    appId: e.APP_ID,
    privateKey,
    webhookSecret: e.WEBHOOK_SECRET,
    webhookPath: e.WEBHOOK_PATH,
    host: e.HOST,
    port: e.PORT,
    workerPort: e.MLTRIAGE_WORKER_PORT,
    redisUrl: e.MLTRIAGE_REDIS_URL,
    queueName: e.MLTRIAGE_QUEUE_NAME,
    cacheDir: resolve(cwd, e.MLTRIAGE_CACHE_DIR),
    concurrency: e.MLTRIAGE_CONCURRENCY,
    gitTimeoutMs: e.MLTRIAGE_GIT_TIMEOUT_MS,
    maxReferencedIssues: e.MLTRIAGE_MAX_REFERENCED_ISSUES,
    maxRepoSizeMb: e.MLTRIAGE_MAX_REPO_SIZE_MB,
    dryRun: e.MLTRIAGE_DRY_RUN,
    logLevel: e.LOG_LEVEL,
    githubBaseUrl: e.GHE_HOST ? `${e.GHE_PROTOCOL}://${e.GHE_HOST}/api/v3` : undefined,
  };
}

/** A two-column table, readable in a terminal and in container logs. */
export function formatEnvProblems(problems: EnvProblem[]): string {
  const width = Math.max("variable".length, ...problems.map((p) => p.field.length));
  const lines = [`${"variable".padEnd(width)}  problem`, `${"-".repeat(width)}  -------`];
  for (const p of problems) lines.push(`${p.field.padEnd(width)}  ${p.message}`);
  return lines.join("\n");
}

/** Reads process.env once. On a bad environment prints the table to stderr and exits with status 1. */
export function loadEnvOrExit(): AppEnv {
  try {
    return parseEnv(process.env, undefined, process.cwd());
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`mltriage cannot start: the environment is invalid.\n\n${formatEnvProblems(error.problems)}\n\nSee docs/app.md for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
}
