/**
 * Socket batches of one tail subscription, waiting for the next flush into the cache, so the page renders
 * once per flush however many batches arrived. Bounded: a tab that cannot flush (hidden tabs run timers
 * rarely, sockets keep receiving) keeps only the newest events — the older ones would be pushed out of the
 * list by these anyway — and counts the rest, so a paused tail still says how many arrived.
 */
import type { EventFilter, TailEvent } from "@/lib/api/events";
import { matchesEventFilter } from "@/lib/events/match-filter";
import type { TailBatch } from "@/lib/live/contract-flows";
import type { TailAction } from "@/components/events/tail-reducer";

export class TailInbox {
  /** Batches already on the wire for the previous filter arrive before the join of this one: skip them. */
  joined = false;
  private events: TailEvent[] = [];
  private dropped = 0;
  private overflow = 0;
  /** The exact fields of the filter; free text was matched by the server against the whole payload. */
  private readonly exact: EventFilter;

  /** `limit`: the most events the list can show; up to twice that waits before the oldest are let go. */
  constructor(
    readonly filter: EventFilter,
    private readonly limit: number,
  ) {
    this.exact = { ...filter, q: undefined };
  }

  add(batch: TailBatch): void {
    if (!this.joined) return;
    // A belt-and-braces check on the exact fields only: a tail event carries just a preview of the payload.
    for (const event of batch.events) if (matchesEventFilter(event, this.exact)) this.events.push(event);
    this.dropped += batch.dropped;
    // Trimming only past twice the limit keeps the cost per event constant.
    if (this.events.length > 2 * this.limit) {
      const excess = this.events.length - this.limit;
      this.events.splice(0, excess);
      this.overflow += excess;
    }
  }

  /** Everything waiting, as one reducer action; null when nothing arrived since the last take. */
  take(at: number): Extract<TailAction, { type: "batch" }> | null {
    if (this.events.length === 0 && this.dropped === 0 && this.overflow === 0) return null;
    const action: Extract<TailAction, { type: "batch" }> = {
      type: "batch",
      events: this.events,
      dropped: this.dropped,
      overflow: this.overflow,
      at,
    };
    this.events = [];
    this.dropped = 0;
    this.overflow = 0;
    return action;
  }
}
