import { expect, test } from "@playwright/test";
import { DEFAULT_RULES } from "../lib/alerts/default-rules";
import { baseURL, e2eAdminToken, gatewayURL } from "../playwright.config";
import { AlertsPage } from "./support/alerts-page";
import { ShellPage } from "./support/shell-page";

const GROUP = "inventory-service";
const RULE = "consumer-time-lag";

test.describe("alerts", () => {
  test("a paused inventory-service fires the time-lag alert on the page and in the badge; resume resolves it", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const alerts = new AlertsPage(page);
    const setPaused = async (inventoryPaused: boolean) => {
      const res = await request.post(`${gatewayURL}/control`, { data: { inventoryPaused } });
      expect(res.ok(), `POST /control {inventoryPaused: ${inventoryPaused}}`).toBe(true);
    };
    const defaults = DEFAULT_RULES.find((r) => r.id === RULE)!;

    await setPaused(false);
    await test.step("sign in and shorten the time-lag rule to 5 s for 5 s", async () => {
      await alerts.signIn(e2eAdminToken);
      await expect(alerts.rule(RULE)).toBeVisible();
      await alerts.editRule(RULE, 5, 5);
    });

    try {
      await test.step("pause inventory: the alert fires, with a link to the group and the badge counting it", async () => {
        await setPaused(true);
        const firing = alerts.alert(alerts.activeRows, RULE, GROUP);
        await expect(firing).toHaveAttribute("data-state", "firing", { timeout: 60_000 });
        await expect(firing.getByTestId("alert-since")).toContainText("firing since");
        await expect(firing.getByTestId("alert-link")).toHaveAttribute("href", `/lag/${GROUP}`);
        await expect(alerts.badge).toBeVisible();
        const firingRows = alerts.activeRows.and(page.locator('[data-state="firing"]'));
        await expect(alerts.badge).toHaveText(String(await firingRows.count()));
        const shell = new ShellPage(page);
        for (const theme of ["light", "dark"] as const) {
          await shell.setTheme(theme);
          await page.screenshot({ path: `e2e/screenshots/alerts-${theme}.png`, fullPage: true });
        }
        // The badge is in the shell: another page shows it too.
        await page.getByTestId("nav-lag").click();
        await expect(alerts.badge).toBeVisible();
        await page.getByTestId("nav-alerts").click();
      });

      await test.step("resume: the alert resolves", async () => {
        await setPaused(false);
        const resolved = alerts.alert(alerts.resolvedRows, RULE, GROUP);
        await expect(resolved).toHaveAttribute("data-state", "resolved", { timeout: 60_000 });
        await expect(alerts.alert(alerts.activeRows, RULE, GROUP)).toHaveCount(0);
        await expect(resolved.getByTestId("alert-since")).toContainText("resolved");
      });
    } finally {
      await setPaused(false);
      // The rules live in the stack's Kafka: put the default back for later runs.
      const { id, ...body } = defaults;
      await page.request.put(`/api/alerts/rules/${id}`, { data: body, headers: { origin: baseURL } });
    }
  });
});
