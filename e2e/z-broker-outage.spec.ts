import { expect, test } from "@playwright/test";
import { startE2eBroker, stopE2eBroker } from "./support/e2e-broker";
import { ShellPage } from "./support/shell-page";

/**
 * Takes Kafka away from the whole e2e stack, so it lives in the file that runs last (Playwright runs
 * files in name order): the specs before it must not depend on how fast the demo shop recovers.
 */
test.describe("broker outage", () => {
  test("says 'broker down' when Kafka stops, 'catching up' when it returns, then 'live', without a reload", async ({
    page,
  }) => {
    const shell = new ShellPage(page);
    await page.goto("/flows");
    await shell.expectConnection("live");
    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    try {
      await test.step("stop the broker", async () => {
        await stopE2eBroker();
        await shell.expectConnection("broker-down", 10_000);
        await expect(shell.connection).toHaveText("Broker down");
      });
    } finally {
      await test.step("start it again", async () => {
        await startE2eBroker();
      });
    }
    // The collector reads again only once the group has let go of its old member (seconds): meanwhile the
    // dashboard must not claim to be live.
    await shell.expectConnection("catching-up", 20_000);
    await expect(shell.connection).toHaveText("Catching up…");
    await shell.expectConnection("live", 30_000);
    expect(navigations).toBe(0);
  });
});
