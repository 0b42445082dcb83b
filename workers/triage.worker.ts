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
import { repeatedErrorLogger } from "../src/observability/repeat-filter.js";
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
// One line per distinct error and half-minute: while Redis is down, every reconnect attempt fails.
const redisError = repeatedErrorLogger(log, "warn", "Redis connection error; retrying");
connection.on("error", redisError);
const deps = createWorkerDeps({ env, probot: createAuthProbot(env, log), redis: connection, metrics });
const worker = startQueueWorker({ queueName: env.queueName, connection, processor: createJobProcessor(deps), concurrency: env.concurrency, log });
const depthReader = new Queue(env.queueName, { connection });
// Without a listener BullMQ prints each error's stack trace to stderr, between the JSON log lines.
depthReader.on("error", redisError);
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
  http.close();
  if (connection.status !== "ready") {
    // No job can be finished or handed back without Redis, and BullMQ's close waits for it: waiting would last until
    // the supervisor's kill. The jobs that were running return to the queue when their locks expire.
    log.warn(`${signal}: Redis is unreachable, stopping without waiting; running jobs return to the queue when their locks expire`);
    await withDeadline(Promise.all([worker.close(true), depthReader.close(), deps.analysis.close()]), SHUTDOWN_WITHOUT_REDIS_MS);
    connection.disconnect();
    log.info("worker stopped");
    process.exit(0);
  }
  log.info(`${signal}: finishing the current jobs, taking no new ones`);
  await worker.close(); // waits for active jobs
  await deps.analysis.close();
  await depthReader.close();
  await connection.quit().catch(() => undefined);
  log.info("worker stopped");
  process.exit(0);
}

/** How long closing may take when Redis is down: the close calls still try to reach it. */
const SHUTDOWN_WITHOUT_REDIS_MS = 5_000;

/** The promise, or nothing after `ms`: a close that waits on an unreachable server must not hold the exit. */
async function withDeadline(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
