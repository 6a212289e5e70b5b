"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { type EventFilter, eventsRoute } from "@/lib/api/events";
import { callApi } from "@/components/api/call-api";
import { queryKeys } from "@/components/live/query-keys";
import { paramsWithFilter } from "@/components/events/filter-params";
import { type TailState, emptyTail, tailReducer } from "@/components/events/tail-reducer";
import { useTailSubscription } from "@/components/events/use-tail-subscription";

/** How much history fills the tail before live events arrive. */
const BACKFILL_LIMIT = 200;

export interface LiveTail {
  state: TailState | undefined;
  isLoading: boolean;
  /** The backfill failed and nothing live arrived either. */
  error: Error | null;
  /** The server refused or ignored the live subscription. */
  refusal: string | null;
  pause: () => void;
  resume: () => void;
  /** The pointer entered / left the list (see the reducer's "hold"). */
  hold: () => void;
  release: () => void;
}

/**
 * The live tail for one filter. Its state is one query-cache entry: the query function backfills recent
 * history from `GET /api/events`, the socket subscription appends live batches, pause/resume dispatch
 * into the same reducer. No component holds a copy of the rows.
 */
export function useLiveTail(filter: EventFilter): LiveTail {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.tail(filter),
    queryFn: async ({ signal }) => {
      const query = { ...Object.fromEntries(paramsWithFilter("", filter)), limit: BACKFILL_LIMIT };
      const { events } = await callApi(eventsRoute, { query, signal });
      // Live batches may have started the state while this request was in flight: merge, do not replace.
      const current = queryClient.getQueryData<TailState>(queryKeys.tail(filter)) ?? emptyTail();
      return tailReducer(current, { type: "backfill", events });
    },
    // Kept current by the socket; a refetch would only repeat the backfill.
    staleTime: Infinity,
    gcTime: 30_000,
    refetchOnReconnect: false,
    // Deep-comparing thousands of events five times a second buys nothing: the reducer already returns
    // the same object when nothing changed.
    structuralSharing: false,
  });
  const refusal = useTailSubscription(filter);

  const dispatch = useCallback(
    (type: "pause" | "resume" | "hold" | "release") =>
      queryClient.setQueryData<TailState>(queryKeys.tail(filter), (state) =>
        tailReducer(state ?? emptyTail(), { type }),
      ),
    [filter, queryClient],
  );
  const pause = useCallback(() => dispatch("pause"), [dispatch]);
  const resume = useCallback(() => dispatch("resume"), [dispatch]);
  const hold = useCallback(() => dispatch("hold"), [dispatch]);
  const release = useCallback(() => dispatch("release"), [dispatch]);

  return {
    state: query.data,
    isLoading: query.isPending,
    error: query.data ? null : query.error,
    refusal,
    pause,
    resume,
    hold,
    release,
  };
}
