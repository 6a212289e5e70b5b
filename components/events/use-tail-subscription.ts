"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { EventFilter } from "@/lib/api/events";
import { TAIL_MAX_PER_SEC } from "@/lib/live/contract-channels";
import { queryKeys } from "@/components/live/query-keys";
import { useChannel } from "@/components/live/use-channel";
import { TailInbox } from "@/components/events/tail-inbox";
import { TAIL_CAP, type TailState, emptyTail, tailReducer } from "@/components/events/tail-reducer";

/** Socket batches are buffered and written to the cache at most this often, so React renders ≤ 5×/s. */
const FLUSH_MS = 200;

/**
 * Joins the `tail` channel with `filter` (again after every reconnect), asking for as many events per
 * second as the server sends anyone, and flushes `tail:batch`es into the cache entry `queryKeys.tail(filter)`
 * through the tail reducer: one cache write, so one render, per flush. Returns why live updates are not
 * flowing, if the server refused or did not answer.
 * `filter` must keep its identity while unchanged (useEventFilter memoizes it), or this starts over.
 */
export function useTailSubscription(filter: EventFilter): string | null {
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const inbox = useRef<TailInbox | null>(null);

  useEffect(() => {
    const key = queryKeys.tail(filter);
    const mine = new TailInbox(filter, TAIL_CAP);
    inbox.current = mine;
    const flush = () => {
      const now = Date.now();
      const state = queryClient.getQueryData<TailState>(key);
      const action = mine.take(now);
      // Before the backfill lands there is no state yet; live events then start it (the backfill merges in).
      if (!state && !action?.events.length) return;
      // With nothing new, a tick still forgets drop reports older than their window.
      const next = tailReducer(state ?? emptyTail(), action ?? { type: "tick", at: now });
      if (next !== state) queryClient.setQueryData<TailState>(key, next);
    };
    const timer = window.setInterval(flush, FLUSH_MS);
    return () => window.clearInterval(timer);
  }, [queryClient, filter]);

  useChannel(
    { channel: "tail", filter, maxPerSec: TAIL_MAX_PER_SEC },
    {
      on: { "tail:batch": (batch) => inbox.current?.add(batch) },
      onJoin: () => {
        if (inbox.current) inbox.current.joined = true;
        setRefusal(null);
      },
      onRefused: setRefusal,
    },
  );

  return refusal;
}
