/** Page objects for the dead-letter pages, the re-drive dialog and sign-in (data-testid locators only). */
import { type Locator, type Page, expect } from "@playwright/test";

export class DlqPage {
  readonly topicRows: Locator;
  readonly search: Locator;
  readonly dialog: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.topicRows = page.getByTestId("dlq-topic-row");
    this.search = page.getByTestId("letters-search");
    this.dialog = page.getByTestId("redrive-dialog");
    this.progress = page.getByTestId("redrive-progress");
  }

  async signIn(token: string): Promise<void> {
    // The token travels in the fragment, as `npm run demo` prints it: never sent to the server in a URL.
    await this.page.goto(`/sign-in?next=/dlq#token=${encodeURIComponent(token)}`);
    const outcome = this.page.getByTestId("session-user").or(this.page.getByTestId("sign-in-error"));
    await expect(outcome).toBeVisible({ timeout: 30_000 });
    await expect(this.page.getByTestId("sign-in-error")).toHaveCount(0);
    await this.page.waitForURL((url) => url.pathname === "/dlq");
  }

  topicRow(topic: string): Locator {
    return this.page.locator(`[data-testid="dlq-topic-row"][data-topic="${topic}"]`);
  }

  letterRows(): Locator {
    return this.page.getByTestId("letter-row");
  }

  /** Narrows the table to one trace id and returns its row (once the search has been applied). */
  async findLetterByTrace(traceId: string): Promise<Locator> {
    await this.search.fill(traceId);
    const row = this.page.locator(`[data-testid="letter-row"][data-trace-id="${traceId}"]`);
    await expect(row).toHaveCount(1);
    await expect(this.letterRows()).toHaveCount(1);
    return row;
  }
}
