/**
 * Checks that a webhook carries the fields the handlers read, before they read them. A malformed delivery (a
 * proxy that trims payloads, a hand-made test request, a schema change) is logged with what is missing and
 * answered without error: a redelivery would carry the same broken payload, and a stack trace explains nothing.
 */
import { z } from "zod";
import type { HandlerContext, WebhookDeps } from "./handler-deps.js";

const user = z.object({ login: z.string(), type: z.string() });
const issue = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullable(),
  user: user.nullable(),
  state: z.string(),
  locked: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
  html_url: z.string(),
  // Read for the opt-out label: a label is its name, as GitHub sends it, or an object with one.
  labels: z.array(z.union([z.string(), z.object({ name: z.string() })])).optional(),
});
const repository = z.object({
  name: z.string(),
  owner: z.object({ login: z.string() }),
  clone_url: z.string(),
  html_url: z.string(),
  default_branch: z.string(),
  size: z.number(),
});

export const issuesPayloadSchema = z.object({ action: z.string(), issue, repository, sender: user });
export const issueCommentPayloadSchema = z.object({
  action: z.string(),
  issue,
  repository,
  sender: user,
  comment: z.object({ id: z.number(), body: z.string(), user: user.nullable(), created_at: z.string(), updated_at: z.string() }),
});

/** What is wrong with a payload, in a few words (`repository: required; issue.number: ...`), or undefined. */
export function payloadProblem(schema: z.ZodType, payload: unknown): string | undefined {
  const result = schema.safeParse(payload);
  if (result.success) return undefined;
  return result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "payload"}: ${i.message}`)
    .join("; ");
}

/** True (after logging it) when the delivery is malformed and must be dropped. */
export function rejectMalformed(deps: WebhookDeps, context: Pick<HandlerContext, "id" | "name" | "log" | "payload">, schema: z.ZodType): boolean {
  const problem = payloadProblem(schema, context.payload);
  if (!problem) return false;
  deps.metrics?.webhookHandled(String(context.name), "malformed");
  context.log.warn({ deliveryId: context.id, event: context.name, problem }, `webhook ${String(context.name)}: malformed payload, ignored (${problem})`);
  return true;
}
