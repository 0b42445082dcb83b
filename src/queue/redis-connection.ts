/**
 * Redis connections for the queue, with the two opposite policies BullMQ recommends:
 * producers fail fast, workers wait for Redis forever. A webhook that cannot enqueue answers 500: the delivery
 * fails in GitHub's eyes (the app's Recent Deliveries shows it in red, and the issue gets no comment), and GitHub
 * does not redeliver it by itself. Someone redelivers it once Redis is back: by hand from Recent Deliveries, or by
 * a script through the REST API (`GET /app/hook/deliveries`, `POST /app/hook/deliveries/{id}/attempts`).
 */
import { Redis, type RedisOptions } from "ioredis";

/** For the web process: a command fails at once when Redis is unreachable instead of queueing in memory. */
export function createProducerConnection(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
    // Keep reconnecting in the background, but never faster than every 2 s.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...extra,
  });
}

/** For workers: blocking commands must never time out (BullMQ throws otherwise), and they wait out outages. */
export function createWorkerConnection(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 500, 10_000),
    ...extra,
  });
}
