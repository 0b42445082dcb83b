/** One structured log line and one metric per webhook, whatever the handler decided. */
import type { HandlerContext, WebhookDeps } from "./handler-deps.js";

export function recordDecision(
  deps: WebhookDeps,
  context: Pick<HandlerContext, "id" | "name" | "log">,
  fields: { event: string; repo: string; issue: number; decision: string; reason?: string; jobId?: string },
): void {
  deps.metrics?.webhookHandled(fields.event, fields.decision);
  context.log.info({ deliveryId: context.id, ...fields }, `webhook ${fields.event}: ${fields.decision}${fields.reason ? ` (${fields.reason})` : ""}`);
}
