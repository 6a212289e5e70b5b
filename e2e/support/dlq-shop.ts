/** The demo shop's gateway as the dead-letter spec drives it, and the dashboard API it polls. */
import { type APIRequestContext, expect } from "@playwright/test";
import { gatewayURL } from "../../playwright.config";

export interface PlacedOrder {
  orderId: string;
  traceId: string;
}

export async function placeOrder(request: APIRequestContext, n: number): Promise<PlacedOrder> {
  const res = await request.post(`${gatewayURL}/orders`, {
    data: {
      customerId: `e2e-dlq-${Date.now()}-${n}`,
      items: [{ sku: "sku-ceramic-mug", qty: 1 }],
      amount: 9.9,
    },
  });
  expect(res.status(), await res.text()).toBe(202);
  return (await res.json()) as PlacedOrder;
}

export async function setPaymentOutage(request: APIRequestContext, paymentOutage: boolean): Promise<void> {
  const res = await request.post(`${gatewayURL}/control`, { data: { paymentOutage } });
  expect(res.status(), await res.text()).toBe(200);
}

export async function orderStatus(request: APIRequestContext, orderId: string): Promise<string> {
  const res = await request.get(`${gatewayURL}/orders/${orderId}`);
  if (!res.ok()) return `http ${res.status()}`;
  return ((await res.json()) as { status: string }).status;
}

/** Letters of `payments.DLQ` carrying this trace id, as the dashboard's API lists them. */
export async function lettersOfTrace(request: APIRequestContext, traceId: string): Promise<number> {
  const res = await request.get(`/api/dlq/payments.DLQ/messages?q=${traceId}`);
  if (!res.ok()) return 0;
  return ((await res.json()) as { matched: number }).matched;
}
