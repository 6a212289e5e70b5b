import { expect, test } from "@playwright/test";
import { ShellPage } from "./support/shell-page";
import { BIG_TRACE_ID, bigTraceResponse } from "./support/traces-fixtures";
import { TracePage, TracesListPage } from "./support/traces-page";
import { ORDER_SERVICES, placeOrder, setPaymentOutage } from "./support/traces-shop";

// Orders go through the demo shop's gateway of this stack: gateway → order → payment + inventory →
// OrderConfirmed, which notification-service consumes. A trace pasted right after the 202 may be a moment
// ahead of the index: the trace page re-checks a 404 and grows live, so the expectations below wait.
test.describe("traces of the demo shop", () => {
  test("pasting an order's trace id into the search shows every service of the order", async ({
    page,
    request,
  }) => {
    const trace = new TracePage(page);
    await page.goto("/traces");
    const order = await placeOrder(request);
    await trace.search(order.traceId);
    await expect(trace.header).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("trace-id")).toHaveText(order.traceId);
    await expect(page.getByTestId("trace-matched-by")).toHaveText("found by trace id");
    await trace.expectServices(ORDER_SERVICES);
    await expect(trace.rows.first()).toHaveAttribute("data-service", "gateway");
  });

  test("pasting the whole traceparent opens the same trace", async ({ page, request }) => {
    const trace = new TracePage(page);
    await page.goto("/traces");
    const order = await placeOrder(request);
    await trace.search(order.traceparent);
    await expect(trace.header).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("trace-id")).toHaveText(order.traceId);
    await expect(page.getByTestId("trace-matched-by")).toContainText("traceparent");
    await trace.expectServices(ORDER_SERVICES);
  });

  test("a hop opens its details: Kafka position, consumers, decoded headers and the full payload", async ({
    page,
    request,
  }) => {
    const trace = new TracePage(page);
    const order = await placeOrder(request);
    await trace.goto(order.traceId);
    await trace.expectServices(["gateway", "order-service"]);
    const row = trace.rowsOf("order-service").first();
    await row.click();
    await expect(trace.detail).toBeVisible();
    await expect(trace.detail).toHaveAttribute("data-hop-id", (await row.getAttribute("data-hop-id")) ?? "");
    await expect(page.getByTestId("hop-topic")).toContainText("partition");
    await expect(page.getByTestId("drawer-headers")).toContainText("traceparent");
    await expect(page.getByTestId("hop-value")).toContainText(order.orderId);

    await test.step("Escape closes the details and gives focus back to the row", async () => {
      await page.keyboard.press("Escape");
      await expect(trace.detail).toBeHidden();
      await expect(row).toBeFocused();
    });
    await test.step("↑/↓ move between rows and Enter opens one", async () => {
      await page.keyboard.press("ArrowUp");
      await expect(trace.rowAt(0)).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(trace.detail).toHaveAttribute(
        "data-hop-id",
        (await trace.rowAt(0).getAttribute("data-hop-id")) ?? "",
      );
    });
  });

  test("an order placed during a payment outage shows its dead-letter row with a working link", async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    const trace = new TracePage(page);
    const shell = new ShellPage(page);
    try {
      await setPaymentOutage(request, true);
      const order = await placeOrder(request);
      await trace.goto(order.traceId);
      // Two retries (payments.retry.1, .2) before payments.DLQ: about ten seconds; the page grows live.
      const deadLetter = trace.deadLetterRows.first();
      await expect(deadLetter).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId("trace-status")).toHaveText(/Error/);
      // The dead letter is payment-service's work (its headers say so), shown beside the original producer.
      await expect(deadLetter.getByTestId("copy-made-by")).toContainText("payment-service");
      await expect(deadLetter.getByTestId("copy-made-by")).toContainText("from order-service");
      const link = deadLetter.getByTestId("dead-letter-link");
      const href = await link.getAttribute("href");
      expect(href).toMatch(/^\/dlq\/[^/?]+/);

      await test.step("screenshots with the dead letter selected, light and dark", async () => {
        await deadLetter.click();
        await expect(page.getByTestId("hop-dead-letter")).toBeVisible();
        await expect(page.getByTestId("hop-redrive-link")).toHaveAttribute("href", /redrive=1/);
        for (const theme of ["light", "dark"] as const) {
          await shell.setTheme(theme);
          await page.waitForTimeout(300);
          await shell.expectDrawnIn(theme);
          await page.screenshot({ path: `e2e/screenshots/trace-dead-letter-${theme}.png` });
        }
        await shell.setTheme("light");
      });

      await test.step("the link lands on the dead letter's page", async () => {
        await link.click();
        await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === href);
      });
    } finally {
      await setPaymentOutage(request, false);
    }
  });

  test("the Traces page lists recent traces; filters live in the URL; Enter opens one", async ({
    page,
    request,
  }) => {
    const list = new TracesListPage(page);
    await list.goto();
    await expect(list.table).toBeVisible({ timeout: 30_000 });
    // Placed once the list is up: it shows the newest 100 traces, and the shop starts a few every second.
    const order = await placeOrder(request);
    const row = list.row(order.traceId);
    // Within a poll or two; longer while the stack is still reading its lookback right after a start.
    await expect(row).toBeVisible({ timeout: 60_000 });
    await expect(row.getByTestId("service-chip").first()).toBeVisible();

    await test.step("filter by a service: kept in the URL and across a reload", async () => {
      await expect(list.filter("service").locator('option[value="payment-service"]')).toHaveCount(1);
      await list.filter("service").selectOption("payment-service");
      await expect(page).toHaveURL(/[?&]service=payment-service/);
      await expect(
        list.rows.first().locator('[data-testid="service-chip"][data-service="payment-service"]'),
      ).toHaveCount(1);
      await page.reload();
      await expect(list.filter("service")).toHaveValue("payment-service");
      await expect(list.rows.first()).toBeVisible({ timeout: 30_000 });
    });

    await test.step("a focused row opens its trace on Enter", async () => {
      const first = list.rows.first();
      const traceId = (await first.getAttribute("data-trace-id")) ?? "";
      await first.focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`/traces/${traceId}$`), { timeout: 30_000 });
      await expect(page.getByTestId("trace-id")).toHaveText(traceId, { timeout: 30_000 });
    });
  });

  test("an unknown id says so, with the time window the store covers", async ({ page, request }) => {
    const trace = new TracePage(page);
    const unknown = `e2e-unknown-${Date.now()}`;
    const api = await request.get(`/api/traces/${unknown}`);
    expect(api.status()).toBe(404);
    const { error } = (await api.json()) as { error: { code: string; message: string } };
    await trace.goto(unknown);
    await expect(trace.notFound).toBeVisible();
    // The server's words, window included; its end and event count move on while the page re-checks.
    const shape = (text: string | null) => (text ?? "").replace(/\d+/g, "#");
    await expect
      .poll(async () => shape(await page.getByTestId("trace-not-found-message").textContent()))
      .toBe(shape(error.message));
    expect(error.message).toContain(unknown);
  });

  test("fits 1440×900 without sideways scrolling, painted in light and dark (screenshots saved)", async ({
    page,
    request,
  }) => {
    const trace = new TracePage(page);
    const shell = new ShellPage(page);
    const order = await placeOrder(request);
    await trace.goto(order.traceId);
    await trace.expectServices(ORDER_SERVICES);
    await trace.rowsOf("payment-service").first().click();
    await expect(trace.detail).toBeVisible();
    await expect(page.getByTestId("hop-value")).toContainText(order.orderId);
    for (const theme of ["light", "dark"] as const) {
      await shell.setTheme(theme);
      await page.waitForTimeout(300);
      await shell.expectDrawnIn(theme);
      await page.screenshot({ path: `e2e/screenshots/trace-${theme}.png` });
    }
    const list = new TracesListPage(page);
    await list.goto();
    await expect(list.rows.nth(5)).toBeVisible({ timeout: 30_000 });
    for (const theme of ["light", "dark"] as const) {
      await shell.setTheme(theme);
      await page.waitForTimeout(300);
      await shell.expectDrawnIn(theme);
      await page.screenshot({ path: `e2e/screenshots/traces-${theme}.png` });
    }
    await test.step("the list filtered to failed traces, with their dead-letter markers", async () => {
      await list.goto("?status=error");
      await expect(list.rows.first().or(page.getByTestId("traces-empty"))).toBeVisible({ timeout: 30_000 });
      for (const theme of ["light", "dark"] as const) {
        await shell.setTheme(theme);
        await page.waitForTimeout(300);
        await shell.expectDrawnIn(theme);
        await page.screenshot({ path: `e2e/screenshots/traces-errors-${theme}.png` });
      }
    });
    await shell.setTheme("light");
  });
});

