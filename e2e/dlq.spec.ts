import { expect, test } from "@playwright/test";
import { e2eAdminToken } from "../playwright.config";
import { DlqPage } from "./support/dlq-page";
import { ShellPage } from "./support/shell-page";
import {
  lettersOfTrace,
  orderStatus,
  placeOrder,
  type PlacedOrder,
  setPaymentOutage,
} from "./support/dlq-shop";

const DLQ = "payments.DLQ";

test.describe("dead letters", () => {
  test.describe.configure({ timeout: 240_000 });

  test("a payment outage's dead letters are re-driven once and the orders complete", async ({
    page,
    request,
  }) => {
    const dlq = new DlqPage(page);
    let orders: PlacedOrder[] = [];

    await test.step("sign in with the token from the fragment", async () => {
      await dlq.signIn(e2eAdminToken);
    });

    await test.step("a payment outage sends new orders to payments.DLQ after their retries", async () => {
      await setPaymentOutage(request, true);
      try {
        orders = [];
        for (let i = 0; i < 3; i++) orders.push(await placeOrder(request, i));
        for (const o of orders)
          await expect.poll(() => lettersOfTrace(request, o.traceId), { timeout: 90_000 }).toBe(1);
      } finally {
        await setPaymentOutage(request, false);
      }
    });

    await test.step("open payments.DLQ from the list", async () => {
      await page.goto("/dlq");
      await expect(dlq.topicRow(DLQ)).toBeVisible();
      await dlq.topicRow(DLQ).getByTestId("dlq-topic-link").click();
      await expect(page).toHaveURL(/\/dlq\/payments\.DLQ$/);
      await expect(page.getByTestId("error-groups")).toBeVisible();
    });

    await test.step("select the three orders' letters", async () => {
      for (const o of orders) {
        const row = await dlq.findLetterByTrace(o.traceId);
        await expect(row.getByTestId("letter-status")).toHaveAttribute("data-status", "pending");
        await row.getByTestId("letter-select").check();
      }
      await expect(page.getByTestId("selected-count")).toHaveText("3 selected");
    });

    await test.step("the dialog shows the dry run; confirming starts the re-drive", async () => {
      await page.getByTestId("redrive-selected").click();
      await expect(dlq.dialog).toBeVisible();
      await expect(dlq.dialog.getByTestId("dry-run-count")).toHaveText("3");
      // The payment service dead-letters the OrderPlaced events it consumed: they go back to orders.events.
      await expect(dlq.dialog.getByTestId("dry-run-targets")).toContainText("orders.events");
      await page.screenshot({ path: "e2e/screenshots/dlq-dialog-light.png" });
      await dlq.dialog.getByTestId("redrive-confirm").click();
      await expect(dlq.dialog).toBeHidden();
    });

    await test.step("watch the progress until the task completes", async () => {
      await expect(dlq.progress).toBeVisible();
      await expect(dlq.progress).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
      await expect(dlq.progress).toContainText("3 of 3 sent");
    });

    await test.step("the letters are marked re-driven; a second re-drive is refused", async () => {
      for (const o of orders) {
        const row = await dlq.findLetterByTrace(o.traceId);
        await expect(row.getByTestId("letter-status")).toHaveAttribute("data-status", "redriven");
      }
      const row = await dlq.findLetterByTrace(orders[0]!.traceId);
      await row.getByTestId("letter-open").click();
      await expect(page.getByTestId("letter-drawer")).toBeVisible();
      await expect(
        page.getByTestId("letter-stacktrace").or(page.getByTestId("letter-error-message")),
      ).toBeVisible();
      await page.getByTestId("letter-redrive").click();
      await expect(dlq.dialog.getByTestId("dry-run-already")).toBeVisible();
      await expect(dlq.dialog.getByTestId("redrive-confirm")).toBeDisabled();
      await page.keyboard.press("Escape");
      await expect(dlq.dialog).toBeHidden();
      await page.keyboard.press("Escape");
      await expect(page.getByTestId("letter-drawer")).toBeHidden();
    });

    await test.step("the orders reach 'confirmed'", async () => {
      for (const o of orders)
        await expect.poll(() => orderStatus(request, o.orderId), { timeout: 60_000 }).toBe("confirmed");
    });

    await test.step("the audit log records the re-drive", async () => {
      await page.goto("/audit");
      const row = page
        .locator('[data-testid="audit-row"][data-action="redrive"][data-outcome="completed"]')
        .first();
      await expect(row).toContainText(DLQ);
      await expect(row).toContainText("3 re-driven");
    });

    await test.step("one order's trace shows the order complete, recovered after re-drive", async () => {
      await page.goto(`/traces/${orders[0]!.traceId}`);
      await expect(page.getByTestId("trace-header")).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId("waterfall")).toContainText("OrderConfirmed", { timeout: 30_000 });
      // Not "Error": its only dead letter was re-driven and consumed again (once the trace has settled).
      await expect(page.getByTestId("trace-status")).toHaveText("Recovered after re-drive", {
        timeout: 30_000,
      });
    });
  });

  test("fits 1440×900 without sideways scrolling, painted in light and dark (screenshots saved)", async ({
    page,
  }) => {
    const dlq = new DlqPage(page);
    const shell = new ShellPage(page);
    await dlq.signIn(e2eAdminToken);
    for (const theme of ["light", "dark"] as const) {
      await page.goto("/dlq");
      await shell.setTheme(theme);
      await expect(dlq.topicRow(DLQ)).toBeVisible();
      await shell.expectDrawnIn(theme);
      await page.screenshot({ path: `e2e/screenshots/dlq-${theme}.png` });
      await page.goto(`/dlq/${DLQ}`);
      await expect(dlq.letterRows().first()).toBeVisible();
      await shell.expectDrawnIn(theme);
      await page.screenshot({ path: `e2e/screenshots/dlq-topic-${theme}.png` });
      await dlq.letterRows().first().getByTestId("letter-open").click();
      await expect(page.getByTestId("letter-error-message")).toBeVisible();
      await shell.expectDrawnIn(theme);
      await page.screenshot({ path: `e2e/screenshots/dlq-drawer-${theme}.png` });
      await page.keyboard.press("Escape");
      await page.getByTestId("redrive-matching").click();
      await expect(dlq.dialog.getByTestId("dry-run")).toBeVisible();
      await shell.expectDrawnIn(theme);
      await page.screenshot({ path: `e2e/screenshots/dlq-dialog-all-${theme}.png` });
      await page.keyboard.press("Escape");
      await page.goto("/audit");
      await expect(page.getByTestId("audit-row").first()).toBeVisible();
      await shell.expectDrawnIn(theme);
      await page.screenshot({ path: `e2e/screenshots/audit-${theme}.png` });
      await page.goto("/sign-in");
      await expect(page.getByTestId("sign-in-form")).toBeVisible();
      await shell.expectDrawnIn(theme);
      await page.screenshot({ path: `e2e/screenshots/sign-in-${theme}.png` });
    }
    await page.goto("/dlq");
    await shell.setTheme("light");
  });
});
