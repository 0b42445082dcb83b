/**
 * The worker process: `npm run worker`. Consumes the triage queue in Redis; any number of these may run on any
 * number of machines. Steps: environment, logger, Redis (waits for it), the BullMQ worker, a small health and
 * metrics server, and an ordered shutdown on SIGTERM/SIGINT that lets the current jobs finish.
 */
import { createServer } from "node:http";
import { Queue } from "bullmq";
import { loadEnvOrExit } from "../src/config/env.js";
import { Metrics } from "../src/observability/metrics.js";
import { createRootLogger } from "../src/observability/logger.js";
import { createWorkerConnection } from "../src/queue/redis-connection.js";
import { combineHandlers, healthHandler, metricsHandler } from "../src/server/http-handlers.js";
import { createAuthProbot, createWorkerDeps } from "./create-worker-deps.js";
import { createJobProcessor } from "./jobs/process-job.js";
import { startQueueWorker } from "./queue-worker.js";

const env = loadEnvOrExit();
const log = createRootLogger({ level: env.logLevel, name: "mltriage-worker" });

if (!env.redisUrl) {
  log.fatal("MLTRIAGE_REDIS_URL is not set: there is no queue to consume (without Redis the web process runs jobs itself)");
  process.exit(1);
}

const metrics = new Metrics();
const connection = createWorkerConnection(env.redisUrl);
connection.on("error", (error) => log.warn({ error: error.message }, "Redis connection error; retrying"));
const deps = createWorkerDeps({ env, probot: createAuthProbot(env, log), redis: connection, metrics });
const worker = startQueueWorker({ queueName: env.queueName, connection, processor: createJobProcessor(deps), concurrency: env.concurrency, log });
const depthReader = new Queue(env.queueName, { connection });
metrics.watchQueue(() => depthReader.getJobCounts("waiting", "active", "delayed", "failed"));

const http = createServer(
  combineHandlers([
    healthHandler(async () => ({ redis: connection.status === "ready", worker: worker.isRunning() })),
    metricsHandler(metrics),
  ]),
);
if (env.workerPort > 0) http.listen(env.workerPort, env.host, () => log.info(`worker health and metrics on http://${env.host}:${env.workerPort}`));
log.info({ queue: env.queueName, concurrency: env.concurrency, cacheDir: env.cacheDir }, "worker started");

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    log.warn(`${signal} again: exiting now; unfinished jobs return to the queue when their locks expire`);
    process.exit(1);
  }
  stopping = true;
  log.info(`${signal}: finishing the current jobs, taking no new ones`);
  await worker.close(); // waits for active jobs
  await deps.analysis.close();
  await depthReader.close();
  http.close();
  await connection.quit().catch(() => undefined);
  log.info("worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
