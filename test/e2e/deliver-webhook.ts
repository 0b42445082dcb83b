/** Delivers a webhook the way GitHub does: an HTTP POST, signed with the webhook secret, to the app's middleware. */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Probot } from "probot";

export async function startWebhookServer(probot: Probot): Promise<{ url: string; close(): Promise<void> }> {
  const middleware = await probot.getNodeMiddleware();
  const server: Server = createServer((req, res) => {
    void Promise.resolve(middleware(req, res, () => res.writeHead(404).end()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${probot.webhookPath}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function postWebhook(url: string, options: { event: string; deliveryId: string; payload: unknown; secret: string }): Promise<number> {
  const body = JSON.stringify(options.payload);
  const signature = `sha256=${createHmac("sha256", options.secret).update(body).digest("hex")}`;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-event": options.event, "x-github-delivery": options.deliveryId, "x-hub-signature-256": signature },
    body,
  });
  await response.text();
  return response.status;
}
