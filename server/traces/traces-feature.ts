/** `GET /api/traces`, `GET /api/traces/:id` and live "trace changed" notices for watched traces. */
import { traceRoute, tracesRoute } from "@/lib/api/traces";
import { isDlqTopicName } from "@/lib/dlq";
import type { Pipeline } from "@/server/collector/collector-feature";
import type { Feature } from "@/server/feature";
import type { LagService } from "@/server/lag/service";
import type { LiveSocket } from "@/server/live/socket-server";
import { createTraceService } from "@/server/traces/trace-service";

const room = (traceId: string) => `trace:${traceId}`;
/** At most one "changed" notice per trace per this interval: a busy trace must not flood its viewers. */
const NOTIFY_MS = 500;
/** Traces one socket may watch at once; further watches are ignored. */
export const MAX_WATCHES_PER_SOCKET = 20;

/** Without the lag feature, hops show no consumption times. */
export const tracesFeature: Feature<{ pipeline: Pipeline; lag: LagService | null }> = {
  name: "traces",
  start(ctx, { pipeline: { store, feed }, lag }) {
    const service = createTraceService({
      store,
      consumption: () => lag?.consumptionHistory() ?? [],
      isOwnGroup: (g) => g.startsWith(`${ctx.config.kafka.clientId}-`),
      isDlqTopic: (t) => isDlqTopicName(t, ctx.config.dlq.patterns),
    });

    ctx.router.route(tracesRoute, ({ query }) => ({
      ...service.listRecent(query),
      window: store.stats().window,
    }));
    // The id arrives trimmed and 1–512 characters long (the contract's schema).
    ctx.router.route(traceRoute, ({ params }) => service.getTrace(params.id));

    // Watchers join a room per trace id; only ids someone watches cost anything per event. Each socket
    // may watch a few traces at once (a trace page watches one), and leaving — or disconnecting — gives
    // its watches back, so the set of watched ids stays as small as the set of open trace pages.
    const watched = new Map<string, number>();
    const pending = new Map<string, NodeJS.Timeout>();
    const unwatch = (traceId: string) => {
      const n = (watched.get(traceId) ?? 1) - 1;
      if (n <= 0) watched.delete(traceId);
      else watched.set(traceId, n);
    };
    const onConnection = (socket: LiveSocket) => {
      const mine = new Set<string>();
      socket.on("trace:watch", (traceId) => {
        if (typeof traceId !== "string" || traceId.length === 0 || traceId.length > 512) return;
        if (mine.has(traceId) || mine.size >= MAX_WATCHES_PER_SOCKET) return;
        mine.add(traceId);
        void socket.join(room(traceId));
        watched.set(traceId, (watched.get(traceId) ?? 0) + 1);
      });
      socket.on("trace:unwatch", (traceId) => {
        if (typeof traceId !== "string" || !mine.delete(traceId)) return;
        void socket.leave(room(traceId));
        unwatch(traceId);
      });
      socket.on("disconnect", () => {
        for (const traceId of mine) unwatch(traceId);
        mine.clear();
      });
    };
    ctx.io.on("connection", onConnection);
    const unsubscribe = feed.subscribe((events) => {
      service.eventsStored(events);
      if (watched.size === 0) return;
      for (const event of events) {
        for (const key of [event.traceId, event.correlationId, event.originTraceId]) {
          if (!key || !watched.has(key) || pending.has(key)) continue;
          pending.set(
            key,
            setTimeout(() => {
              pending.delete(key);
              ctx.io.to(room(key)).emit("trace:changed", { traceId: key });
            }, NOTIFY_MS),
          );
        }
      }
    });

    return {
      async stop() {
        unsubscribe();
        ctx.io.off("connection", onConnection);
        for (const t of pending.values()) clearTimeout(t);
      },
    };
  },
};
