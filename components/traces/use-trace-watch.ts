"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { queryKeys } from "@/components/live/query-keys";
import { useChannel } from "@/components/live/use-channel";

/** Changes arriving within this window become one refetch. */
const COALESCE_MS = 150;
/** A refetch already running may have read the index before the change: look again after it. */
const BUSY_RETRY_MS = 250;

/**
 * Keeps the shown trace growing: joins the `trace` channel of `watchId` (again after every reconnect, when
 * it also refetches what it may have missed), and on `trace:changed` invalidates the trace query of
 * `queryId` so it refetches. The trace itself stays in the query cache only; nothing is copied here.
 * `watchId` is null until the trace is known (the server names traces by their resolved id).
 */
export function useTraceWatch(queryId: string, watchId: string | null): void {
  const queryClient = useQueryClient();
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    const pending = timer;
    return () => {
      window.clearTimeout(pending.current);
      pending.current = undefined;
    };
  }, [queryId]);

  const schedule = (delay: number) => {
    if (timer.current !== undefined) return;
    const queryKey = queryKeys.trace(queryId);
    const refresh = () => {
      timer.current = undefined;
      if (queryClient.isFetching({ queryKey, exact: true }) > 0) {
        timer.current = window.setTimeout(refresh, BUSY_RETRY_MS);
        return;
      }
      void queryClient.invalidateQueries({ queryKey, exact: true });
    };
    timer.current = window.setTimeout(refresh, delay);
  };

  useChannel(watchId === null ? null : { channel: "trace", traceId: watchId }, {
    on: {
      "trace:changed": (change) => {
        if (change.traceId === watchId) schedule(COALESCE_MS);
      },
    },
    onJoin: (_reply, rejoined) => {
      if (rejoined) schedule(0);
    },
  });
}
