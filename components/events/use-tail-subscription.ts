"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { EventFilter, TailEvent } from "@/lib/api/events";
import type { TailBatch } from "@/lib/live/contract-flows";
import { matchesEventFilter } from "@/lib/events/match-filter";
import { useLiveSocket } from "@/components/live/live-socket-provider";
import { queryKeys } from "@/components/live/query-keys";
import { type TailState, emptyTail, tailReducer } from "@/components/events/tail-reducer";

/** The most events per second this page asks for; the server samples beyond it and says how many. */
export const TAIL_MAX_PER_SEC = 100;
/** Socket batches are buffered and written to the cache at most this often, so React renders ≤ 5×/s. */
const FLUSH_MS = 200;
const ACK_TIMEOUT_MS = 5_000;
const RETRY_MS = 2_000;

/**
 * Subscribes the socket's tail to `filter` (again after every reconnect) and flushes `tail:batch`es into
 * the cache entry `queryKeys.tail(filter)` through the tail reducer. Returns why live updates are not
 * flowing, if the server refused or did not answer.
 * `filter` must keep its identity while unchanged (useEventFilter memoizes it), or this re-subscribes.
 */
export function useTailSubscription(filter: EventFilter): string | null {
  const socket = useLiveSocket();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!socket) return;
    const key = queryKeys.tail(filter);
    // A belt-and-braces check on the exact fields only: free text is matched by the server against the
    // whole payload, of which a tail event carries just a preview.
    const exact = { ...filter, q: undefined };
    let buffer: TailEvent[] = [];
    let dropped = 0;
    // Batches already on the wire for the previous filter arrive before the ack of the new one: skip them.
    let acked = false;
    let disposed = false;
    let retry: number | undefined;

    const onBatch = (batch: TailBatch) => {
      if (!acked) return;
      for (const event of batch.events) if (matchesEventFilter(event, exact)) buffer.push(event);
      dropped += batch.dropped;
    };
    const subscribe = () => {
      acked = false;
      window.clearTimeout(retry);
      const subscription = { filter, maxPerSec: TAIL_MAX_PER_SEC };
      socket.timeout(ACK_TIMEOUT_MS).emit("tail:subscribe", subscription, (err, result) => {
        if (disposed) return;
        if (err) {
          // A busy server may answer late: ask again rather than ignore its batches for good.
          setRefusal("the server is slow to answer; retrying");
          retry = window.setTimeout(subscribe, RETRY_MS);
        } else if (!result.ok) setRefusal(result.error);
        else {
          acked = true;
          setRefusal(null);
        }
      });
    };
    const flush = () => {
      const state = queryClient.getQueryData<TailState>(key);
      if (buffer.length === 0 && dropped === 0 && !state?.drops.length) return;
      const action = { type: "batch", events: buffer, dropped, at: Date.now() } as const;
      buffer = [];
      dropped = 0;
      // Before the backfill lands there is no state yet; live events then start it (the backfill merges in).
      if (!state && action.events.length === 0) return;
      queryClient.setQueryData<TailState>(key, (current) => tailReducer(current ?? emptyTail(), action));
    };

    socket.on("tail:batch", onBatch);
    socket.on("connect", subscribe);
    if (socket.connected) subscribe();
    const timer = window.setInterval(flush, FLUSH_MS);
    return () => {
      disposed = true;
      window.clearTimeout(retry);
      window.clearInterval(timer);
      socket.off("tail:batch", onBatch);
      socket.off("connect", subscribe);
      socket.emit("tail:unsubscribe");
    };
  }, [socket, queryClient, filter]);

  return refusal;
}
