/** A Probot instance for tests: a key pair made at test time, no throttling, no retries, silent logs. */
import { generateKeyPairSync } from "node:crypto";
import { pino, type Logger } from "pino";
import { Probot, ProbotOctokit } from "probot";

let cachedKey: string | undefined;

/** An RSA private key generated once per test file; never written to disk or committed. */
export function testPrivateKey(): string {
  cachedKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return cachedKey;
}

/** STACK trap 3: only the function form of defaults() turns throttling and retries off in Probot 14. */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

export const TEST_APP_ID = 4242;

export function createTestProbot(log: Logger = silentLogger()): Probot {
  return new Probot({ appId: TEST_APP_ID, privateKey: testPrivateKey(), log, Octokit: TestOctokit as typeof ProbotOctokit, secret: "test-secret" });
}
