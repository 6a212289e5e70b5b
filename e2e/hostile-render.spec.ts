import { expect, type Page, test } from "@playwright/test";
import { type HostileFixture, produceHostileRecords, SCRIPT, XSS } from "./support/hostile-records";

let fixture: HostileFixture;

test.beforeAll(async () => {
  fixture = await produceHostileRecords();
});

test.afterAll(async () => {
  await fixture?.cleanUp();
});

/** Fails the test on any dialog, any script a payload ran, and any Content-Security-Policy violation. */
function guard(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on("dialog", (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|connect|apply)/i.test(msg.text()))
      problems.push(`CSP: ${msg.text()}`);
  });
  return { problems };
}

async function expectInert(page: Page, problems: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __hostile?: number }).__hostile)).toBeUndefined();
  expect(problems).toEqual([]);
}

test.describe("hostile records render as inert text", () => {
  test("every page hydrates under the CSP and shows markup from Kafka as text", async ({ page }) => {
    const { problems } = guard(page);
    const response = await page.goto("/flows");
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
    await expect(page.getByTestId("connection-indicator")).toHaveAttribute("data-state", "live");

    await page.goto(`/traces/${fixture.traceId}`);
    await expect(page.getByText(XSS).first()).toBeVisible({ timeout: 30_000 });
    await expectInert(page, problems);

    await page.goto(`/dlq/${encodeURIComponent(fixture.dlqTopic)}`);
    await expect(page.getByTestId("letter-row").first()).toBeVisible({ timeout: 30_000 });
    // The letter's error message is a whole <script> element, shown as text.
    await expect(page.getByText(SCRIPT).first()).toBeVisible();
    await expectInert(page, problems);

    await page.goto("/lag");
    await expect(page.getByText(fixture.groupId).first()).toBeVisible({ timeout: 30_000 });
    await expectInert(page, problems);

    for (const path of ["/traces", "/dlq", "/audit", "/sign-in"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectInert(page, problems);
    }
  });
});
