/**
 * Holds orders and commits their changes. `save` first stores the new state, then appends the recorded
 * events to the order's outbox; `flush` hands them to the event bus and drops each one once published.
 * If publishing fails, the events stay in the outbox and the next flush of that order (its redelivered
 * message's) sends them: the events follow the committed state even across failures.
 * Each order's events go out one at a time in commit order; different orders do not wait for each other.
 */
import { BoundedMap } from "../bounded-map";
import type { MessageContext } from "../messaging/envelope";
import type { EventBus } from "./event-bus";
import type { DomainEvent, Order } from "./order";

interface OutboxEntry {
  event: DomainEvent;
  cause: MessageContext;
}

export class OrderRepository {
  readonly #orders: BoundedMap<string, Order>;
  readonly #outbox = new Map<string, OutboxEntry[]>();
  readonly #flushing = new Map<string, Promise<void>>();

  constructor(
    private readonly bus: EventBus<DomainEvent, MessageContext>,
    maxOrders = 100_000,
  ) {
    this.#orders = new BoundedMap(maxOrders);
  }

  get(orderId: string): Order | undefined {
    return this.#orders.get(orderId);
  }

  /** Commits the order's state and queues its recorded events; then publishes what the order has queued. */
  async save(order: Order, cause: MessageContext): Promise<void> {
    this.#orders.set(order.orderId, order);
    const events = order.pullEvents().map((event) => ({ event, cause }));
    if (events.length > 0)
      this.#outbox.set(order.orderId, [...(this.#outbox.get(order.orderId) ?? []), ...events]);
    await this.flush(order.orderId);
  }

  /** Publishes the order's queued events (flushes of one order never overlap). */
  flush(orderId: string): Promise<void> {
    const previous = this.#flushing.get(orderId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const queue = this.#outbox.get(orderId) ?? [];
        while (queue.length > 0) {
          const entry = queue[0] as OutboxEntry;
          await this.bus.publish(entry.event, entry.cause);
          queue.shift();
        }
        this.#outbox.delete(orderId);
      })
      .finally(() => {
        if (this.#flushing.get(orderId) === next) this.#flushing.delete(orderId);
      });
    this.#flushing.set(orderId, next);
    return next;
  }
}
