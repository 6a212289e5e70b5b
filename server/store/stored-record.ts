/** A stored event and its payload back as the raw record it was read as, for a full decode. */
import type { EventSummary } from "@/lib/model/event";
import type { RawRecord } from "@/lib/model/raw-record";
import type { StoredPayload } from "@/server/store/event-store";

export function storedRecord(summary: EventSummary, payload: StoredPayload): RawRecord {
  return {
    topic: summary.topic,
    partition: summary.partition,
    offset: summary.offset,
    timestamp: summary.timestamp,
    key: payload.key,
    value: payload.value,
    headers: payload.headers,
  };
}
