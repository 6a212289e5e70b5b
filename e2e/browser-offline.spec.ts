import { expect, test } from "@playwright/test";
import { ShellPage } from "./support/shell-page";

/** A laptop that loses its network (Wi-Fi off, sleep) and gets it back: the dashboard says so and recovers. */
test.describe("browser offline", () => {
  test("says 'reconnecting' while the browser is offline and 'live' again once it is back, without a reload", async ({
    page,
    context,
  }) => {
    const shell = new ShellPage(page);
    await page.goto("/flows");
    await shell.expectConnection("live");
    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    await context.setOffline(true);
    try {
      await shell.expectConnection("reconnecting", 30_000);
      await expect(shell.connection).toHaveText("Reconnecting…");
    } finally {
      await context.setOffline(false);
    }
    await shell.expectConnection("live", 30_000);
    expect(navigations).toBe(0);
  });
});
