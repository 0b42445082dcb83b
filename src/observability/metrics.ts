/**
 * Prometheus text exposition (format 0.0.4), written by hand: the app needs three metric families, and a
 * ~60-line registry is easier to audit than a dependency. One `Metrics` per process; no module-level state.
 */

import { beforeDeadline } from "../before-deadline.js";
type Labels = Record<string, string>;

function labelKey(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return "";
  const escape = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
  return `{${keys.map((k) => `${k}="${escape(labels[k] as string)}"`).join(",")}}`;
}

interface Family {
  help: string;
  type: "counter" | "gauge" | "summary";
  samples: Map<string, number>;
}

export type QueueDepthReader = () => Promise<Record<string, number>>;

export class Metrics {
  readonly #families = new Map<string, Family>();
  #queueDepth: QueueDepthReader | undefined;

  constructor(readonly prefix = "mltriage") {
    this.#family("jobs_total", "counter", "Jobs finished, by kind and outcome (created, updated, unchanged, labels-applied, dry-run, skipped, failed, retried).");
    this.#family("webhooks_total", "counter", "Webhook deliveries handled, by event and decision (enqueued, skipped, duplicate).");
    this.#family("step_duration_seconds", "summary", "Time spent per triage step.");
    this.#family("queue_jobs", "gauge", "Jobs in the queue, by state.");
  }

  #family(name: string, type: Family["type"], help: string): void {
    this.#families.set(name, { help, type, samples: new Map() });
  }

  #add(name: string, suffix: string, labels: Labels, delta: number): void {
    const family = this.#families.get(name);
    if (!family) throw new Error(`unknown metric ${name}`);
    const key = `${suffix}${labelKey(labels)}`;
    family.samples.set(key, (family.samples.get(key) ?? 0) + delta);
  }

  jobFinished(kind: string, outcome: string): void {
    this.#add("jobs_total", "", { kind, outcome }, 1);
  }

  webhookHandled(event: string, decision: string): void {
    this.#add("webhooks_total", "", { event, decision }, 1);
  }

  stepTimed(step: string, durationMs: number): void {
    this.#add("step_duration_seconds", "_sum", { step }, durationMs / 1000);
    this.#add("step_duration_seconds", "_count", { step }, 1);
  }

  /** The queue depth is read when scraped, so it is never stale. */
  watchQueue(reader: QueueDepthReader): void {
    this.#queueDepth = reader;
  }

  async render(): Promise<string> {
    const gauge = this.#families.get("queue_jobs") as Family;
    if (this.#queueDepth) {
      gauge.samples.clear();
      try {
        // Bounded: a worker's Redis connection waits for Redis forever, and so would the scrape (robustness review).
        const depth = await beforeDeadline(this.#queueDepth(), AbortSignal.timeout(QUEUE_DEPTH_TIMEOUT_MS), () => new Error(`no answer within ${QUEUE_DEPTH_TIMEOUT_MS} ms`));
        for (const [state, count] of Object.entries(depth)) gauge.samples.set(labelKey({ state }), count);
      } catch {
        // Redis down: leave the gauge empty rather than fail the scrape; the health endpoint reports it.
      }
    }
    const out: string[] = [];
    for (const [name, family] of this.#families) {
      const full = `${this.prefix}_${name}`;
      out.push(`# HELP ${full} ${family.help}`, `# TYPE ${full} ${family.type}`);
      for (const [key, value] of family.samples) {
        const suffixEnd = key.indexOf("{");
        const suffix = suffixEnd === -1 ? key : key.slice(0, suffixEnd);
        const labels = suffixEnd === -1 ? "" : key.slice(suffixEnd);
        // Twelve significant digits: sums of seconds carry float noise (0.028999999999999998 for 0.029).
        out.push(`${full}${suffix}${labels} ${Number(value.toPrecision(12))}`);
      }
    }
    return `${out.join("\n")}\n`;
  }
}

/** How long a scrape waits for the queue's depth before it leaves the gauge empty. */
export const QUEUE_DEPTH_TIMEOUT_MS = 2_000;
