/**
 * The consumer group each dead letter of a trace names as the one that gave up on it. The store's rows
 * carry no headers, so the letters' stored headers are decoded here, on the trace page's request only
 * (never on the ingest path or for the traces list), and at most MAX_LETTERS per trace.
 */
import { decodeDeadLetter } from "@/lib/dlq";
import type { EventSummary } from "@/lib/model/event";
import type { EventStore } from "@/server/store/event-store";
import { storedRecord } from "@/server/store/stored-record";

const MAX_LETTERS = 50;

export async function deadLetterGroups(
  store: EventStore,
  events: readonly EventSummary[],
  isDlqTopic: (topic: string) => boolean,
  dlqPatterns: readonly string[] | undefined,
): Promise<Map<string, string>> {
  const groups = new Map<string, string>();
  const letters = events.filter((e) => e.deadLetterOf !== null || isDlqTopic(e.topic)).slice(0, MAX_LETTERS);
  for (const letter of letters) {
    const found = await store.payload(letter.id);
    if (found.state !== "stored") continue;
    const group = decodeDeadLetter(storedRecord(letter, found.payload), { patterns: dlqPatterns }).origin
      .consumerGroup;
    if (group !== null) groups.set(letter.id, group);
  }
  return groups;
}
