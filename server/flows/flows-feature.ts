/**
 * The shape of the system: `GET /api/topics`, `GET /api/flows`, and the 1 Hz `flows:stats` broadcast to
 * sockets on the Flows page. Aggregates are computed once per tick for everyone, not per client.
 */
import path from "node:path";
import { logLevel } from "kafkajs";
import { type FlowStats, flowsRoute, topicsRoute } from "@/lib/api/flows";
import { isDlqTopicName } from "@/lib/dlq";
import type { DlqService } from "@/server/dlq/dlq-service";
import { buildFlowGraph, consumeEdgeId } from "@/lib/flows/build-graph";
import type { Pipeline } from "@/server/collector/collector-feature";
import type { Feature } from "@/server/feature";
import { startFlowLatency } from "@/server/flows/flow-latency-service";
import { startGroupTopology } from "@/server/flows/group-topology";
import { registerLatencyRoutes } from "@/server/flows/latency-routes";
import { createKafka } from "@/server/kafka/client";
import type { LagService } from "@/server/lag/service";

const FLOWS_ROOM = "flows";

/**
 * Without the dead-letters feature, a topic is a DLQ by its name only; without the lag feature, consume
 * edges have no queue/processing split.
 */
export const flowsFeature: Feature<{ pipeline: Pipeline; dlq: DlqService | null; lag: LagService | null }> = {
  name: "flows",
  start(ctx, { pipeline: { store: index, collector, rates, feed }, dlq, lag }) {
    // One answer with /api/dlq: a topic is a DLQ by its name, or when the DLQ catalogue found dead-letter
    // headers in it.
    const isDlq = (topic: string) =>
      isDlqTopicName(topic, ctx.config.dlq.patterns) || (dlq?.isDlqTopic(topic) ?? false);
    const kafka = createKafka(ctx.config.kafka, ctx.logger, {
      clientId: `${ctx.config.kafka.clientId}-flows`,
      level: logLevel.NOTHING,
    });
    const topology = startGroupTopology(kafka, ctx.logger.child({ component: "group-topology" }), {
      intervalMs: 5_000,
      // Eventscope's own groups (collector, DLQ readers) are not part of the user's system.
      isOwnGroup: (g) => g.startsWith(`${ctx.config.kafka.clientId}-`),
    });

    const edgeRates = (now: number): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const [id, r] of rates.produceEdges.rates(now)) out[id] = r.perSec;
      for (const g of topology.current())
        if (g.ratePerSec !== null) out[consumeEdgeId(g.topic, g.group)] = g.ratePerSec;
      return out;
    };
    const latency = startFlowLatency({
      feed,
      groups: () => topology.current(),
      isDlqTopic: isDlq,
      edgeRates,
      lag,
      // The embedded store's directory belongs to this process (it is locked); a memory or PostgreSQL
      // store has no such place, and there the windows start empty after a restart.
      saveFile:
        ctx.config.store.backend === "embedded"
          ? path.join(ctx.config.store.dataDir, "flow-latency.json")
          : null,
      logger: ctx.logger.child({ component: "flow-latency" }),
    });
    registerLatencyRoutes(ctx.router, latency);

    ctx.router.route(topicsRoute, async () => {
      const now = Date.now();
      const topicRates = rates.topics.rates(now);
      const counts = await index.topicCounts();
      const lastSeen = new Map<string, number>();
      for (const e of (await index.recent({}, 2_000)).items)
        if (!lastSeen.has(e.topic)) lastSeen.set(e.topic, e.timestamp);
      const topics = [...collector.topics()].map(([name, partitions]) => ({
        name,
        partitions,
        messagesPerSec: topicRates.get(name)?.perSec ?? 0,
        bytesPerSec: topicRates.get(name)?.bytesPerSec ?? 0,
        isDlq: isDlq(name),
        indexedEvents: counts.get(name) ?? 0,
        lastEventAt: lastSeen.get(name) ?? null,
      }));
      return { topics: topics.sort((a, b) => a.name.localeCompare(b.name)) };
    });

    ctx.router.route(flowsRoute, async ({ query }) => {
      const now = Date.now();
      const producers = await index.producerPairs();
      // Scrubbed back (`at`), rates and latency are both those of that moment.
      const past = latency.graph(query.window, latency.windowEnd(query.at, now), now);
      const graph = buildFlowGraph({
        topics: [...collector.topics().keys()].map((name) => ({
          name,
          isDlq: isDlq(name),
        })),
        producers: [...producers.values()],
        consumers: topology.current(),
        edgeRates: past.rates ?? edgeRates(now),
        now,
      });
      return { ...graph, latency: past.latency };
    });

    const undefine = ctx.io.channels.define("flows", {
      maxPerSocket: 1,
      room: () => FLOWS_ROOM,
      join: () => ({}),
    });

    const ticker = setInterval(() => {
      const now = Date.now();
      const topicRates: Record<string, number> = {};
      let totalRate = 0;
      for (const [topic, r] of rates.topics.rates(now)) {
        topicRates[topic] = r.perSec;
        totalRate += r.perSec;
      }
      const stats: FlowStats = { at: now, topicRates, edgeRates: edgeRates(now), totalRate };
      // This instance's own rates, to its own sockets: with Redis, every instance's would reach every browser.
      ctx.io.local.to(FLOWS_ROOM).emit("flows:stats", stats);
    }, 1_000);
    ticker.unref();

    return {
      async stop() {
        clearInterval(ticker);
        await latency.stop();
        undefine();
        await topology.stop();
      },
    };
  },
};
