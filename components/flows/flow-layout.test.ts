import { describe, expect, it } from "vitest";
import { layoutFlow } from "@/components/flows/flow-layout";

const node = (id: string) => ({
  id,
  kind: id.startsWith("topic:") ? ("topic" as const) : ("service" as const),
});
const chain = {
  nodes: ["service:gateway", "topic:orders.commands", "service:order-service"].map(node),
  edges: [
    { source: "service:gateway", target: "topic:orders.commands" },
    { source: "topic:orders.commands", target: "service:order-service" },
  ],
};

describe("layoutFlow", () => {
  it("lays producers out left of their topics and topics left of their consumers", () => {
    const at = layoutFlow(chain.nodes, chain.edges);
    const x = (id: string) => at.get(id)?.x ?? NaN;
    expect(x("service:gateway")).toBeLessThan(x("topic:orders.commands"));
    expect(x("topic:orders.commands")).toBeLessThan(x("service:order-service"));
  });

  it("gives the same positions whatever order the server listed the set in", () => {
    const a = layoutFlow(chain.nodes, chain.edges);
    const b = layoutFlow([...chain.nodes].reverse(), [...chain.edges].reverse());
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
  });

  it("ignores an edge to a node it does not know instead of inventing one", () => {
    const at = layoutFlow(chain.nodes, [
      ...chain.edges,
      { source: "topic:orders.commands", target: "group:ghost" },
    ]);
    expect(at.has("group:ghost")).toBe(false);
  });
});

describe("layoutFlow with disconnected parts", () => {
  const at = layoutFlow([...chain.nodes, node("topic:payments.DLQ"), node("topic:orders.DLQ")], chain.edges);
  const right = (id: string) => (at.get(id)?.x ?? NaN) + 164;

  it("packs parts without edges beside the connected graph, not below it", () => {
    const graphRight = Math.max(...chain.nodes.map((n) => right(n.id)));
    const graphBottom = Math.max(...chain.nodes.map((n) => (at.get(n.id)?.y ?? NaN) + 40));
    for (const id of ["topic:orders.DLQ", "topic:payments.DLQ"]) {
      expect(at.get(id)?.x).toBeGreaterThan(graphRight);
      expect(at.get(id)?.y).toBeLessThan(graphBottom + 40 * 3);
    }
  });

  it("stacks the packed parts in one column while they fit", () => {
    expect(at.get("topic:orders.DLQ")?.x).toBe(at.get("topic:payments.DLQ")?.x);
    expect(at.get("topic:orders.DLQ")?.y).toBeLessThan(at.get("topic:payments.DLQ")?.y ?? NaN);
  });
});
