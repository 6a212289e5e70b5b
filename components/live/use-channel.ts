"use client";

/**
 * The one way a view joins a live channel: join while mounted (again after every reconnect, since the
 * server forgets a socket's joins when it disconnects), listen to the channel's pushes, leave on unmount.
 * A join the server does not answer in time is retried; a refused one is reported, not retried.
 */
import { useEffect, useRef } from "react";
import type { ChannelName, ChannelReplies, ChannelRequestOf } from "@/lib/live/contract-channels";
import type { ServerToClientEvents } from "@/lib/live/socket-contract";
import { type LiveSocket, useLiveSocket } from "@/components/live/live-socket-provider";

const ACK_TIMEOUT_MS = 5_000;
const RETRY_MS = 2_000;

export interface ChannelListener<N extends ChannelName> {
  /** Handlers of the server's pushes for this view. The set of event names is read once per join. */
  on?: Partial<ServerToClientEvents>;
  /** The server accepted the join; `rejoined` after a reconnect, when pushes may have been missed. */
  onJoin?: (reply: ChannelReplies[N], rejoined: boolean) => void;
  /** Why live updates are not flowing: refused, or the server is slow to answer (then it retries). */
  onRefused?: (reason: string) => void;
}

/**
 * Joins `request` (null: nothing) while mounted. The request is compared by value, so a new object with the
 * same fields does not re-join; the listener may change on every render (the latest one is called).
 */
export function useChannel<N extends ChannelName>(
  request: ChannelRequestOf<N> | null,
  listener: ChannelListener<N>,
): void {
  const socket = useLiveSocket();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  const requestKey = request === null ? null : JSON.stringify(request);

  useEffect(() => {
    if (!socket || requestKey === null) return;
    return joinChannel(socket, JSON.parse(requestKey) as ChannelRequestOf<N>, latest);
  }, [socket, requestKey]);
}

function joinChannel<N extends ChannelName>(
  socket: LiveSocket,
  request: ChannelRequestOf<N>,
  latest: { current: ChannelListener<N> },
): () => void {
  let disposed = false;
  let joinedBefore = false;
  let retry: number | undefined;
  const join = () => {
    window.clearTimeout(retry);
    socket.timeout(ACK_TIMEOUT_MS).emit("channel:join", request, (err, result) => {
      if (disposed) return;
      if (err) {
        latest.current.onRefused?.("the server is slow to answer; retrying");
        retry = window.setTimeout(join, RETRY_MS);
      } else if (!result.ok) latest.current.onRefused?.(result.error);
      else {
        latest.current.onJoin?.(result.reply as ChannelReplies[N], joinedBefore);
        joinedBefore = true;
      }
    });
  };
  // Stable wrappers, so the latest handlers run without re-registering them on every render.
  const handlers = Object.keys(latest.current.on ?? {}).map((event) => {
    const name = event as keyof ServerToClientEvents;
    const handler = (...args: unknown[]) =>
      (latest.current.on?.[name] as ((...a: unknown[]) => void) | undefined)?.(...args);
    socket.on(name, handler as never);
    return () => socket.off(name, handler as never);
  });
  socket.on("connect", join);
  // Only when connected: socket.io would buffer the emit and send it again next to the one on connect.
  if (socket.connected) join();
  return () => {
    disposed = true;
    window.clearTimeout(retry);
    socket.off("connect", join);
    for (const off of handlers) off();
    // A disconnected socket has no joins left on the server.
    if (socket.connected) socket.emit("channel:leave", request);
  };
}
