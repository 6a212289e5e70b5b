/**
 * Fills a store with `count` synthetic, demo-shaped events quickly (summaries built directly, tiny payloads),
 * for tests and benchmarks that need a big store rather than realistic decoding.
 */
import type { EventSummary } from "@/lib/model/event";
import type { EventStore, IngestedEvent } from "@/server/store/event-store";
import { traceOf } from "@/server/store/testing/ingested";

export const SYNTHETIC_TOPICS = ["orders.commands", "orders.events", "payments.events", "inventory.events"];
const SERVICES = ["gateway", "order-service", "payment-service", "inventory-service"];
const enc = new TextEncoder();

export interface FillOptions {
  /** Put before each topic name, so a filled store never names a real topic of the broker. */
  topicPrefix?: string;
  endAt?: number;
  spanMs?: number;
  /** Called after each batch is stored, with how many events are stored so far. */
  onStored?: (stored: number) => void;
}

/** Event `i` of a filled store: four hops per trace, spread over `spanMs` ending at `endAt`. */
export function syntheticEvent(
  i: number,
  count: number,
  options: Required<Omit<FillOptions, "onStored">>,
): IngestedEvent {
  const { endAt, spanMs } = options;
  const trace = Math.floor(i / 4);
  const hop = i % 4;
  const topic = `${options.topicPrefix}${SYNTHETIC_TOPICS[hop]!}`;
  const preview = `{"orderId":"order-${trace}","hop":${hop}}`;
  const summary: EventSummary = {
    id: `${topic}/${trace % 6}/${Math.floor(trace / 6)}`,
    topic,
    partition: trace % 6,
    offset: String(Math.floor(trace / 6)),
    timestamp: endAt - spanMs + Math.floor((i * spanMs) / count),
    size: 700,
    traceId: traceOf(trace + 1),
    traceSource: "traceparent",
    spanId: (i + 1).toString(16).padStart(16, "0"),
    parentSpanId: null,
    originTraceId: null,
    correlationId: `order-${trace}`,
    causationId: hop === 0 ? null : `m-${i - 1}`,
    messageId: `m-${i}`,
    service: SERVICES[hop]!,
    eventType: `Step${hop}`,
    deadLetterOf: null,
    preview,
    keyPreview: `order-${trace}`,
    decodeError: null,
  };
  return { summary, payload: { key: enc.encode(`order-${trace}`), value: enc.encode(preview), headers: [] } };
}

export async function fillStore(store: EventStore, count: number, fill: FillOptions = {}): Promise<void> {
  const options = { topicPrefix: "", endAt: Date.now(), spanMs: 50 * 60_000, ...fill };
  const BATCH = 10_000;
  for (let from = 0; from < count; from += BATCH) {
    const events = Array.from({ length: Math.min(BATCH, count - from) }, (_, j) =>
      syntheticEvent(from + j, count, options),
    );
    // Positions as the collector writes them: they also tell the store which partitions a topic has.
    const positions = new Map(events.map((e) => [`${e.summary.topic}/${e.summary.partition}`, "0"]));
    await store.append({ events, positions });
    fill.onStored?.(from + events.length);
  }
}
