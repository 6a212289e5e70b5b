import { expect, test } from "@playwright/test";
import { baseURL, gatewayURL } from "../playwright.config";
import { captureLagScreens } from "./support/lag-shots";
import { LagPage } from "./support/lag-page";

const GROUP = "inventory-service";

test.describe("consumer lag", () => {
  test("a paused inventory-service lags with a rising chart, and drains to 0 after resume", async ({
    page,
    request,
  }) => {
    test.setTimeout(300_000);
    const lag = new LagPage(page);
    const setPaused = async (inventoryPaused: boolean) => {
      const res = await request.post(`${gatewayURL}/control`, { data: { inventoryPaused } });
      expect(res.ok(), `POST /control {inventoryPaused: ${inventoryPaused}}`).toBe(true);
    };

    await test.step("inventory-service is listed and keeping up", async () => {
      await setPaused(false);
      await page.goto("/lag");
      await expect(lag.row(GROUP)).toBeVisible({ timeout: 60_000 });
      await expect(lag.row(GROUP)).toHaveAttribute("data-lagging", "false", { timeout: 60_000 });
    });

    try {
      await test.step("pause it: the Lag page shows it lagging, also with the linkable filter", async () => {
        await setPaused(true);
        await lag.onlyLagging.check();
        await expect(page).toHaveURL(/\/lag\?lagging=1$/);
        await expect(lag.row(GROUP)).toHaveAttribute("data-lagging", "true", { timeout: 60_000 });
        expect(await lag.rowLag(GROUP)).toBeGreaterThan(0n);
        await page.reload();
        await expect(lag.onlyLagging).toBeChecked();
        await expect(lag.row(GROUP)).toBeVisible();
      });

      await test.step("its group page shows the lag rising on the chart", async () => {
        await lag.openGroup(GROUP);
        await expect(lag.partitionRows.first()).toBeVisible();
        await expect.poll(() => lag.chartLatest(), { timeout: 30_000 }).toBeGreaterThan(0);
        const first = (await lag.chartLatest()) ?? 0;
        await expect.poll(() => lag.chartLatest(), { timeout: 30_000 }).toBeGreaterThan(first);
        const second = (await lag.chartLatest()) ?? 0;
        await expect.poll(() => lag.chartLatest(), { timeout: 30_000 }).toBeGreaterThan(second);
        await expect(lag.offsetChart.locator(".recharts-line-curve").first()).toBeVisible();
        expect(Number(await lag.offsetChart.getAttribute("data-points"))).toBeGreaterThanOrEqual(3);
      });

      await test.step("screenshots of both pages, light and dark, while it lags", async () => {
        await captureLagScreens(page, baseURL, GROUP);
      });
    } finally {
      await setPaused(false);
    }

    await test.step("after resume it drains to 0 and is OK again", async () => {
      await page.goto(`/lag/${GROUP}`);
      await expect(lag.summaryTotal).toHaveText(/^0( |$)/, { timeout: 120_000 });
      await expect(lag.summaryStatus.getByText("OK")).toBeVisible({ timeout: 60_000 });
    });
  });

  test("sorts by a column from the keyboard and answers an unknown group with a clear page", async ({
    page,
  }) => {
    const lag = new LagPage(page);
    await page.goto("/lag");
    await expect(lag.row(GROUP)).toBeVisible({ timeout: 60_000 });
    await page.getByTestId("lag-sort-group").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=group&dir=asc/);
    await expect(page.locator("th[aria-sort=ascending]")).toContainText("Group");
    const names = await page.getByTestId("lag-group-link").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

    await page.goto("/lag/no-such-group-e2e");
    await expect(page.getByTestId("lag-group-not-found")).toContainText(
      "No consumer group “no-such-group-e2e”",
    );
    await expect(page.getByTestId("lag-group-not-found")).toContainText("Kafka did not list it");
  });
});
