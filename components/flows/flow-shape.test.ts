import { replaceEqualDeep } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/api/flows";
import { toFlowShape } from "@/components/flows/flow-shape";

function makeGraph(rate: number, extraTopic?: string): FlowGraph {
  const topics = ["orders.commands", ...(extraTopic ? [extraTopic] : [])];
  return {
    nodes: [
      { id: "service:gateway", kind: "service", label: "gateway", isDlq: false, consumesAs: null },
      ...topics.map((t) => ({
        id: `topic:${t}`,
        kind: "topic" as const,
        label: t,
        isDlq: false,
        consumesAs: null,
      })),
    ],
    edges: [
      {
        id: "p:gateway->orders.commands",
        source: "service:gateway",
        target: "topic:orders.commands",
        kind: "produces",
        ratePerSec: rate,
      },
    ],
    generatedAt: rate * 1000,
    latency: { window: "5m", at: rate * 1000, edges: {}, pathways: [], traces: null },
  };
}

describe("toFlowShape", () => {
  // replaceEqualDeep is what useFlowShape's `select` result goes through between two fetches.
  it("keeps the very same shape object when only rates changed, so the layout does not re-run", () => {
    const shape = toFlowShape(makeGraph(1.5));
    expect(replaceEqualDeep(shape, toFlowShape(makeGraph(7)))).toBe(shape);
  });

  it("gives a new shape when a node appears", () => {
    const shape = toFlowShape(makeGraph(1.5));
    const next = replaceEqualDeep(shape, toFlowShape(makeGraph(1.5, "orders.events")));
    expect(next).not.toBe(shape);
    expect(next.nodes).toHaveLength(3);
  });
});
