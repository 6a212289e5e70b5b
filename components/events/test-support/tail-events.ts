/** Tiny builders for tail tests: events with just enough to tell them apart, and batches of them. */
import type { TailEvent } from "@/lib/api/events";
import { NO_IDENTITY } from "@/lib/decode/decode-record";
import type { TailAction } from "@/components/events/tail-reducer";

let nextOffset = 0;

/** A tail event with just enough to tell it apart; ids follow `topic/partition/offset`. */
export function makeTailEvent(offset = nextOffset++, topic = "orders.events"): TailEvent {
  return {
    id: `${topic}/0/${offset}`,
    topic,
    partition: 0,
    offset: String(offset),
    timestamp: 1_700_000_000_000 + offset,
    size: 0,
    ...NO_IDENTITY,
    deadLetterOf: null,
    preview: "",
    keyPreview: null,
    decodeError: null,
  };
}

export const tailEvents = (...offsets: number[]) => offsets.map((o) => makeTailEvent(o));
/** The offsets of a list, to compare orders at a glance. */
export const offsetsOf = (list: readonly TailEvent[]) => list.map((e) => Number(e.offset));

export const tailBatch = (list: TailEvent[], dropped = 0, at = 0, overflow?: number): TailAction => ({
  type: "batch",
  events: list,
  dropped,
  at,
  ...(overflow === undefined ? {} : { overflow }),
});
