/** Page object for the Alerts page and the shell's alerts badge (data-testid locators only). */
import { type Locator, type Page, expect } from "@playwright/test";

export class AlertsPage {
  readonly badge: Locator;
  readonly activeRows: Locator;
  readonly resolvedRows: Locator;

  constructor(readonly page: Page) {
    this.badge = page.getByTestId("nav-alerts-badge");
    this.activeRows = page.getByTestId("alerts-active").getByTestId("alert-row");
    this.resolvedRows = page.getByTestId("alerts-resolved").getByTestId("alert-row");
  }

  async signIn(token: string): Promise<void> {
    // The token travels in the fragment, as `npm run demo` prints it: never sent to the server in a URL.
    await this.page.goto(`/sign-in?next=/alerts#token=${encodeURIComponent(token)}`);
    await expect(this.page.getByTestId("session-user")).toBeVisible({ timeout: 30_000 });
    await this.page.waitForURL((url) => url.pathname === "/alerts");
  }

  rule(id: string): Locator {
    return this.page.locator(`[data-testid="rule-row"][data-rule="${id}"]`);
  }

  /** Edits a rule's threshold and window in its row and saves it. */
  async editRule(id: string, threshold: number, forSeconds: number): Promise<void> {
    const row = this.rule(id);
    await row.getByTestId("rule-threshold").fill(String(threshold));
    await row.getByTestId("rule-for").fill(String(forSeconds));
    await row.getByTestId("rule-save").click();
    // Saved: the row comes back from the server with the new values and nothing left to save.
    await expect(this.rule(id).getByTestId("rule-threshold")).toHaveValue(String(threshold));
    await expect(this.rule(id).getByTestId("rule-save")).toBeDisabled();
  }

  alert(rows: Locator, rule: string, target: string): Locator {
    return rows.and(this.page.locator(`[data-rule="${rule}"][data-target="${target}"]`));
  }
}
