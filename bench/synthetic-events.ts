/** Demo-shaped records (CloudEvents + traceparent + JSON order payload), decoded as the collector would. */
import { decodeRecord } from "@/lib/decode";
import type { EventRecord } from "@/lib/model/event";
import type { RawHeader } from "@/lib/model/raw-record";

const enc = new TextEncoder();
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0").slice(-width);
const services = ["gateway", "order-service", "payment-service", "inventory-service", "notification-service"];
const types = ["PlaceOrder", "OrderPlaced", "PaymentAuthorized", "StockReserved", "OrderConfirmed"];

/** Trace i's id; every `hopsPerTrace` consecutive events share one trace, like an order's chain. */
export const traceIdOf = (trace: number) => `${hex(trace, 16)}${hex(trace * 7919, 16)}`;

export function syntheticRecord(
  i: number,
  hopsPerTrace = 5,
): { topic: string; partition: number; offset: string; headers: RawHeader[]; value: Uint8Array } {
  const trace = Math.floor(i / hopsPerTrace);
  const hop = i % hopsPerTrace;
  const header = (key: string, value: string): RawHeader => ({ key, value: enc.encode(value) });
  return {
    topic: `bench.${types[hop]}`,
    partition: i % 3,
    offset: String(i),
    headers: [
      header("traceparent", `00-${traceIdOf(trace)}-${hex(i + 1, 16)}-01`),
      header("correlation-id", `order-${trace}`),
      header("causation-id", hop === 0 ? "" : `msg-${i - 1}`),
      header("ce_id", `msg-${i}`),
      header("ce_source", services[hop] ?? "gateway"),
      header("ce_type", types[hop] ?? "Event"),
      header("ce_time", new Date(1_700_000_000_000 + i).toISOString()),
      header("ce_specversion", "1.0"),
      header("content-type", "application/json"),
    ],
    value: enc.encode(
      JSON.stringify({
        orderId: `order-${trace}`,
        customerId: `c-${trace % 1000}`,
        amount: (trace % 500) + 0.99,
        items: [{ sku: `sku-${trace % 50}`, qty: 1 + (trace % 3) }],
      }),
    ),
  };
}

export function syntheticEvent(i: number): EventRecord {
  const r = syntheticRecord(i);
  return decodeRecord({
    ...r,
    timestamp: 1_700_000_000_000 + i,
    key: enc.encode(`order-${Math.floor(i / 5)}`),
  });
}
