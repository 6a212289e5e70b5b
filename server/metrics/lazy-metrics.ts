/**
 * Gauges and counters whose values are read from a service when Prometheus scrapes, instead of being
 * updated as things happen. Each scrape starts from an empty metric, so a group or topic that is gone
 * disappears from the output instead of repeating its last value forever.
 */
import { Counter, Gauge, type Registry } from "prom-client";

export type Labels = Record<string, string | number>;
export type Emit = (labels: Labels, value: number) => void;

interface Definition {
  name: string;
  help: string;
  labelNames?: readonly string[];
}

/** A gauge filled by `read` at every scrape; `read` calls `emit` once per series. */
export function lazyGauge(registry: Registry, def: Definition, read: (emit: Emit) => void): void {
  const gauge: Gauge = new Gauge({
    name: def.name,
    help: def.help,
    labelNames: def.labelNames ?? [],
    registers: [registry],
    collect() {
      gauge.reset();
      read((labels, value) => gauge.set(labels, value));
    },
  });
}

/**
 * A counter whose running totals a service already keeps (events read, letters re-driven): the scrape
 * copies them. Totals only grow while the process runs, which is all Prometheus' `rate()` needs.
 */
export function lazyCounter(registry: Registry, def: Definition, read: (emit: Emit) => void): void {
  const counter: Counter = new Counter({
    name: def.name,
    help: def.help,
    labelNames: def.labelNames ?? [],
    registers: [registry],
    collect() {
      counter.reset();
      read((labels, value) => counter.inc(labels, Math.max(0, value)));
    },
  });
}
