/** Page object for the Lag pages: the groups table and one group's page, by data-testid. */
import { type Locator, type Page, expect } from "@playwright/test";

export class LagPage {
  readonly table: Locator;
  readonly onlyLagging: Locator;
  readonly summaryTotal: Locator;
  readonly summaryStatus: Locator;
  readonly offsetChart: Locator;
  readonly partitionRows: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId("lag-groups-table");
    this.onlyLagging = page.getByTestId("lag-only-lagging");
    this.summaryTotal = page.getByTestId("lag-summary-total");
    this.summaryStatus = page.getByTestId("lag-summary-status");
    this.offsetChart = page.getByTestId("lag-history-offset-chart");
    this.partitionRows = page.getByTestId("lag-partition-row");
  }

  row(group: string): Locator {
    return this.page.locator(`[data-testid="lag-group-row"][data-group="${group}"]`);
  }

  /**
   * The row of Eventscope's own collector group: `eventscope-collector`, or `eventscope-collector-g<n>`
   * after the collector had to read on with a fresh group (a consumer slow to stop on a busy broker).
   */
  collectorRow(): Locator {
    return this.page.locator('[data-testid="lag-group-row"][data-group^="eventscope-collector"]').first();
  }

  /** Total lag of a group's row in the table, as a bigint (from the row's data attribute, not its text). */
  async rowLag(group: string): Promise<bigint> {
    return BigInt((await this.row(group).getByTestId("lag-group-total").getAttribute("data-value")) ?? "0");
  }

  /** The newest total of the offset-lag chart on a group page (null while it collects history). */
  async chartLatest(): Promise<number | null> {
    const latest = await this.offsetChart.getAttribute("data-latest");
    return latest ? Number(latest) : null;
  }

  async openGroup(group: string): Promise<void> {
    await this.row(group).getByTestId("lag-group-link").click();
    await expect(this.page).toHaveURL(new RegExp(`/lag/${encodeURIComponent(group)}$`));
    await expect(this.page.getByTestId("lag-group-page")).toBeVisible();
  }
}
