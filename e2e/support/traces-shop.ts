/** The demo shop's gateway, as the trace specs use it: place an order, switch the payment outage. */
import { type APIRequestContext, expect } from "@playwright/test";
import { gatewayURL } from "../../playwright.config";

export interface PlacedOrder {
  orderId: string;
  traceId: string;
  traceparent: string;
}

/** Every service an order passes through (notification-service only consumes: it e-mails the customer). */
export const ORDER_SERVICES = [
  "gateway",
  "order-service",
  "payment-service",
  "inventory-service",
  "notification-service",
] as const;

export async function placeOrder(request: APIRequestContext): Promise<PlacedOrder> {
  const res = await request.post(`${gatewayURL}/orders`, {
    data: {
      customerId: `e2e-traces-${Date.now()}`,
      items: [{ sku: "sku-ceramic-mug", qty: 2 }],
      amount: 19.8,
    },
  });
  expect(res.status(), await res.text()).toBe(202);
  const order = (await res.json()) as PlacedOrder;
  expect(order.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(order.traceparent).toContain(order.traceId);
  return order;
}

export async function setPaymentOutage(request: APIRequestContext, paymentOutage: boolean): Promise<void> {
  const res = await request.post(`${gatewayURL}/control`, { data: { paymentOutage } });
  expect(res.status(), await res.text()).toBe(200);
}
