/**
 * order-service: turns PlaceOrder commands into orders, and payment and stock outcomes into confirmation
 * or cancellation. Consumes orders.commands, payments.events and inventory.events (group order-service);
 * publishes OrderPlaced / OrderConfirmed / OrderCancelled to orders.events through its event bus.
 */
import { SERVICES } from "../config";
import type { ConsumedMessage } from "../messaging/consumer";
import { childOrigin, type MessageContext } from "../messaging/envelope";
import { type RunningService, type ServiceDeps, startServiceKit } from "../service-kit";
import { EventBus } from "./event-bus";
import { type DomainEvent, Order } from "./order";
import { OrderRepository } from "./repository";

export async function startOrderService(deps: ServiceDeps): Promise<RunningService> {
  const { config, stats } = deps;
  const kit = await startServiceKit(SERVICES.order, deps);
  const bus = new EventBus<DomainEvent, MessageContext>();
  bus.subscribe(async (event, cause) => {
    await kit.publisher.publish({
      topic: config.topics.ordersEvents,
      key: event.data.orderId,
      type: event.type,
      data: event.data,
      origin: childOrigin(cause, event.data.orderId),
    });
    stats.count(event.type);
  });
  const orders = new OrderRepository(bus);

  /** Applies a change to a known order and commits it; an unknown order id is logged and skipped. */
  const update = async (message: ConsumedMessage, orderId: string, change: (order: Order) => void) => {
    const order = orders.get(orderId);
    if (!order) {
      kit.logger.debug({ traceId: message.context.traceId, orderId }, "event for an unknown order, skipped");
      return;
    }
    change(order);
    await orders.save(order, message.context);
  };

  const handle = async (message: ConsumedMessage): Promise<void> => {
    // Events an earlier failed publish left in this order's outbox go out first (the key is the order id).
    if (message.key) await orders.flush(message.key);
    switch (message.context.type) {
      case "PlaceOrder": {
        const command = kit.read("PlaceOrder", message);
        // A redelivered command finds its order already placed: nothing to do (idempotent).
        if (command && !orders.get(command.orderId)) await orders.save(Order.place(command), message.context);
        break;
      }
      case "PaymentAuthorized": {
        const event = kit.read("PaymentAuthorized", message);
        if (event) await update(message, event.orderId, (o) => o.paymentAuthorized(event.paymentId));
        break;
      }
      case "PaymentDeclined": {
        const event = kit.read("PaymentDeclined", message);
        if (event) await update(message, event.orderId, (o) => o.reject(`payment declined: ${event.reason}`));
        break;
      }
      case "StockReserved": {
        const event = kit.read("StockReserved", message);
        if (event) await update(message, event.orderId, (o) => o.stockReserved(event.reservationId));
        break;
      }
      case "OutOfStock": {
        const event = kit.read("OutOfStock", message);
        if (event) await update(message, event.orderId, (o) => o.reject(`out of stock: ${event.sku}`));
        break;
      }
    }
  };

  await kit.consume({
    groupId: config.groups.order,
    topics: [config.topics.ordersCommands, config.topics.paymentsEvents, config.topics.inventoryEvents],
    handle,
  });
  return kit;
}
