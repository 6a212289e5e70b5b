/**
 * Stitched traces for specs that need a trace of a given shape rather than whatever the demo produced: a
 * 1,500-hop trace (virtualisation, keyboard). Built with the real stitcher (lib/traces), so the UI gets
 * exactly what the server would send; only the events are made up.
 */
import type { TraceResponse } from "@/lib/api/traces";
import type { EventSummary } from "@/lib/model/event";
import { stitchTrace, summarizeTrace } from "@/lib/traces";

export const BIG_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

const SERVICES = ["gateway", "order-service", "payment-service", "inventory-service", "notification-service"];

function fixtureEvent(i: number, at: number, causationId: string | null, topic: string): EventSummary {
  const service = SERVICES[i % SERVICES.length] ?? null;
  const json = { orderId: `order-${i}`, step: i };
  const text = JSON.stringify(json);
  return {
    id: `${topic}/0/${i}`,
    topic,
    partition: 0,
    offset: String(i),
    timestamp: at,
    size: text.length + 64,
    traceId: BIG_TRACE_ID,
    traceSource: "traceparent",
    spanId: String(i).padStart(16, "0"),
    parentSpanId: null,
    originTraceId: null,
    correlationId: "order-big",
    causationId,
    messageId: `m-${i}`,
    service,
    eventType: `Step${i % 7}`,
    deadLetterOf: null,
    preview: text,
    keyPreview: `order-${i}`,
    decodeError: null,
  };
}

/**
 * `count` hops: a root fanning out into chains of ten (so there is depth to fold), 5 ms apart.
 */
export function bigTraceResponse(count: number, now = Date.now()): TraceResponse {
  const start = now - count * 5 - 60_000;
  const events: EventSummary[] = [];
  for (let i = 0; i < count; i++) {
    const parent = i === 0 ? null : i % 10 === 1 ? "m-0" : `m-${i - 1}`;
    events.push(fixtureEvent(i, start + i * 5, parent, i === 0 ? "orders.commands" : `topic-${i % 4}`));
  }
  const trace = stitchTrace(events, { now, traceId: BIG_TRACE_ID });
  return {
    query: { raw: BIG_TRACE_ID, kind: "trace-id", matchedBy: "trace-id" },
    trace,
    summary: summarizeTrace(trace),
    truncated: false,
    deadLetterLinks: {},
  };
}
