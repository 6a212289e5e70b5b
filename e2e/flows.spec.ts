import { expect, test } from "@playwright/test";
import { FlowsPage } from "./support/flows-page";
import { ShellPage } from "./support/shell-page";

// The demo shop runs with the e2e stack (gateway → orders.commands → order-service → orders.events → …) at
// ~2 orders/s. The first test after a cold start also waits for the collector and the group poller.
test.describe("flows page", () => {
  let flows: FlowsPage;

  test.beforeEach(async ({ page }) => {
    flows = new FlowsPage(page);
    await flows.goto();
    await new ShellPage(page).expectConnection("live", 30_000);
  });

  test("draws gateway → orders.commands → order-service → orders.events with live, non-zero rates", async () => {
    const chain = [
      "service:gateway",
      "topic:orders.commands",
      "service:order-service",
      "topic:orders.events",
    ];
    await test.step("the chain's nodes are drawn", async () => {
      for (const id of chain) await expect(flows.node(id)).toBeVisible({ timeout: 60_000 });
      await expect(flows.node("service:payment-service")).toBeVisible();
    });
    await test.step("each edge of the chain carries messages", async () => {
      for (let i = 0; i < chain.length - 1; i++) {
        const [source, target] = [chain[i] as string, chain[i + 1] as string];
        await expect
          .poll(() => flows.edgeRate(source, target), {
            timeout: 45_000,
            message: `${source} → ${target} rate`,
          })
          .toBeGreaterThan(0);
        await expect(flows.edgeLabel(source, target)).toHaveText(/^\d[\d,.]*\/s$/);
      }
    });
  });

  test("the tail shows new events as they arrive, newest first", async () => {
    await flows.waitForRows();
    await flows.waitForNewEvent();
    const times = await flows.tailList.getByTestId("tail-cell-time").allTextContents();
    expect(times.length).toBeGreaterThan(1);
  });

  test("filtering by a service shows only its events, in the URL too", async ({ page }) => {
    await flows.waitForRows();
    await flows.filterByService("payment-service");
    await flows.waitForNewEvent(30_000);
    await expect.poll(() => flows.visibleServices()).not.toHaveLength(0);
    expect(new Set(await flows.visibleServices())).toEqual(new Set(["payment-service"]));

    await test.step("a reload keeps the filter (it is linkable)", async () => {
      await page.reload();
      await expect(flows.filter("service")).toHaveValue("payment-service");
      await flows.waitForRows();
      expect(new Set(await flows.visibleServices())).toEqual(new Set(["payment-service"]));
    });

    await test.step("clicking a service in the graph filters by it instead", async () => {
      await flows.node("service:inventory-service").click();
      await expect(page).toHaveURL(/[?&]service=inventory-service/);
      await expect(flows.filter("service")).toHaveValue("inventory-service");
      await expect
        .poll(async () => new Set(await flows.visibleServices()), { timeout: 30_000 })
        .toEqual(new Set(["inventory-service"]));
    });
  });

  test("the drawer shows an event's traceparent; Escape closes it and gives focus back to the row", async ({
    page,
  }) => {
    await flows.waitForRows();
    // The gateway starts every trace, so its commands always carry a traceparent.
    await flows.filterByService("gateway");
    await flows.waitForRows();
    const id = await flows.openRow(0);
    await expect(flows.drawer).toContainText(id);
    await expect(flows.traceparent).toHaveText(/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/);
    const traceId = (await flows.traceparent.textContent())?.split("-")[1];
    await expect(page.getByTestId("drawer-open-trace")).toHaveAttribute("href", `/traces/${traceId}`);
    await expect(page.getByTestId("drawer-value")).toContainText("{");

    await page.keyboard.press("Escape");
    await expect(flows.drawer).toBeHidden();
    await expect(page.locator(`[data-testid="tail-row"][data-event-id="${id}"]`)).toBeFocused();

    await test.step("Enter on a focused row opens it too", async () => {
      await page.keyboard.press("Enter");
      await expect(flows.drawer).toBeVisible();
    });
  });

  test("pausing stops the list from moving and counts what arrives; resuming shows it", async ({ page }) => {
    await flows.waitForRows();
    await flows.pauseButton.click();
    await expect(flows.pauseButton).toHaveAttribute("aria-pressed", "true");
    const frozen = await flows.topRowIds(5);
    await expect
      .poll(async () => Number((await flows.newCount.textContent())?.replace(/\D/g, "")), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await flows.topRowIds(5)).toEqual(frozen);

    await test.step("resume with the keyboard shortcut", async () => {
      await page.keyboard.press("p");
      await expect(flows.pauseButton).toHaveAttribute("aria-pressed", "false");
      await expect(flows.newCount).toBeHidden();
      expect(await flows.rowId(0)).not.toBe(frozen[0]);
    });
  });

  test("fits 1440×900 without sideways scrolling, painted in light and dark (screenshots saved)", async ({
    page,
  }) => {
    const shell = new ShellPage(page);
    await flows.waitForRows();
    await expect
      .poll(() => flows.edgeRate("service:gateway", "topic:orders.commands"), { timeout: 45_000 })
      .toBeGreaterThan(0);
    // A few seconds of samples, so the chart draws lines rather than dots.
    await expect
      .poll(async () => Number(await flows.throughput.getAttribute("data-samples")), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(8);
    // The panels scroll, the page does not: at 1440×900 everything fits.
    const main = page.locator("main");
    expect(await main.evaluate((m) => m.scrollHeight - m.clientHeight)).toBeLessThanOrEqual(0);
    for (const theme of ["light", "dark"] as const) {
      await shell.setTheme(theme);
      await page.waitForTimeout(500);
      await shell.expectDrawnIn(theme);
      await page.screenshot({ path: `e2e/screenshots/flows-${theme}.png` });
    }
    await shell.setTheme("light");
  });
});
