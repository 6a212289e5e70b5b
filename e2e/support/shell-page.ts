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

  async expectConnection(state: "live" | "broker-down" | "reconnecting", timeout = 15_000): Promise<void> {
    await expect(this.connection).toHaveAttribute("data-state", state, { timeout });
  }

  async setTheme(theme: "light" | "dark"): Promise<void> {
    const html = this.page.locator("html");
    if ((await html.getAttribute("data-theme")) !== theme) await this.themeToggle.click();
    await expect(html).toHaveAttribute("data-theme", theme);
  }
}
