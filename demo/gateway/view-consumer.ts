/**
 * Feeds the gateway's order view from orders.events, payments.events and inventory.events (group
 * gateway). The view lives in memory, so each start replays the last `viewLookbackMs` of events: on the
 * first join every assigned partition is moved to the first offset written since then. Later rejoins
 * (a rebalance, a restarted consumer) carry on from the committed offsets.
 */
import type { Consumer } from "kafkajs";
import { z } from "zod";
import type { DemoConfig } from "../config";
import type { ServiceKit } from "../service-kit";
import type { OrderViews, ViewEvent } from "./order-view";

const viewDataSchema = z.object({
  customerId: z.string().optional(),
  amount: z.number().optional(),
  reason: z.string().optional(),
});

/** The details the view shows; an unreadable value loses only those, the type still moves the status. */
function viewData(value: Buffer | null): ViewEvent["data"] {
  try {
    const result = viewDataSchema.safeParse(JSON.parse(value?.toString("utf8") ?? ""));
    return result.success ? result.data : {};
  } catch {
    return {};
  }
}

async function offsetsSince(kit: ServiceKit, topics: string[], since: number): Promise<Map<string, string>> {
  const admin = kit.kafka.admin();
  await admin.connect();
  try {
    const offsets = new Map<string, string>();
    for (const topic of topics) {
      for (const { partition, offset } of await admin.fetchTopicOffsetsByTimestamp(topic, since)) {
        offsets.set(`${topic}/${partition}`, offset);
      }
    }
    return offsets;
  } finally {
    await admin.disconnect();
  }
}

function seekOnFirstJoin(consumer: Consumer, startAt: Map<string, string>): void {
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    if (joined) return;
    joined = true;
    for (const [topic, partitions] of Object.entries(payload.memberAssignment)) {
      for (const partition of partitions) {
        const offset = startAt.get(`${topic}/${partition}`);
        if (offset !== undefined) consumer.seek({ topic, partition, offset });
      }
    }
  });
}

export async function consumeIntoView(kit: ServiceKit, config: DemoConfig, views: OrderViews): Promise<void> {
  const { ordersEvents, paymentsEvents, inventoryEvents } = config.topics;
  const topics = [ordersEvents, paymentsEvents, inventoryEvents];
  const startAt = await offsetsSince(kit, topics, Date.now() - config.viewLookbackMs);
  await kit.consume({
    groupId: config.groups.gateway,
    topics,
    beforeRun: (consumer) => seekOnFirstJoin(consumer, startAt),
    handle: async (message) => {
      const { type, source, traceId } = message.context;
      if (!type || !message.key) return;
      views.apply({
        orderId: message.key,
        type,
        source,
        traceId,
        at: new Date(Number(message.timestamp)),
        data: viewData(message.value),
      });
    },
  });
}
