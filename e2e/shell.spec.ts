import { expect, test } from "@playwright/test";
import { ShellPage } from "./support/shell-page";

test.describe("dashboard shell", () => {
  test("loads on Flows with navigation and shows the broker as live", async ({ page }) => {
    const shell = new ShellPage(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/flows$/);
    await shell.expectConnection("live");
    await expect(shell.connection).toHaveText("Live");
    for (const name of ["flows", "traces", "lag", "dlq"] as const)
      await expect(shell.nav(name)).toBeVisible();
    await shell.nav("lag").click();
    await expect(page).toHaveURL(/\/lag$/);
    await expect(shell.nav("lag")).toHaveAttribute("aria-current", "page");
  });

  test("the global search opens the trace page for a pasted id", async ({ page }) => {
    const shell = new ShellPage(page);
    await page.goto("/flows");
    // "/" is a keyboard shortcut the app installs when it starts; before hydration the key goes nowhere.
    await shell.expectConnection("live", 30_000);
    await page.keyboard.press("/");
    await expect(shell.search).toBeFocused();
    await shell.search.fill("4bf92f3577b34da6a3ce929d0e0e4736");
    await shell.search.press("Enter");
    await expect(page).toHaveURL(/\/traces\/4bf92f3577b34da6a3ce929d0e0e4736$/);
  });

  test("remembers the chosen theme across reloads", async ({ page }) => {
    const shell = new ShellPage(page);
    await page.goto("/flows");
    await shell.setTheme("dark");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await shell.setTheme("light");
  });
});
