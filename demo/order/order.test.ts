/** The order aggregate's decisions, the repository's commit-then-publish, and the gateway's view. */
import { describe, expect, it } from "vitest";
import { OrderViews } from "../gateway/order-view";
import { type MessageContext, readContext } from "../messaging/envelope";
import { EventBus } from "./event-bus";
import { type DomainEvent, Order } from "./order";
import { OrderRepository } from "./repository";

const command = {
  orderId: "o-1",
  customerId: "c-1",
  items: [{ sku: "sku-ceramic-mug", qty: 1 }],
  amount: 9.9,
};
const types = (order: Order) => order.pullEvents().map((e) => e.type);

describe("the order aggregate", () => {
  it("confirms once, when both payment and stock are in, whatever their order", () => {
    const order = Order.place(command);
    expect(types(order)).toEqual(["OrderPlaced"]);
    order.stockReserved("res-1");
    expect(types(order)).toEqual([]);
    order.paymentAuthorized("pay-1");
    order.paymentAuthorized("pay-1"); // a redelivery
    expect(types(order)).toEqual(["OrderConfirmed"]);
    expect(order.status).toBe("confirmed");
  });

  it("cancels on the first failure and ignores what comes after", () => {
    const order = Order.place(command);
    order.pullEvents();
    order.paymentAuthorized("pay-1");
    order.reject("out of stock: sku-ceramic-mug");
    order.stockReserved("res-1");
    order.reject("payment declined");
    expect(types(order)).toEqual(["OrderCancelled"]);
    expect(order.status).toBe("cancelled");
  });
});

describe("the order repository", () => {
  it("publishes after the state is stored, and keeps unpublished events for the next flush", async () => {
    const bus = new EventBus<DomainEvent, MessageContext>();
    const repo = new OrderRepository(bus);
    const published: string[] = [];
    let failNext = true;
    bus.subscribe(async (event) => {
      expect(repo.get(event.data.orderId)).toBeDefined(); // the change was committed before the event left
      if (failNext) {
        failNext = false;
        throw new Error("broker unreachable");
      }
      published.push(event.type);
    });
    const order = Order.place(command);
    await expect(repo.save(order, readContext({}))).rejects.toThrow("broker unreachable");
    expect(published).toEqual([]);
    await repo.flush("o-1");
    expect(published).toEqual(["OrderPlaced"]);
  });
});

describe("the gateway's order view", () => {
  it("follows the events without ever going back from a final state", () => {
    const views = new OrderViews();
    const at = new Date(1_000);
    const apply = (type: string, data = {}) => views.apply({ orderId: "o-1", type, traceId: "t", at, data });
    views.accepted("o-1", "t", { customerId: "c-1", amount: 9.9 });
    expect(views.get("o-1")?.status).toBe("accepted");
    apply("OrderPlaced");
    apply("PaymentAuthorized");
    apply("StockReserved");
    apply("OrderConfirmed");
    apply("OrderPlaced"); // a re-driven copy
    expect(views.get("o-1")).toMatchObject({ status: "confirmed", payment: "authorized", stock: "reserved" });
    expect(views.get("o-1")?.history.map((h) => h.type)).toEqual([
      "PlaceOrder",
      "OrderPlaced",
      "PaymentAuthorized",
      "StockReserved",
      "OrderConfirmed",
      "OrderPlaced",
    ]);
  });

  it("builds an order it did not accept from its events alone", () => {
    const views = new OrderViews();
    views.apply({
      orderId: "o-2",
      type: "OrderCancelled",
      traceId: "t",
      at: new Date(0),
      data: { reason: "out of stock" },
    });
    expect(views.get("o-2")).toMatchObject({ status: "cancelled", reason: "out of stock" });
  });
});
