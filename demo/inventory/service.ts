/**
 * inventory-service: reserves stock for each OrderPlaced (orders.events, group inventory-service) and
 * answers StockReserved / OutOfStock on inventory.events; releases the stock of cancelled orders.
 * The control endpoint can pause it (its lag grows; resuming drains it) or slow each message down.
 */
import { BoundedMap } from "../bounded-map";
import { catalog } from "../catalog";
import { SERVICES } from "../config";
import type { ConsumedMessage } from "../messaging/consumer";
import { childOrigin } from "../messaging/envelope";
import { sleep } from "../messaging/timeout";
import { type RunningService, type ServiceDeps, startServiceKit } from "../service-kit";
import { Stock } from "./stock";

export async function startInventoryService(deps: ServiceDeps): Promise<RunningService> {
  const { config, control, stats } = deps;
  const kit = await startServiceKit(SERVICES.inventory, deps);
  const stock = new Stock(catalog);
  // Orders whose outcome was published: a redelivered or re-driven OrderPlaced changes nothing.
  const announced = new BoundedMap<string, true>(100_000);
  const publish = (message: ConsumedMessage, orderId: string, type: string, data: unknown) =>
    kit.publisher.publish({
      topic: config.topics.inventoryEvents,
      key: orderId,
      type,
      data,
      origin: childOrigin(message.context, orderId),
    });

  const onOrderPlaced = async (message: ConsumedMessage, signal: AbortSignal) => {
    const order = kit.read("OrderPlaced", message);
    if (!order || announced.has(order.orderId)) return;
    const delay = control.state.inventoryDelayMs;
    if (delay > 0) await sleep(delay, signal); // the injected slowness: a slow warehouse system
    const outcome = stock.outcome(order.orderId) ?? stock.reserve(order.orderId, order.items);
    if (outcome.reserved) {
      const { reservationId, items } = outcome;
      await publish(message, order.orderId, "StockReserved", {
        orderId: order.orderId,
        reservationId,
        items,
      });
    } else {
      const { sku, requested, available } = outcome;
      await publish(message, order.orderId, "OutOfStock", {
        orderId: order.orderId,
        sku,
        requested,
        available,
      });
    }
    announced.set(order.orderId, true);
    stats.count(outcome.reserved ? "StockReserved" : "OutOfStock");
  };

  const onOrderCancelled = async (message: ConsumedMessage) => {
    const cancelled = kit.read("OrderCancelled", message);
    const reservation = cancelled && stock.releasable(cancelled.orderId);
    if (!cancelled || !reservation) return;
    const { reservationId } = reservation;
    await publish(message, cancelled.orderId, "StockReleased", { orderId: cancelled.orderId, reservationId });
    stock.release(cancelled.orderId);
    stats.count("StockReleased");
  };

  const consumer = await kit.consume({
    groupId: config.groups.inventory,
    topics: [config.topics.ordersEvents],
    isHeld: () => control.state.inventoryPaused,
    // Slowed down, it is a classic slow consumer: one message at a time, so its lag really grows.
    concurrency: () => (control.state.inventoryDelayMs > 0 ? 1 : 16),
    handle: async (message, signal) => {
      if (message.context.type === "OrderPlaced") await onOrderPlaced(message, signal);
      else if (message.context.type === "OrderCancelled") await onOrderCancelled(message);
    },
  });
  const unsubscribe = control.onChange((state, previous) => {
    if (state.inventoryPaused === previous.inventoryPaused) return;
    consumer.refreshHold();
    kit.logger.info(state.inventoryPaused ? "inventory-service paused" : "inventory-service resumed");
  });
  return {
    name: kit.name,
    async stop() {
      unsubscribe();
      await kit.stop();
    },
  };
}
