/**
 * Builds the service → topic → consumer-group graph. Producers come from the producing-service headers of
 * indexed events (Kafka records no producer identity, so a topic without such headers has no producer
 * node); consumers come from the groups' assignments and committed offsets. A group named like a
 * producing service is drawn as that service, because that is how teams name them, and it turns the
 * picture into the chain people expect: gateway → orders.commands → order-service → orders.events → …
 */
import type { FlowEdge, FlowGraph, FlowNode } from "@/lib/api/flows";

export interface GraphInput {
  topics: { name: string; isDlq: boolean }[];
  producers: { service: string; topic: string }[];
  consumers: { group: string; topic: string }[];
  /** Messages/s per edge id; missing = 0. */
  edgeRates: Record<string, number>;
  now: number;
}

export const produceEdgeId = (service: string, topic: string) => `p:${service}->${topic}`;
export const consumeEdgeId = (topic: string, group: string) => `c:${topic}->${group}`;

/** The graph without latency, which the caller adds for the window it was asked for. */
export function buildFlowGraph(input: GraphInput): Omit<FlowGraph, "latency"> {
  const nodes = new Map<string, FlowNode>();
  const services = new Set(input.producers.map((p) => p.service));
  const topicNames = new Set(input.topics.map((t) => t.name));

  for (const t of input.topics) {
    nodes.set(`topic:${t.name}`, {
      id: `topic:${t.name}`,
      kind: "topic",
      label: t.name,
      isDlq: t.isDlq,
      consumesAs: null,
    });
  }
  for (const service of services) {
    nodes.set(`service:${service}`, {
      id: `service:${service}`,
      kind: "service",
      label: service,
      isDlq: false,
      consumesAs: null,
    });
  }
  const consumerNodeId = (group: string) => (services.has(group) ? `service:${group}` : `group:${group}`);
  for (const { group } of input.consumers) {
    const id = consumerNodeId(group);
    const existing = nodes.get(id);
    if (existing) existing.consumesAs = group;
    else nodes.set(id, { id, kind: "group", label: group, isDlq: false, consumesAs: group });
  }

  const edges: FlowEdge[] = [];
  const seen = new Set<string>();
  const push = (edge: FlowEdge) => {
    if (seen.has(edge.id)) return;
    seen.add(edge.id);
    edges.push(edge);
  };
  for (const { service, topic } of input.producers) {
    if (!topicNames.has(topic)) continue;
    const id = produceEdgeId(service, topic);
    push({
      id,
      source: `service:${service}`,
      target: `topic:${topic}`,
      kind: "produces",
      ratePerSec: input.edgeRates[id] ?? 0,
    });
  }
  for (const { group, topic } of input.consumers) {
    if (!topicNames.has(topic)) continue;
    const id = consumeEdgeId(topic, group);
    push({
      id,
      source: `topic:${topic}`,
      target: consumerNodeId(group),
      kind: "consumes",
      ratePerSec: input.edgeRates[id] ?? 0,
    });
  }
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return { nodes: [...nodes.values()].sort(byId), edges: edges.sort(byId), generatedAt: input.now };
}
