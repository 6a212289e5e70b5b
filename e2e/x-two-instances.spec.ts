import { expect, test } from "@playwright/test";
import { TracePage } from "./support/traces-page";
import { ORDER_SERVICES, placeOrder } from "./support/traces-shop";
import { startTwoInstances, type TwoInstances } from "./support/two-instances";

let cluster: TwoInstances;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startTwoInstances();
});

test.afterAll(async () => {
  await cluster?.stop();
});

test("two instances over PostgreSQL and Redis show the same order's whole flow", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const order = await placeOrder(request);
  for (const url of cluster.urls) {
    await test.step(`the trace on ${url}`, async () => {
      const page = await browser.newPage({ baseURL: url });
      const trace = new TracePage(page);
      await trace.goto(order.traceId);
      await trace.expectServices(ORDER_SERVICES, 60_000);
      await expect(page.getByTestId("connection-indicator")).toHaveAttribute("data-state", "live");
      await page.close();
    });
  }
});
