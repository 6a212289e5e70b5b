/**
 * What a tail list holds — its ids and its weight (tail-bounds.ts) — kept beside the list, so a flush can
 * skip resent events and stay within the bounds by looking only at the events it adds and cuts, never at
 * every row. A list made by stacking events on another takes the other's index over, and the other loses
 * it: asked again, the old list indexes itself afresh. So an index always describes exactly its own list,
 * and the reducer stays pure seen from outside.
 */
import type { TailEvent } from "@/lib/api/events";
import { approxBytes } from "@/components/events/tail-bounds";

interface ListIndex {
  ids: Set<string>;
  bytes: number;
}

const indexes = new WeakMap<readonly TailEvent[], ListIndex>();

function indexOf(list: readonly TailEvent[]): ListIndex {
  let index = indexes.get(list);
  if (!index) {
    index = { ids: new Set(), bytes: 0 };
    for (const event of list) {
      index.ids.add(event.id);
      index.bytes += approxBytes(event);
    }
    indexes.set(list, index);
  }
  return index;
}

export const holdsId = (list: readonly TailEvent[], id: string) => indexOf(list).ids.has(id);

/**
 * `fresh` (newest first, none already in `list`) on top of `list`, cut from the end to at most `cap`
 * events and `budget` bytes — always keeping the newest event, so one oversized event still shows.
 */
export function stackWithin(
  fresh: readonly TailEvent[],
  list: readonly TailEvent[],
  cap: number,
  budget: number,
): TailEvent[] {
  const index = indexOf(list);
  indexes.delete(list);
  for (const event of fresh) {
    index.ids.add(event.id);
    index.bytes += approxBytes(event);
  }
  const next = [...fresh, ...list];
  let end = next.length;
  while (end > 1 && (end > cap || index.bytes > budget)) {
    const cut = next[--end] as TailEvent;
    index.ids.delete(cut.id);
    index.bytes -= approxBytes(cut);
  }
  next.length = end;
  indexes.set(next, index);
  return next;
}
