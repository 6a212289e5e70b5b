"use client";

/**
 * Owns the one socket.io connection of the tab. Server data that arrives over the socket is written into
 * the TanStack Query cache (never into component state), so pages read live and fetched data the same way.
 * The connection's own state (connecting / connected / reconnecting) is UI state and lives here.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/live/socket-contract";
import type { BrokerStatus, CollectorRunState } from "@/lib/model/status";
import { queryKeys } from "@/components/live/query-keys";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SocketState = "connecting" | "connected" | "reconnecting";

interface LiveContextValue {
  socket: LiveSocket;
  subscribe: (onChange: () => void) => () => void;
  getState: () => SocketState;
}

const LiveContext = createContext<LiveContextValue | null>(null);

/** Creates the socket (not yet connected) and the small store that tracks its connection state. */
function createLiveConnection(): LiveContextValue {
  const socket: LiveSocket = io({
    transports: ["websocket"],
    reconnectionDelayMax: 2_000,
    autoConnect: false,
  });
  let state: SocketState = "connecting";
  const listeners = new Set<() => void>();
  const setState = (next: SocketState) => {
    state = next;
    for (const l of listeners) l();
  };
  socket.on("connect", () => setState("connected"));
  socket.on("disconnect", () => setState("reconnecting"));
  socket.io.on("reconnect_attempt", () => setState("reconnecting"));
  return {
    socket,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getState: () => state,
  };
}

export function LiveSocketProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  // Created once per tab; connecting is the effect's job so server rendering never opens a socket.
  const [connection] = useState(createLiveConnection);

  useEffect(() => {
    const { socket } = connection;
    const onStatus = (status: BrokerStatus) => queryClient.setQueryData(queryKeys.brokerStatus, status);
    const onCollector = (state: CollectorRunState) =>
      queryClient.setQueryData(queryKeys.collectorState, state);
    // Pushes only say what changed: after a (re)connect, the state is read afresh in case one was missed.
    const onConnect = () => void queryClient.invalidateQueries({ queryKey: queryKeys.collectorState });
    socket.on("broker:status", onStatus);
    socket.on("collector:state", onCollector);
    socket.on("connect", onConnect);
    socket.connect();
    return () => {
      socket.off("broker:status", onStatus);
      socket.off("collector:state", onCollector);
      socket.off("connect", onConnect);
      socket.disconnect();
    };
  }, [connection, queryClient]);

  return <LiveContext.Provider value={connection}>{children}</LiveContext.Provider>;
}

const noopSubscribe = () => () => undefined;

/** The socket's connection state; "connecting" until the provider has mounted. */
export function useSocketState(): SocketState {
  const ctx = useContext(LiveContext);
  return useSyncExternalStore(
    ctx?.subscribe ?? noopSubscribe,
    () => ctx?.getState() ?? "connecting",
    () => "connecting",
  );
}

export function useLiveSocket(): LiveSocket | null {
  return useContext(LiveContext)?.socket ?? null;
}
