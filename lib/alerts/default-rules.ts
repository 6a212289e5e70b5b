/**
 * The rules Eventscope starts with. Tuned for the demo shop (a few orders per second, consumers that keep
 * up within a second or two): anything that stays half a minute behind, stops, or dead-letters is news.
 */
import type { AlertRule } from "@/lib/alerts/rules";

export const DEFAULT_RULES: readonly AlertRule[] = [
  {
    id: "consumer-time-lag",
    kind: "time-lag",
    threshold: 30,
    forSeconds: 60,
    enabled: true,
    severity: "warning",
  },
  {
    id: "consumer-status",
    kind: "group-status",
    threshold: 0,
    forSeconds: 60,
    enabled: true,
    severity: "critical",
  },
  { id: "dlq-growing", kind: "dlq-growing", threshold: 0, forSeconds: 0, enabled: true, severity: "warning" },
  {
    id: "dlq-pending",
    kind: "dlq-pending",
    threshold: 100,
    forSeconds: 0,
    enabled: true,
    severity: "warning",
  },
  // The collector counts a record once it read it; 1 record/s filters out topics written now and then.
  {
    id: "produce-stopped",
    kind: "produce-stopped",
    threshold: 1,
    forSeconds: 60,
    enabled: true,
    severity: "warning",
  },
  {
    id: "collector-lag",
    kind: "collector-lag",
    threshold: 10_000,
    forSeconds: 120,
    enabled: true,
    severity: "warning",
  },
  {
    id: "collector-time-lag",
    kind: "collector-time-lag",
    threshold: 60,
    forSeconds: 120,
    enabled: true,
    severity: "critical",
  },
];
