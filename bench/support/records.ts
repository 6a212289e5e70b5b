/**
 * Traced ~1 kB JSON records shaped like an order system's events: W3C traceparent, CloudEvents binary
 * headers, correlation and causation ids, and a JSON body. Every HOPS consecutive records share one trace,
 * like the hops of one order. `sentAt` (ms) in the body lets latency benchmarks time delivery.
 */
import type { Message } from "kafkajs";

export const HOPS = 5;
const services = ["gateway", "order-service", "payment-service", "inventory-service", "notification-service"];
const types = ["PlaceOrder", "OrderPlaced", "PaymentAuthorized", "StockReserved", "OrderConfirmed"];
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0").slice(-width);
/** Pads the body to about 1 kB, as a typical business event with a few line items is. */
const filler = "x".repeat(640);

/** Trace t's 32-hex id (unique per t, never all zeros). */
export const traceIdOf = (trace: number) => `${hex(trace + 1, 16)}${hex((trace + 1) * 7919, 16)}`;

export function tracedRecord(i: number, partitions: number, sentAt = Date.now()): Message {
  const trace = Math.floor(i / HOPS);
  const hop = i % HOPS;
  const body = {
    orderId: `order-${trace}`,
    customerId: `c-${trace % 1000}`,
    amount: (trace % 500) + 0.99,
    items: [{ sku: `sku-${trace % 50}`, qty: 1 + (trace % 3) }],
    sentAt,
    note: filler,
  };
  return {
    partition: i % partitions,
    key: `order-${trace}`,
    value: JSON.stringify(body),
    timestamp: String(sentAt),
    headers: {
      traceparent: `00-${traceIdOf(trace)}-${hex(i + 1, 16)}-01`,
      "correlation-id": `order-${trace}`,
      ...(hop === 0 ? {} : { "causation-id": `msg-${i - 1}` }),
      ce_id: `msg-${i}`,
      ce_source: services[hop] ?? "gateway",
      ce_type: types[hop] ?? "Event",
      ce_specversion: "1.0",
      "content-type": "application/json",
    },
  };
}

/** Reads `sentAt` back from a record's JSON body (null when absent or not ours). */
export function sentAtOf(json: unknown): number | null {
  const v = (json as { sentAt?: unknown } | null)?.sentAt;
  return typeof v === "number" ? v : null;
}

/** Bytes a record carries on the wire before decoding: key, value, header keys and values. */
export function recordBytes(m: Message): number {
  const len = (v: unknown) => (v === null || v === undefined ? 0 : Buffer.byteLength(String(v)));
  const headers = Object.entries(m.headers ?? {}).reduce((n, [k, v]) => n + len(k) + len(v), 0);
  return len(m.key) + len(m.value) + headers;
}
