/**
 * The order aggregate. Its methods change state and *record* domain events; nothing is published from
 * here. The repository commits the new state first and only then hands the recorded events to the
 * event bus, so an event never announces a change that was not made.
 */
import type { EventData, LineItem } from "../contracts";

export type OrderStatus = "placed" | "confirmed" | "cancelled";

export type DomainEvent =
  | { type: "OrderPlaced"; data: EventData<"OrderPlaced"> }
  | { type: "OrderConfirmed"; data: EventData<"OrderConfirmed"> }
  | { type: "OrderCancelled"; data: EventData<"OrderCancelled"> };

export class Order {
  status: OrderStatus = "placed";
  paymentId: string | null = null;
  reservationId: string | null = null;
  #recorded: DomainEvent[] = [];

  private constructor(
    readonly orderId: string,
    readonly customerId: string,
    readonly items: LineItem[],
    readonly amount: number,
  ) {}

  static place(command: EventData<"PlaceOrder">): Order {
    const order = new Order(command.orderId, command.customerId, command.items, command.amount);
    order.#recorded.push({ type: "OrderPlaced", data: { ...command } });
    return order;
  }

  paymentAuthorized(paymentId: string): void {
    this.paymentId = paymentId;
    this.#confirmIfComplete();
  }

  stockReserved(reservationId: string): void {
    this.reservationId = reservationId;
    this.#confirmIfComplete();
  }

  /** A declined payment or missing stock ends the order; compensation is up to the other services. */
  reject(reason: string): void {
    if (this.status !== "placed") return;
    this.status = "cancelled";
    this.#recorded.push({
      type: "OrderCancelled",
      data: { orderId: this.orderId, customerId: this.customerId, reason },
    });
  }

  /** The events recorded since the last call (the repository takes them when it commits). */
  pullEvents(): DomainEvent[] {
    const events = this.#recorded;
    this.#recorded = [];
    return events;
  }

  #confirmIfComplete(): void {
    if (this.status !== "placed" || !this.paymentId || !this.reservationId) return;
    this.status = "confirmed";
    this.#recorded.push({
      type: "OrderConfirmed",
      data: {
        orderId: this.orderId,
        customerId: this.customerId,
        amount: this.amount,
        paymentId: this.paymentId,
        reservationId: this.reservationId,
      },
    });
  }
}
