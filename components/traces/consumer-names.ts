/**
 * Who read a hop, as the short list a waterfall row shows after its bar ("→ notification-service"): the
 * consumer group, else the service a message it caused came from, each once, earliest first. A service
 * that only consumes (and so never has a row of its own) still shows up in the trace this way.
 */
import type { HopConsumer, StitchedTrace } from "@/lib/traces";

export function consumerNames(consumers: readonly HopConsumer[]): string[] {
  const names: string[] = [];
  for (const consumer of consumers) {
    const name = consumer.group ?? consumer.service;
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** `hop id → consumer names` for every hop that has any. */
export function consumersByHop(trace: StitchedTrace): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const hop of trace.hops) {
    const names = consumerNames(hop.consumers);
    if (names.length > 0) map.set(hop.id, names);
  }
  return map;
}

/** "a", "a, b", "a, b +2": short enough for the space beside a bar. */
export function consumersLabel(names: readonly string[], max = 2): string {
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown} +${names.length - max}` : shown;
}
