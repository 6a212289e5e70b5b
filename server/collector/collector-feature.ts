/**
 * The event pipeline: Kafka → collector → index + live tail hub + throughput counters. Publishes the index
 * ("index"), the collector ("collector") and the counters ("rates") for the other features.
 */
import type { EventRecord } from "@/lib/model/event";
import type { Feature } from "@/server/feature";
import { RateWindow } from "@/lib/flows/rate-window";
import { produceEdgeId } from "@/lib/flows/build-graph";
import { startCollector } from "@/server/collector/collector";
import { registerEventRoutes } from "@/server/http/events-routes";
import { MemoryEventStore } from "@/server/index/memory-event-store";
import { registerTailSockets } from "@/server/live/tail-sockets";
import { TailHub } from "@/server/live/tail-hub";

export const REGISTRY = { index: "index", collector: "collector", rates: "rates", events: "events" } as const;

/** Lets other features react to each newly indexed event (e.g. a watched trace grew). */
export interface EventFeed {
  subscribe(listener: (event: EventRecord) => void): () => void;
}

/** Throughput per topic and per produce edge, counted as records are read. */
export interface StreamRates {
  topics: RateWindow;
  produceEdges: RateWindow;
}

export const collectorFeature: Feature = {
  name: "collector",
  async start(ctx) {
    const index = new MemoryEventStore(ctx.config.indexMemoryBytes);
    const hub = new TailHub();
    const rates: StreamRates = { topics: new RateWindow(10), produceEdges: new RateWindow(10) };
    const listeners = new Set<(event: EventRecord) => void>();
    const feed: EventFeed = {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const collector = await startCollector({
      config: ctx.config,
      logger: ctx.logger,
      onEvent(event) {
        const now = Date.now();
        rates.topics.record(event.topic, event.size, now);
        if (event.service)
          rates.produceEdges.record(produceEdgeId(event.service, event.topic), event.size, now);
        if (!index.add(event)) return;
        hub.publish(event);
        for (const listener of listeners) listener(event);
      },
    });
    ctx.registry.set(REGISTRY.index, index);
    ctx.registry.set(REGISTRY.collector, collector);
    ctx.registry.set(REGISTRY.rates, rates);
    ctx.registry.set(REGISTRY.events, feed);
    registerEventRoutes(ctx.router, index);
    const detach = registerTailSockets(ctx.io, hub);
    return {
      async stop() {
        detach();
        hub.stop();
        await collector.stop();
      },
    };
  },
};
