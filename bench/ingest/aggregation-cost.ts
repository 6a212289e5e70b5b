/**
 * (e): the flow-latency aggregation alone (pairing + sketches, lib/flows/latency), in this process, on the
 * ingest benchmark's record shape (5-hop traces chained by causation ids), fed 250 records at a time as
 * the store's feed delivers them: its CPU per record, without Kafka, decoding or storing around it.
 */
import { FlowLatencyAggregator } from "@/lib/flows/latency/flow-latency";
import { FLOW_LATENCY_BUDGET } from "@/server/flows/flow-latency-service";
import type { Pairable } from "@/lib/flows/latency/pairing-types";
import { HOPS, traceIdOf } from "../support/records";

const services = ["gateway", "order-service", "payment-service", "inventory-service", "notification-service"];
const topics = ["orders.commands", "orders.events", "payments.events", "inventory.events", "notifications"];
/** Each topic read by the next hop's service, so every hop pairs on a consume and a produce edge. */
const readers = new Map(topics.slice(0, -1).map((t, i) => [t, [services[i + 1]!]]));

export function aggregationCpuPerRecord(count: number): number {
  const base = Date.now() - 60_000;
  const records: Pairable[] = Array.from({ length: count }, (_, i) => {
    const hop = i % HOPS;
    return {
      id: `${topics[hop]}/${i % 6}/${i}`,
      topic: topics[hop]!,
      timestamp: base + Math.floor(i / 100),
      traceId: traceIdOf(Math.floor(i / HOPS)),
      messageId: `msg-${i}`,
      causationId: hop === 0 ? null : `msg-${i - 1}`,
      service: services[hop]!,
    };
  });
  const aggregator = new FlowLatencyAggregator(
    { consumersOf: (t) => readers.get(t) ?? [], isDlqTopic: () => false },
    FLOW_LATENCY_BUDGET,
  );
  const now = Date.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i += 250) {
    aggregator.ingest(records.slice(i, i + 250), now);
    if (i % 25_000 === 0) aggregator.tick(now);
  }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / count;
}
