/** Page objects for the Traces list and the trace page (waterfall, hop details), by data-testid. */
import { type Locator, type Page, expect, test } from "@playwright/test";
import { ShellPage } from "./shell-page";

export class TracesListPage {
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId("traces-table");
    this.rows = page.getByTestId("trace-row");
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/traces${query}`);
  }

  filter(field: "service" | "topic" | "status" | "min-duration"): Locator {
    return this.page.getByTestId(`traces-filter-${field}`);
  }

  row(traceId: string): Locator {
    return this.page.locator(`[data-testid="trace-row"][data-trace-id="${traceId}"]`);
  }
}

export class TracePage {
  readonly header: Locator;
  readonly waterfall: Locator;
  readonly rows: Locator;
  readonly detail: Locator;
  readonly notFound: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByTestId("trace-header");
    this.waterfall = page.getByTestId("waterfall");
    this.rows = page.getByTestId("waterfall-row");
    this.detail = page.getByTestId("hop-detail");
    this.notFound = page.getByTestId("trace-not-found");
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/traces/${encodeURIComponent(id)}`);
  }

  /** Pastes `term` into the global search box and submits it, as a person would. */
  async search(term: string): Promise<void> {
    await test.step(`search for ${term}`, async () => {
      // Before hydration Enter would submit the bare form; the live indicator means the app is running.
      await new ShellPage(this.page).expectConnection("live", 30_000);
      const box = this.page.getByTestId("trace-search");
      await box.fill(term);
      await box.press("Enter");
      await expect(this.page).toHaveURL(new RegExp(`/traces/${escapeRegExp(encodeURIComponent(term))}$`), {
        timeout: 30_000,
      });
    });
  }

  rowsOf(service: string): Locator {
    return this.page.locator(`[data-testid="waterfall-row"][data-service="${service}"]`);
  }

  get deadLetterRows(): Locator {
    return this.page.locator('[data-testid="waterfall-row"][data-dead-letter="true"]');
  }

  rowAt(index: number): Locator {
    return this.waterfall.locator(`[data-testid="waterfall-row"][data-index="${index}"]`);
  }

  /**
   * Services the rendered rows show: producers (a row's service) and consumers (named beside its bar), so a
   * service that only consumes, like the demo's notification-service, counts too. The waterfall is
   * virtualised: only rows in view are rendered.
   */
  async renderedServices(): Promise<Set<string>> {
    const names = await this.rows.evaluateAll((rows) =>
      rows.flatMap((r) => [
        r.getAttribute("data-service") ?? "",
        ...(r.getAttribute("data-consumers") ?? "").split(","),
      ]),
    );
    return new Set(names.filter(Boolean));
  }

  /** Waits until the trace shows at least one hop of each service (it grows live while the order runs). */
  async expectServices(services: readonly string[], timeout = 45_000): Promise<void> {
    await test.step(`the waterfall shows ${services.join(", ")}`, async () => {
      await expect
        .poll(async () => [...(await this.renderedServices())].sort(), { timeout })
        .toEqual(expect.arrayContaining([...services]));
    });
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
