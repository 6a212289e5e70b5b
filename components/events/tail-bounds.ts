/**
 * The live tail's memory bound. Rows are counted and weighed: an event's weight is a rough upper estimate
 * of what it holds in the browser (its strings at two bytes a character, the most V8 uses, plus the object
 * and the strings' headers), so a stream of events with huge ids or keys is cut by bytes long before the
 * row cap, and a normal stream by the cap.
 */
import type { TailEvent } from "@/lib/api/events";

/** An object of about twenty fields plus the headers of its dozen or so strings. */
const OBJECT_BYTES = 320;

/** Cheap enough to recompute (a walk over twenty fields) that remembering it per event would cost more. */
export function approxBytes(event: TailEvent): number {
  let bytes = OBJECT_BYTES;
  for (const key in event) {
    const value = event[key as keyof TailEvent];
    if (typeof value === "string") bytes += value.length * 2;
  }
  return bytes;
}

/**
 * The longest start of `list` with at most `cap` events weighing at most `budget` bytes — always at least
 * its first event, so one oversized event still shows. Returns `list` itself when all of it fits.
 */
export function keepWithin(list: TailEvent[], cap: number, budget: number): TailEvent[] {
  const end = Math.min(list.length, cap);
  let bytes = 0;
  for (let i = 0; i < end; i++) {
    bytes += approxBytes(list[i] as TailEvent);
    if (bytes > budget && i > 0) return list.slice(0, i);
  }
  return end === list.length ? list : list.slice(0, end);
}
