/**
 * The event pipeline: Kafka → collector → store (batched writes) + live tail hub + throughput counters.
 * Offers the store, the collector, the counters and the feed of stored events to the other features.
 */
import { produceEdgeId } from "@/lib/flows/build-graph";
import { RateWindow } from "@/lib/flows/rate-window";
import { ingestOptions } from "@/lib/ingest/ingest-options";
import type { EventSummary } from "@/lib/model/event";
import { type Collector, startCollector } from "@/server/collector/collector";
import type { Feature, ServingFeature } from "@/server/feature";
import { registerEventRoutes } from "@/server/http/events-routes";
import { schemaRegistryFor } from "@/server/schema-registry";
import { shareTail } from "@/server/live/shared-tail";
import { TailHub } from "@/server/live/tail-hub";
import { registerTailSockets } from "@/server/live/tail-sockets";
import type { EventStore } from "@/server/store/event-store";
import { openEventStoreFor } from "@/server/store/open-store";
import { StoreWriter } from "@/server/store/store-writer";

/** Lets other features react to newly stored events (e.g. a watched trace grew). */
export interface EventFeed {
  subscribe(listener: (events: readonly EventSummary[]) => void): () => void;
}

/** Throughput per topic and per produce edge, counted as records are read. */
export interface StreamRates {
  topics: RateWindow;
  produceEdges: RateWindow;
}

/** What the pipeline offers the features built on it. */
export interface Pipeline {
  store: EventStore;
  collector: Collector;
  rates: StreamRates;
  feed: EventFeed;
}

/** Retention runs this often, a bounded step each time (see server/store/sqlite/retention.ts). */
const RETENTION_MS = 1_000;

export const collectorFeature: Feature<object, ServingFeature<Pipeline>> = {
  name: "collector",
  async start(ctx) {
    const log = ctx.logger.child({ component: "store" });
    // Which cluster this is decides whether the stored positions still mean anything (null: not known yet).
    const { clusterId } = await ctx.brokerMonitor.checkNow();
    const store = await openEventStoreFor(ctx.config.store, clusterId, log);
    const options = ingestOptions(ctx.config.dlq.patterns, schemaRegistryFor(ctx.config, ctx.logger));
    // The memory budget's share for events waiting to be stored; beyond it the collector reads no further.
    const writer = new StoreWriter(store, log, ctx.config.memory.backlogBytes);
    const hub = new TailHub();
    const tail = shareTail(ctx.io, hub, ctx.config.redisUrl !== null);
    const rates: StreamRates = { topics: new RateWindow(10), produceEdges: new RateWindow(10) };
    const feed: EventFeed = { subscribe: (listener) => writer.onStored(listener) };
    const positions = store.positions();
    if (positions.size > 0) log.info({ partitions: positions.size }, "continuing from the stored positions");

    const collector = await startCollector({
      // History older than the retention would be evicted as soon as it was stored: never read it.
      config: { ...ctx.config, lookbackMs: Math.min(ctx.config.lookbackMs, ctx.config.store.retentionMs) },
      logger: ctx.logger,
      ingestOptions: options,
      positions,
      storedPositions: store.readPositions?.bind(store),
      onBatch(events, partitionKey, next) {
        const now = Date.now();
        for (const event of events) {
          const { topic, service, size } = event.summary;
          rates.topics.record(topic, size, now);
          if (service) rates.produceEdges.record(produceEdgeId(service, topic), size, now);
          tail.publish(event.summary);
        }
        return writer.push(events, partitionKey, next);
      },
    });
    const retention = setInterval(() => {
      store
        .enforceRetention(Date.now())
        .catch((error: unknown) => log.warn({ err: error }, "retention step failed; retrying"));
    }, RETENTION_MS);
    retention.unref();

    registerEventRoutes(ctx.router, store, options);
    const detach = registerTailSockets(ctx.io, hub);
    // Local: with several instances each browser hears the collector of the instance it is connected to.
    const unwatchState = collector.onStateChange((state) => ctx.io.local.emit("collector:state", state));
    return {
      service: { store, collector, rates, feed },
      async stop() {
        detach();
        unwatchState();
        tail.stop();
        hub.stop();
        clearInterval(retention);
        await collector.stop();
        await writer.stop();
        await store.close();
      },
    };
  },
};
