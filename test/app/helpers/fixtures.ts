/** Webhook payload fixtures, named by scenario under test/fixtures/webhooks. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "webhooks");

/** A fresh copy each call, so a test may change it freely. */
export function loadWebhookFixture<T = Record<string, any>>(scenario: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, `${scenario}.json`), "utf8")) as T;
}

/** `issues.opened.locked` -> `issues` (the X-GitHub-Event name). */
export function eventNameOf(scenario: string): "issues" | "issue_comment" {
  return scenario.split(".")[0] as "issues" | "issue_comment";
}
