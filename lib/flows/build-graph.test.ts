import { describe, expect, it } from "vitest";
import { buildFlowGraph, consumeEdgeId, produceEdgeId } from "@/lib/flows/build-graph";

const topics = [
  { name: "orders.commands", isDlq: false },
  { name: "orders.events", isDlq: false },
  { name: "payments.DLQ", isDlq: true },
];

describe("buildFlowGraph", () => {
  it("draws a consumer group named like a producing service as that service, giving one chain", () => {
    const graph = buildFlowGraph({
      topics,
      producers: [
        { service: "gateway", topic: "orders.commands" },
        { service: "order-service", topic: "orders.events" },
      ],
      consumers: [{ group: "order-service", topic: "orders.commands" }],
      edgeRates: { [produceEdgeId("gateway", "orders.commands")]: 2.5 },
      now: 1,
    });
    const ids = graph.edges.map((e) => `${e.source} => ${e.target}`);
    expect(ids).toContain("service:gateway => topic:orders.commands");
    expect(ids).toContain("topic:orders.commands => service:order-service");
    expect(ids).toContain("service:order-service => topic:orders.events");
    expect(graph.nodes.find((n) => n.id === "service:order-service")?.consumesAs).toBe("order-service");
    expect(graph.edges.find((e) => e.id === produceEdgeId("gateway", "orders.commands"))?.ratePerSec).toBe(
      2.5,
    );
    expect(
      graph.edges.find((e) => e.id === consumeEdgeId("orders.commands", "order-service"))?.ratePerSec,
    ).toBe(0);
  });

  it("keeps groups that produce nothing as group nodes and marks DLQ topics", () => {
    const graph = buildFlowGraph({
      topics,
      producers: [],
      consumers: [{ group: "audit-sink", topic: "orders.events" }],
      edgeRates: {},
      now: 1,
    });
    expect(graph.nodes.find((n) => n.id === "group:audit-sink")?.kind).toBe("group");
    expect(graph.nodes.find((n) => n.id === "topic:payments.DLQ")?.isDlq).toBe(true);
  });

  it("leaves out edges to topics that no longer exist", () => {
    const graph = buildFlowGraph({
      topics,
      producers: [{ service: "gateway", topic: "deleted" }],
      consumers: [{ group: "g", topic: "deleted" }],
      edgeRates: {},
      now: 1,
    });
    expect(graph.edges).toEqual([]);
  });
});
