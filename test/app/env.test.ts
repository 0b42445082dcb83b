/** The process environment schema (src/config/env.ts): the one place that reads process.env. */
import { describe, expect, it } from "@jest/globals";
import { EnvError, formatEnvProblems, parseEnv } from "../../src/config/env.js";
import { testPrivateKey } from "./helpers/test-probot.js";

const minimal = () => ({ APP_ID: "4242", PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: "s3cret" });
const noFile = () => {
  throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
};

function problemsOf(env: Record<string, string | undefined>) {
  try {
    parseEnv(env, noFile);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected an EnvError");
}

describe("parseEnv", () => {
  it("gives defaults for everything but the app's identity", () => {
    const env = parseEnv(minimal(), noFile, "/srv/app");
    expect(env).toMatchObject({ appId: 4242, webhookSecret: "s3cret", port: 3000, concurrency: 2, redisUrl: undefined, dryRun: false, githubBaseUrl: undefined });
    expect(env.cacheDir).toBe("/srv/app/.cache/mltriage");
  });

  it("reads the queue's Redis from MLTRIAGE_REDIS_URL and ignores Probot's REDIS_URL", () => {
    expect(parseEnv({ ...minimal(), REDIS_URL: "redis://probot:6379" }, noFile).redisUrl).toBeUndefined();
    expect(parseEnv({ ...minimal(), MLTRIAGE_REDIS_URL: "redis://queue:6379" }, noFile).redisUrl).toBe("redis://queue:6379");
  });

  it("accepts a base64 private key and one with literal \\n", () => {
    const pem = testPrivateKey();
    expect(parseEnv({ ...minimal(), PRIVATE_KEY: Buffer.from(pem).toString("base64") }, noFile).privateKey).toBe(pem);
    expect(parseEnv({ ...minimal(), PRIVATE_KEY: pem.replace(/\n/g, "\\n") }, noFile).privateKey).toBe(pem);
  });

  it("reads the key from PRIVATE_KEY_PATH", () => {
    const env = { APP_ID: "1", WEBHOOK_SECRET: "x", PRIVATE_KEY_PATH: "/keys/app.pem" };
    expect(parseEnv(env, (path) => (path === "/keys/app.pem" ? testPrivateKey() : "")).privateKey).toBe(testPrivateKey());
  });

  it("builds the GitHub Enterprise API URL from GHE_HOST", () => {
    expect(parseEnv({ ...minimal(), GHE_HOST: "github.example.com" }, noFile).githubBaseUrl).toBe("https://github.example.com/api/v3");
  });

  it("lists every bad field at once", () => {
    const problems = problemsOf({ APP_ID: "abc", MLTRIAGE_REDIS_URL: "localhost:6379", MLTRIAGE_CONCURRENCY: "0" });
    expect(problems.map((p) => p.field).sort()).toEqual(["APP_ID", "MLTRIAGE_CONCURRENCY", "MLTRIAGE_REDIS_URL", "PRIVATE_KEY", "WEBHOOK_SECRET"]);
  });

  it("lists a bad private key together with the other bad variables", () => {
    const problems = problemsOf({ APP_ID: "abc", WEBHOOK_SECRET: "s", PRIVATE_KEY: "not-a-key" });
    expect(problems.map((p) => p.field).sort()).toEqual(["APP_ID", "PRIVATE_KEY"]);
    expect(problemsOf({ APP_ID: "1", PRIVATE_KEY_PATH: "/nope.pem" })).toEqual([
      { field: "WEBHOOK_SECRET", message: expect.stringMatching(/^is required/) },
      { field: "PRIVATE_KEY_PATH", message: "cannot be read (ENOENT)" },
    ]);
  });

  it("says the key file cannot be read, without printing any value", () => {
    const problems = problemsOf({ APP_ID: "1", WEBHOOK_SECRET: "hunter2", PRIVATE_KEY_PATH: "/nope.pem" });
    expect(problems).toEqual([{ field: "PRIVATE_KEY_PATH", message: "cannot be read (ENOENT)" }]);
  });

  it("never echoes a secret in the problem table", () => {
    const problems = problemsOf({ APP_ID: "1", WEBHOOK_SECRET: "hunter2", PRIVATE_KEY: "not-a-key-hunter2" });
    expect(formatEnvProblems(problems)).not.toContain("hunter2");
    expect(formatEnvProblems(problems)).toMatch(/PRIVATE_KEY\s+is not a PEM private key/);
  });
});
