/** `GET /api/topics` and `GET /api/flows`: the shape of the system and how fast things move through it. */
import { defineRoute, typedResponse } from "@/lib/api/contract";
import { type FlowLatency, latencyQuery } from "@/lib/api/flow-latency";

export interface TopicInfo {
  name: string;
  partitions: number;
  /** Messages per second over the last 10 s, as the collector read them. */
  messagesPerSec: number;
  bytesPerSec: number;
  isDlq: boolean;
  /** Events of this topic currently held in the index. */
  indexedEvents: number;
  lastEventAt: number | null;
}

export interface TopicsResponse {
  topics: TopicInfo[];
}

export type FlowNodeKind = "service" | "topic" | "group";

export interface FlowNode {
  /** `service:<name>`, `topic:<name>` or `group:<id>`. A group whose id equals a producing service's name is
   *  shown as that service (kind "service", `consumesAs` set), since that is how people name them. */
  id: string;
  kind: FlowNodeKind;
  label: string;
  isDlq: boolean;
  /** Consumer group id when this node also consumes. */
  consumesAs: string | null;
}

export interface FlowEdge {
  id: string;
  source: string;
  target: string;
  /** service → topic edges are "produces"; topic → group/service edges are "consumes". */
  kind: "produces" | "consumes";
  /** Messages per second over the last 10 s. */
  ratePerSec: number;
}

export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
  generatedAt: number;
  /** Hop latency per edge and end-to-end latency per pathway over the asked window. */
  latency: FlowLatency;
}

/** Broadcast ~1 Hz to clients watching the Flows page. */
export interface FlowStats {
  at: number;
  /** Messages per second per topic over the last 10 s. */
  topicRates: Record<string, number>;
  /** Messages per second per edge id (same ids as FlowGraph edges). */
  edgeRates: Record<string, number>;
  /** Total messages per second across all topics. */
  totalRate: number;
}

export const topicsRoute = defineRoute({
  method: "GET",
  path: "/api/topics",
  summary: "Every topic with partitions, rates, DLQ flag and events held",
  response: typedResponse<TopicsResponse>("The topics, by name"),
});

export const flowsRoute = defineRoute({
  method: "GET",
  path: "/api/flows",
  summary: "The flow graph: services, topics and consumer groups with rates and latency (`?window=5m&at=`)",
  query: latencyQuery,
  response: typedResponse<FlowGraph>("The graph"),
});
