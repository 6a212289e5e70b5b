/**
 * The pairer's memory, measured on the heap rather than taken from its own estimate: fed far more messages
 * than its budget holds — summarised by the collector's own hot path from records shaped like production
 * traffic (W3C trace context, a CloudEvents id, a causation id, five hops per trace) — it must hold no
 * more than its budget, and the bytes it reports must be what the heap says it holds.
 */
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { record } from "@/lib/decode/test-builders";
import { ingestOptions } from "@/lib/ingest/ingest-options";
import { summarizeRecord } from "@/lib/ingest/summarize-record";
import { FlowPairer, type PairingRules } from "@/lib/flows/latency/pairing";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const options = ingestOptions(["*.DLQ"]);
const HOPS = ["orders.commands", "orders.events", "payments.events", "inventory.events", "notifications"];
const SERVICES = ["gateway", "order-service", "payment-service", "inventory-service", "notification-service"];
const rules: PairingRules = {
  consumersOf: (topic) => {
    const i = HOPS.indexOf(topic);
    return i >= 0 && i + 1 < SERVICES.length ? [SERVICES[i + 1]!] : [];
  },
  isDlqTopic: (topic) => topic.endsWith(".DLQ"),
};
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/** Hop `hop` of trace `trace`, as its producing service would send it. */
function summaryOf(trace: number, hop: number, offset: number) {
  const traceId = `${hex(trace + 1, 16)}${hex((trace + 1) * 7919, 16)}`;
  const headers: Record<string, string> = {
    traceparent: `00-${traceId}-${hex(hop + 1, 16)}-01`,
    ce_id: `msg-${trace}-${hop}`,
    ce_source: SERVICES[hop]!,
    ce_type: `Step${hop}`,
  };
  if (hop > 0) headers["causation-id"] = `msg-${trace}-${hop - 1}`;
  return summarizeRecord(
    record({
      topic: HOPS[hop]!,
      partition: trace % 6,
      offset: String(offset),
      timestamp: 1_700_000_000_000 + trace * 10 + hop,
      key: `order-${trace}`,
      value: { orderId: `order-${trace}`, step: hop, items: [{ sku: "sku-1", qty: 2 }] },
      headers,
    }),
    options,
  );
}

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("FlowPairer memory (measured on the heap)", () => {
  it("holds no more than its byte budget, and reports what it holds", () => {
    const budget = { messagesBytes: 4 << 20, tracesBytes: 2 << 20, orphansBytes: 1 << 20 };
    const total = budget.messagesBytes + budget.tracesBytes + budget.orphansBytes;
    // Every fourth trace's hops arrive child first, so children wait for their parents (the orphans).
    const feed = (pairer: FlowPairer, traces: number) => {
      for (let trace = 0, offset = 0; trace < traces; trace++) {
        const order = trace % 4 === 0 ? [0, 2, 1, 4, 3] : [0, 1, 2, 3, 4];
        for (const hop of order) pairer.accept(summaryOf(trace, hop, offset++), 0);
      }
    };
    // Compiled first, so the code the feed needs is not counted as the pairer's. In a function of its own:
    // a temporary of this frame would keep the warm-up pairer alive through the measurement.
    const warmUp = () => feed(new FlowPairer(rules, budget), 2_000);
    warmUp();
    const before = heapUsed();
    const pairer = new FlowPairer(rules, budget);
    feed(pairer, 12_000);
    const held = heapUsed() - before;
    // Kept alive so the measurement above counts it.
    expect(pairer.bytes).toBeGreaterThan(0);
    expect(held, `heap held by the pairer (budget ${total} bytes)`).toBeLessThanOrEqual(total);
    // Fed five times what it can hold, it uses its memory (a pairer that remembered nothing would pass).
    expect(held).toBeGreaterThan(total / 2);
    // Its own count (what /api/health reports) never understates the heap, and is close to it.
    expect(pairer.bytes).toBeGreaterThanOrEqual(held);
    expect(pairer.bytes / held).toBeLessThan(1.4);
  }, 60_000);
});
