/**
 * Evaluates the rules on a timer (never on the ingest path): reads the sources, advances every alert,
 * hands what fired or resolved to the notifier (which only queues) and tells listeners what changed.
 * A tick is synchronous and cheap — a few hundred groups and topics — so it cannot fall behind.
 */
import {
  type AlertRule,
  type AlertsResponse,
  evaluate,
  type EvaluationState,
  initialState,
  toResponse,
} from "@/lib/alerts";
import type { Logger } from "@/server/logger";
import type { Notifier } from "@/server/alerts/delivery/notifier";
import { type AlertSources, observe } from "@/server/alerts/sources";

export interface EvaluatorOptions {
  intervalMs: number;
  sources: AlertSources;
  rules: () => AlertRule[];
  notifier: Notifier;
  log: Logger;
}

export class AlertEvaluator {
  private state: EvaluationState = initialState();
  private timer: NodeJS.Timeout | null = null;
  private response: AlertsResponse | null = null;
  private readonly listeners = new Set<(snapshot: AlertsResponse) => void>();
  /** Evaluations so far (tests and health use it to see the loop keeps going). */
  ticks = 0;

  constructor(private readonly options: EvaluatorOptions) {}

  start(): void {
    this.timer = setInterval(() => this.evaluateNow(), this.options.intervalMs);
    this.timer.unref();
  }

  evaluateNow(now = Date.now()): void {
    try {
      const obs = observe(this.options.sources, now);
      const result = evaluate(this.state, this.options.rules(), obs, now);
      this.state = result.state;
      this.ticks += 1;
      this.options.notifier.notify(result.fired, result.resolved);
      const firing = [...result.state.alerts.values()].filter((a) => a.state === "firing");
      this.options.notifier.refresh(firing, now);
      for (const a of result.fired) this.options.log.info({ alert: a.key, value: a.value }, "alert firing");
      for (const a of result.resolved) this.options.log.info({ alert: a.key }, "alert resolved");
      if (result.changed || this.response === null) {
        this.response = toResponse(this.state);
        for (const l of this.listeners) l(this.response);
      } else {
        this.response = { ...this.response, evaluatedAt: now };
      }
    } catch (error) {
      this.options.log.error({ err: error }, "alert evaluation failed");
    }
  }

  snapshot(): AlertsResponse {
    return this.response ?? toResponse(this.state);
  }

  onChange(listener: (snapshot: AlertsResponse) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