// A trace of a given shape, served in place of the API's answer: 1,500 hops must stay smooth.
test.describe("a trace with 1,500 hops", () => {
  test("stays virtualised, and the keyboard walks, folds and opens it", async ({ page }) => {
    const trace = new TracePage(page);
    const body = bigTraceResponse(1_500);
    await page.route(`**/api/traces/${BIG_TRACE_ID}`, (route) => route.fulfill({ json: body }));
    await trace.goto(BIG_TRACE_ID);
    await expect(trace.waterfall).toHaveAttribute("data-rows", "1500");
    await expect(page.getByTestId("trace-hop-count")).toHaveText("1,500");
    expect(await trace.rows.count()).toBeLessThan(80);

    await trace.rowAt(0).click();
    await page.keyboard.press("End");
    await expect(trace.rowAt(1_499)).toBeFocused();
    await page.keyboard.press("Home");
    await expect(trace.rowAt(0)).toBeFocused();

    await test.step("← folds a hop's subtree, → unfolds it", async () => {
      await page.keyboard.press("ArrowDown");
      await expect(trace.rowAt(1)).toBeFocused();
      await expect(trace.rowAt(1)).toHaveAttribute("aria-expanded", "true");
      await page.keyboard.press("ArrowLeft");
      await expect(trace.rowAt(1)).toHaveAttribute("aria-expanded", "false");
      await expect(trace.waterfall).toHaveAttribute("data-rows", "1491");
      await page.keyboard.press("ArrowRight");
      await expect(trace.waterfall).toHaveAttribute("data-rows", "1500");
    });

    await test.step("Enter opens the focused hop's details", async () => {
      await page.keyboard.press("Enter");
      await expect(trace.detail).toHaveAttribute(
        "data-hop-id",
        (await trace.rowAt(1).getAttribute("data-hop-id")) ?? "",
      );
    });
  });
});
