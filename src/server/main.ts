/**
 * The web process: `npm start`. Probot's server receives webhooks (handlers only validate and enqueue) and
 * serves /healthz and /metrics. With MLTRIAGE_REDIS_URL the jobs go to Redis for the worker processes;
 * without it they run in this process (one machine, no durability), which start-up says in one log line.
 */
import { repeatedErrorLogger } from "../observability/repeat-filter.js";
import { Probot, Server } from "probot";
import { createApp } from "../app.js";
import { loadEnvOrExit } from "../config/env.js";
import { Metrics } from "../observability/metrics.js";
import { createRootLogger } from "../observability/logger.js";
import { InlineJobQueue } from "../queue/inline-queue.js";
import type { JobQueue } from "../queue/job-queue.js";
import { createProducerConnection } from "../queue/redis-connection.js";
import { RedisJobQueue } from "../queue/redis-queue.js";
import { healthHandler, metricsHandler } from "./http-handlers.js";
import { createAuthProbot, createWorkerDeps } from "../../workers/create-worker-deps.js";
import { createJobProcessor } from "../../workers/jobs/process-job.js";

const env = loadEnvOrExit();
const log = createRootLogger({ level: env.logLevel, name: "mltriage-web" });
const metrics = new Metrics();

let queue: JobQueue;
let closeQueue: () => Promise<void>;
if (env.redisUrl) {
  const connection = createProducerConnection(env.redisUrl);
  // Once per distinct error and half-minute, as the worker does: every reconnect attempt fails while Redis is down.
  connection.on(
    "error",
    repeatedErrorLogger(
      log,
      "warn",
      "queue Redis unreachable; webhooks answer 500 until it is back. Those deliveries fail and GitHub does not retry them: " +
        "redeliver them from the app's Recent Deliveries (Settings → Developer settings → the app → Advanced) or with the REST API",
    ),
  );
  const redisQueue = new RedisJobQueue(env.queueName, connection);
  queue = redisQueue;
  closeQueue = async () => {
    await redisQueue.close().catch(() => undefined);
    connection.disconnect();
  };
  log.info({ queue: env.queueName }, "jobs go to Redis; run `npm run worker` to process them");
} else {
  const deps = createWorkerDeps({ env, probot: createAuthProbot(env, log), metrics });
  const inline = new InlineJobQueue({ processor: createJobProcessor(deps), log, onFinished: () => undefined });
  queue = inline;
  closeQueue = async () => {
    await inline.close();
    await deps.analysis.close();
  };
  log.warn("MLTRIAGE_REDIS_URL is not set: jobs run in this process, one at a time, and are lost on restart");
}
metrics.watchQueue(() => queue.depth());

const server = new Server({
  Probot: Probot.defaults({
    appId: env.appId,
    privateKey: env.privateKey,
    secret: env.webhookSecret,
    log,
    ...(env.githubBaseUrl ? { baseUrl: env.githubBaseUrl } : {}),
  }),
  host: env.host,
  port: env.port,
  webhookPath: env.webhookPath,
  log,
  enableStaticFiles: false,
});
await server.load(createApp({ queue, metrics }));
server.addHandler(healthHandler(async () => ({ queue: await queue.healthy() })));
server.addHandler(metricsHandler(metrics));
await server.start();

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) process.exit(1);
  stopping = true;
  log.info(`${signal}: closing the server, then the queue`);
  await server.stop();
  await closeQueue();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
