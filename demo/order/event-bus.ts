/**
 * The order-service's in-process event bus: committed domain events go to every subscriber, in order.
 * Publishing to Kafka is one subscriber; others (metrics, a local projection) can join without the
 * aggregate knowing.
 */
export type Subscriber<E, C> = (event: E, cause: C) => Promise<void>;

export class EventBus<E, C> {
  readonly #subscribers: Subscriber<E, C>[] = [];

  subscribe(subscriber: Subscriber<E, C>): void {
    this.#subscribers.push(subscriber);
  }

  async publish(event: E, cause: C): Promise<void> {
    for (const subscriber of this.#subscribers) await subscriber(event, cause);
  }
}
