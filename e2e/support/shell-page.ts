/** Page object for the frame every dashboard page shares: navigation, search, connection, theme. */
import { type Locator, type Page, expect } from "@playwright/test";

export class ShellPage {
  readonly connection: Locator;
  readonly search: Locator;
  readonly themeToggle: Locator;

  constructor(readonly page: Page) {
    this.connection = page.getByTestId("connection-indicator");
    this.search = page.getByTestId("trace-search");
    this.themeToggle = page.getByTestId("theme-toggle");
  }

  nav(name: "flows" | "traces" | "lag" | "dlq"): Locator {
    return this.page.getByTestId(`nav-${name}`);
  }

  async expectConnection(
    state: "live" | "catching-up" | "broker-down" | "reconnecting",
    timeout = 15_000,
  ): Promise<void> {
    await expect(this.connection).toHaveAttribute("data-state", state, { timeout });
  }

  async setTheme(theme: "light" | "dark"): Promise<void> {
    const html = this.page.locator("html");
    if ((await html.getAttribute("data-theme")) !== theme) await this.themeToggle.click();
    await expect(html).toHaveAttribute("data-theme", theme);
  }

  /**
   * What a reader of a screenshot would check first: the page is painted in the theme asked for (a light
   * page background in light, a dark one in dark, judged by its relative luminance) and nothing makes the
   * window scroll sideways.
   */
  async expectDrawnIn(theme: "light" | "dark"): Promise<void> {
    const luminance = () =>
      this.page.evaluate(() => {
        const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g) ?? [])
          .slice(0, 3)
          .map((c) => Number(c) / 255);
        return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
      });
    if (theme === "light") await expect.poll(luminance).toBeGreaterThan(0.7);
    else await expect.poll(luminance).toBeLessThan(0.2);
    const overflow = await this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
  }
}
