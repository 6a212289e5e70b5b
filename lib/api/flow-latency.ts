/**
 * Flow latency as the API gives it: per graph edge and per pathway (see lib/flows/latency/definitions for
 * what the numbers mean), and one edge's drill-down, `GET /api/flows/edges/:id`.
 */
import { z } from "zod";
import { defineRoute, typedResponse } from "@/lib/api/contract";

export const latencyWindowSchema = z.enum(["1m", "5m", "1h"]);
export type LatencyWindowName = z.infer<typeof latencyWindowSchema>;

/** Which window, ending when: `at` (ms since epoch, within the last hour) scrubs back; absent = now. */
export const latencyQuery = z.object({
  window: latencyWindowSchema.default("5m"),
  at: z.coerce.number().int().positive().optional(),
});

/** Percentiles in ms, each within 1 % of a latency that was really measured at that rank. */
export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

export interface SlowMessage {
  /** Hop (or end-to-end) latency in ms. */
  ms: number;
  /** When the later message was produced. */
  at: number;
  /** `topic/partition/offset` of the later message. */
  recordId: string;
  traceId: string | null;
  /**
   * Set when the later message is a retry or dead-letter copy: the service that produced the original. The
   * hop itself belongs to the consumer group that gave up on it (the edge it is filed under).
   */
  originalProducer?: string;
}

export interface PathwayLatency {
  /** The topics from the flow's root, joined with " → " (long chains keep their ends around a "…"). */
  id: string;
  topics: string[];
  stats: LatencyStats;
  /** The slowest messages that ended this pathway in the window, to open as traces. */
  examples: SlowMessage[];
}

export interface FlowLatency {
  window: LatencyWindowName;
  /** The window ends here (ms since epoch). */
  at: number;
  /** Hop latency per graph edge id; an edge without paired messages in the window is absent. */
  edges: Record<string, LatencyStats>;
  /** Slowest first (by p99). */
  pathways: PathwayLatency[];
  /** End-to-end latency of whole traces that went quiet in the window. */
  traces: LatencyStats | null;
}

export interface LatencyBar {
  from: number;
  to: number;
  count: number;
}

export interface EdgeLatencyDetail {
  id: string;
  window: LatencyWindowName;
  at: number;
  stats: LatencyStats | null;
  histogram: LatencyBar[];
  /** One point per minute of the hour before `at`. */
  overTime: { at: number; p50: number; p99: number; count: number }[];
  slowest: SlowMessage[];
  /** Queue vs processing time of a consume edge's hops; null when no commit past them was seen yet. */
  split: QueueSplit | null;
}

/**
 * A consume edge's hops split at the moment the group's committed offset passed the message (see
 * lib/flows/latency/queue-time): queue = that moment − produced, processing = hop − queue. Commits are seen
 * only by the lag poller, so the moment is known to within ± half its poll interval (`precisionMs`), and only
 * hops longer than that are split. A sample of the edge's hops is measured (a few per 10 s).
 */
export interface QueueSplit {
  queue: LatencyStats | null;
  processing: LatencyStats | null;
  /** Hops whose commit a poll saw; queue/processing count only those longer than their precision. */
  settled: number;
  /** Median ± ms to which the commit moment is known. */
  precisionMs: number;
}

export const flowEdgeRoute = defineRoute({
  method: "GET",
  path: "/api/flows/edges/:id",
  summary: "One flow edge's hop latency: histogram, percentiles per minute, slowest recent messages",
  params: z.object({ id: z.string().min(1).max(600) }),
  query: latencyQuery,
  response: typedResponse<EdgeLatencyDetail>("The edge's latency (empty when no messages were paired)"),
});
