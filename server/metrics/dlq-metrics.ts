/** Dead letters per DLQ topic and re-drive totals, from the dead-letter service at scrape time. */
import type { Registry } from "prom-client";
import { lazyCounter, lazyGauge } from "@/server/metrics/lazy-metrics";
import type { DlqFigures } from "@/server/metrics/sources";

export function registerDlqMetrics(registry: Registry, read: () => DlqFigures | undefined): void {
  const perTopic =
    (pick: (t: DlqFigures["topics"][number]) => number) =>
    (emit: (labels: Record<string, string>, value: number) => void) => {
      for (const t of read()?.topics ?? []) emit({ topic: t.topic }, pick(t));
    };
  lazyGauge(
    registry,
    {
      name: "eventscope_dlq_pending_messages",
      help: "Dead letters in the DLQ topic not re-driven yet",
      labelNames: ["topic"],
    },
    perTopic((t) => t.pending),
  );
  lazyGauge(
    registry,
    {
      name: "eventscope_dlq_messages",
      help: "Dead letters Eventscope holds for the DLQ topic",
      labelNames: ["topic"],
    },
    perTopic((t) => t.total),
  );
  lazyCounter(
    registry,
    {
      name: "eventscope_redrive_messages_total",
      help: "Dead letters handled by re-drive tasks: moved, skipped (already re-driven) or failed",
      labelNames: ["dlq_topic", "outcome"],
    },
    (emit) => {
      const totals = new Map<string, { moved: number; skipped: number; failed: number }>();
      for (const task of read()?.tasks ?? []) {
        const t = totals.get(task.dlqTopic) ?? { moved: 0, skipped: 0, failed: 0 };
        t.moved += task.moved;
        t.skipped += task.skipped;
        t.failed += task.failed;
        totals.set(task.dlqTopic, t);
      }
      for (const [dlqTopic, t] of totals)
        for (const [outcome, value] of Object.entries(t)) emit({ dlq_topic: dlqTopic, outcome }, value);
    },
  );
  lazyGauge(
    registry,
    {
      name: "eventscope_redrive_tasks",
      help: "Re-drive tasks Eventscope remembers, by DLQ topic and status",
      labelNames: ["dlq_topic", "status"],
    },
    (emit) => {
      const counts = new Map<string, { dlqTopic: string; status: string; n: number }>();
      for (const task of read()?.tasks ?? []) {
        const key = `${task.dlqTopic}\u0000${task.status}`;
        const entry = counts.get(key) ?? { dlqTopic: task.dlqTopic, status: task.status, n: 0 };
        entry.n += 1;
        counts.set(key, entry);
      }
      for (const c of counts.values()) emit({ dlq_topic: c.dlqTopic, status: c.status }, c.n);
    },
  );
}
