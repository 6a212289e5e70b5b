/**
 * The gateway's read model: each order's state as its events tell it (GET /orders/:id). "accepted" is
 * the gateway's own knowledge (the command was sent); everything after comes from orders.events,
 * payments.events and inventory.events. Final states never go back: a re-driven OrderPlaced arriving
 * after the confirmation does not make the order "placed" again.
 */
import { BoundedMap } from "../bounded-map";

export type OrderStatus = "accepted" | "placed" | "confirmed" | "cancelled";

export interface OrderState {
  orderId: string;
  status: OrderStatus;
  customerId?: string;
  amount?: number;
  payment: "pending" | "authorized" | "declined" | "refunded";
  stock: "pending" | "reserved" | "out-of-stock" | "released";
  /** Why the order was cancelled. */
  reason?: string;
  traceId: string;
  updatedAt: string;
  /** The events seen for this order, oldest first (at most 50). */
  history: { type: string; source?: string; at: string }[];
}

/** What the view needs from one event. */
export interface ViewEvent {
  orderId: string;
  type: string;
  source?: string;
  traceId: string;
  at: Date;
  data: { customerId?: string; amount?: number; reason?: string };
}

const rank: Record<OrderStatus, number> = { accepted: 0, placed: 1, confirmed: 2, cancelled: 2 };

type Change = (o: OrderState, e: ViewEvent) => void;
const changes: Record<string, Change> = {
  OrderPlaced: (o, e) => {
    o.customerId = e.data.customerId ?? o.customerId;
    o.amount = e.data.amount ?? o.amount;
    if (rank[o.status] < rank.placed) o.status = "placed";
  },
  OrderConfirmed: (o) => {
    if (rank[o.status] < rank.confirmed) o.status = "confirmed";
  },
  OrderCancelled: (o, e) => {
    if (rank[o.status] >= rank.confirmed) return;
    o.status = "cancelled";
    o.reason = e.data.reason ?? o.reason;
  },
  // A duplicate authorisation (redelivery) must not undo a refund that came after it.
  PaymentAuthorized: (o) => {
    if (o.payment === "pending") o.payment = "authorized";
  },
  PaymentDeclined: (o) => {
    o.payment = "declined";
  },
  PaymentRefunded: (o) => {
    o.payment = "refunded";
  },
  StockReserved: (o) => {
    if (o.stock === "pending") o.stock = "reserved";
  },
  OutOfStock: (o) => {
    o.stock = "out-of-stock";
  },
  StockReleased: (o) => {
    o.stock = "released";
  },
};

export class OrderViews {
  readonly #orders = new BoundedMap<string, OrderState>(100_000);

  get(orderId: string): OrderState | undefined {
    return this.#orders.get(orderId);
  }

  accepted(orderId: string, traceId: string, data: { customerId: string; amount: number }): void {
    if (this.#orders.has(orderId)) return;
    const at = new Date().toISOString();
    this.#orders.set(orderId, {
      orderId,
      status: "accepted",
      ...data,
      payment: "pending",
      stock: "pending",
      traceId,
      updatedAt: at,
      history: [{ type: "PlaceOrder", source: "gateway", at }],
    });
  }

  apply(event: ViewEvent): void {
    const change = changes[event.type];
    if (!change) return;
    let order = this.#orders.get(event.orderId);
    if (!order) {
      // Accepted by an earlier run of the gateway: the events alone still tell the story.
      order = {
        orderId: event.orderId,
        status: "accepted",
        payment: "pending",
        stock: "pending",
        traceId: event.traceId,
        updatedAt: "",
        history: [],
      };
      this.#orders.set(event.orderId, order);
    }
    change(order, event);
    order.updatedAt = event.at.toISOString();
    order.history.push({ type: event.type, source: event.source, at: order.updatedAt });
    if (order.history.length > 50) order.history.shift();
  }
}
