"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { EventFilter, TailEvent } from "@/lib/api/events";
import { matchesEventFilter } from "@/lib/events/match-filter";
import { queryKeys } from "@/components/live/query-keys";
import { useChannel } from "@/components/live/use-channel";
import { type TailState, emptyTail, tailReducer } from "@/components/events/tail-reducer";

/** The most events per second this page asks for; the server samples beyond it and says how many. */
export const TAIL_MAX_PER_SEC = 100;
/** Socket batches are buffered and written to the cache at most this often, so React renders ≤ 5×/s. */
const FLUSH_MS = 200;

/** Batches received for one filter, waiting for the next flush into the cache. */
interface Inbox {
  filter: EventFilter;
  /** Batches already on the wire for the previous filter arrive before the join of this one: skip them. */
  joined: boolean;
  events: TailEvent[];
  dropped: number;
}

/**
 * Joins the `tail` channel with `filter` (again after every reconnect) and flushes `tail:batch`es into
 * the cache entry `queryKeys.tail(filter)` through the tail reducer. Returns why live updates are not
 * flowing, if the server refused or did not answer.
 * `filter` must keep its identity while unchanged (useEventFilter memoizes it), or this starts over.
 */
export function useTailSubscription(filter: EventFilter): string | null {
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const inbox = useRef<Inbox | null>(null);

  useEffect(() => {
    const key = queryKeys.tail(filter);
    const mine: Inbox = { filter, joined: false, events: [], dropped: 0 };
    inbox.current = mine;
    const flush = () => {
      const state = queryClient.getQueryData<TailState>(key);
      if (mine.events.length === 0 && mine.dropped === 0 && !state?.drops.length) return;
      const action = { type: "batch", events: mine.events, dropped: mine.dropped, at: Date.now() } as const;
      mine.events = [];
      mine.dropped = 0;
      // Before the backfill lands there is no state yet; live events then start it (the backfill merges in).
      if (!state && action.events.length === 0) return;
      queryClient.setQueryData<TailState>(key, (current) => tailReducer(current ?? emptyTail(), action));
    };
    const timer = window.setInterval(flush, FLUSH_MS);
    return () => window.clearInterval(timer);
  }, [queryClient, filter]);

  useChannel(
    { channel: "tail", filter, maxPerSec: TAIL_MAX_PER_SEC },
    {
      on: {
        "tail:batch": (batch) => {
          const current = inbox.current;
          if (!current?.joined) return;
          // A belt-and-braces check on the exact fields only: free text is matched by the server against
          // the whole payload, of which a tail event carries just a preview.
          const exact = { ...current.filter, q: undefined };
          for (const event of batch.events) if (matchesEventFilter(event, exact)) current.events.push(event);
          current.dropped += batch.dropped;
        },
      },
      onJoin: () => {
        if (inbox.current) inbox.current.joined = true;
        setRefusal(null);
      },
      onRefused: setRefusal,
    },
  );

  return refusal;
}
