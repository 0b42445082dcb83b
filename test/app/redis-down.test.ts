/** When the queue's Redis is down, a webhook gets a 5xx at once (GitHub can redeliver it), never a hang. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createApp } from "../../src/app.js";
import { createProducerConnection } from "../../src/queue/redis-connection.js";
import { RedisJobQueue } from "../../src/queue/redis-queue.js";
import { postWebhook, startWebhookServer } from "../e2e/deliver-webhook.js";
import { loadWebhookFixture } from "./helpers/fixtures.js";
import { assertNoPendingMocks, mockInstallationToken, mockNoConfigFile } from "./helpers/github-nock.js";
import { createTestProbot } from "./helpers/test-probot.js";

const connection = createProducerConnection("redis://127.0.0.1:1"); // nothing listens there
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  const probot = createTestProbot();
  await probot.load(createApp({ queue: new RedisJobQueue("unreachable", connection) }));
  server = await startWebhookServer(probot);
});
afterAll(async () => {
  await server.close();
  connection.disconnect();
});

describe("Redis down", () => {
  it("answers the webhook with a server error", async () => {
    mockInstallationToken(77);
    mockNoConfigFile("octo-ml", "tiny-vision");
    const status = await postWebhook(server.url, { event: "issues", deliveryId: "d-down", payload: loadWebhookFixture("issues.opened"), secret: "test-secret" });
    expect(status).toBeGreaterThanOrEqual(500);
    assertNoPendingMocks();
  });
});
