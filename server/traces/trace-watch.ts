/**
 * The `trace` channel: a trace page joins it for the trace it shows and is told when that trace grows.
 * Only ids someone watches cost anything per stored event. Each socket may watch a few traces at once (a
 * trace page watches one), and leaving — or disconnecting — gives its watches back, so the set of watched
 * ids stays as small as the set of open trace pages.
 */
import type { EventSummary } from "@/lib/model/event";
import type { LiveServer } from "@/server/live/socket-server";

/** At most one "changed" notice per trace per this interval: a busy trace must not flood its viewers. */
const NOTIFY_MS = 500;
/** Traces one socket may watch at once; further joins are refused. */
export const MAX_WATCHES_PER_SOCKET = 20;

const room = (traceId: string) => `trace:${traceId}`;

export interface TraceWatch {
  /** Newly stored events: the watched traces among them are told, once per NOTIFY_MS. */
  eventsStored(events: readonly EventSummary[]): void;
  stop(): void;
}

export function createTraceWatch(io: LiveServer): TraceWatch {
  const watchers = new Map<string, number>();
  const pending = new Map<string, NodeJS.Timeout>();
  const undefine = io.channels.define("trace", {
    maxPerSocket: MAX_WATCHES_PER_SOCKET,
    room: ({ traceId }) => room(traceId),
    join: (_socket, { traceId }) => {
      watchers.set(traceId, (watchers.get(traceId) ?? 0) + 1);
      return {};
    },
    leave: (_socket, { traceId }) => {
      const n = (watchers.get(traceId) ?? 1) - 1;
      if (n <= 0) watchers.delete(traceId);
      else watchers.set(traceId, n);
    },
  });

  return {
    eventsStored(events) {
      if (watchers.size === 0) return;
      for (const event of events) {
        for (const key of [event.traceId, event.correlationId, event.originTraceId]) {
          if (!key || !watchers.has(key) || pending.has(key)) continue;
          pending.set(
            key,
            setTimeout(() => {
              pending.delete(key);
              io.to(room(key)).emit("trace:changed", { traceId: key });
            }, NOTIFY_MS),
          );
        }
      }
    },
    stop() {
      undefine();
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
    },
  };
}
