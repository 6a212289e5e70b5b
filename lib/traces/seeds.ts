import { parseTraceQuery, type TraceQuery } from "@/lib/decode";
import type { EventSummary } from "@/lib/model/event";

import { sortEvents } from "./order";
import type { TraceLookup } from "./types";

export type SeedMatch = "trace-id" | "correlation-id" | "message-id";

export interface TraceSeeds {
  query: TraceQuery;
  /** Which lookup found the events; null when none did (the API answers 404). */
  matchedBy: SeedMatch | null;
  /** The trace these seeds stand for: the id searched for, else the earliest seed's; pass it to stitchTrace. */
  traceId: string | null;
  events: EventSummary[];
}

/**
 * What a pasted search term names. It may be a 32-hex trace id, a whole traceparent, a 16-hex B3 id, or
 * a correlation id, tried in that order: trace id, then correlation id, then message id. A term that looks
 * like a trace id but names no indexed trace is still tried as the others: a UUID without dashes is 32 hex
 * and is a common correlation id. Feed `events` to `collectTraceEvents`.
 */
export function findTraceSeeds(input: string, lookup: TraceLookup): TraceSeeds {
  const query = parseTraceQuery(input);
  if (query.raw === "") return { query, matchedBy: null, traceId: null, events: [] };
  const attempts: [SeedMatch, () => readonly EventSummary[]][] = [
    ["trace-id", () => (query.traceId === null ? [] : lookup.byTraceId(query.traceId))],
    ["correlation-id", () => lookup.byCorrelationId(query.raw)],
    ["message-id", () => lookup.byMessageId(query.raw)],
  ];
  for (const [matchedBy, find] of attempts) {
    const events = sortEvents(find());
    if (events.length === 0) continue;
    const traceId =
      matchedBy === "trace-id" ? query.traceId : (events.find((e) => e.traceId !== null)?.traceId ?? null);
    return { query, matchedBy, traceId, events };
  }
  return { query, matchedBy: null, traceId: null, events: [] };
}
