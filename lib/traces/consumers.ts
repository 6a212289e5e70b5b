import type { EventSummary } from "@/lib/model/event";

import { compareText } from "./order";
import type { HopConsumer } from "./types";

/**
 * A hop's consumers from both kinds of evidence, one entry per group (or per service when its group is
 * unknown), each with the earliest time it is known to have read the record.
 *
 * A message the hop caused was produced by a service that had read the hop by then, so its timestamp is
 * an upper bound on consumption; `groupForService` says which group that service reads with (when groups
 * are named after services). Without a mapping the entry names only the service, never a guessed group.
 * Callers pass only children linked by stated edges (causation, span): a time-inferred child is a guess
 * and a copied record (retry, dead letter) carries the original producer's service header, not its own.
 */
export function mergeConsumers(
  hop: EventSummary,
  committed: readonly HopConsumer[],
  causedChildren: readonly EventSummary[],
  groupForService: ((service: string) => string | null) | undefined,
): HopConsumer[] {
  const fromChildren = causedChildren.map((child): HopConsumer => ({
    group: child.service === null ? null : (groupForService?.(child.service) ?? null),
    service: child.service,
    consumedAt: Math.max(child.timestamp, hop.timestamp),
    source: "child-message",
  }));

  // Committed-offset evidence first: on a tie it names the group itself, not just a service.
  const best = new Map<string, HopConsumer>();
  for (const consumer of [...committed, ...fromChildren]) {
    const key = consumer.group !== null ? `group:${consumer.group}` : `service:${consumer.service ?? ""}`;
    const seen = best.get(key);
    if (!seen || consumer.consumedAt < seen.consumedAt) best.set(key, consumer);
  }
  return [...best.values()].sort(
    (a, b) =>
      a.consumedAt - b.consumedAt ||
      compareText(a.group ?? "", b.group ?? "") ||
      compareText(a.service ?? "", b.service ?? ""),
  );
}
