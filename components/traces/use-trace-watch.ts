"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useLiveSocket } from "@/components/live/live-socket-provider";
import { queryKeys } from "@/components/live/query-keys";

/** Changes arriving within this window become one refetch. */
const COALESCE_MS = 150;
/** A refetch already running may have read the index before the change: look again after it. */
const BUSY_RETRY_MS = 250;

/**
 * Keeps the shown trace growing: asks the server to watch `watchId` (again after every reconnect, when it
 * also refetches what it may have missed), and on `trace:changed` for it invalidates the trace query of
 * `queryId` so it refetches. The trace itself stays in the query cache only; nothing is copied here.
 * `watchId` is null until the trace is known (the server names traces by their resolved id).
 */
export function useTraceWatch(queryId: string, watchId: string | null): void {
  const socket = useLiveSocket();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!socket || !watchId) return;
    const queryKey = queryKeys.trace(queryId);
    let timer: number | undefined;
    let missed = false;

    const refresh = () => {
      timer = undefined;
      if (queryClient.isFetching({ queryKey, exact: true }) > 0) {
        timer = window.setTimeout(refresh, BUSY_RETRY_MS);
        return;
      }
      void queryClient.invalidateQueries({ queryKey, exact: true });
    };
    const schedule = (delay: number) => {
      if (timer === undefined) timer = window.setTimeout(refresh, delay);
    };
    const onChanged = (change: { traceId: string }) => {
      if (change.traceId === watchId) schedule(COALESCE_MS);
    };
    const onConnect = () => {
      socket.emit("trace:watch", watchId);
      if (missed) schedule(0);
      missed = false;
    };
    const onDisconnect = () => {
      missed = true;
    };

    socket.on("trace:changed", onChanged);
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    // Only when connected: socket.io would buffer the emit and send it again next to onConnect's.
    if (socket.connected) socket.emit("trace:watch", watchId);
    return () => {
      window.clearTimeout(timer);
      socket.off("trace:changed", onChanged);
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      if (socket.connected) socket.emit("trace:unwatch", watchId);
    };
  }, [socket, queryClient, queryId, watchId]);
}
