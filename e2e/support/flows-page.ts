/** Page object for the Flows page: the flow graph, the live tail with its filter and pause, and the drawer. */
import { type Locator, type Page, expect, test } from "@playwright/test";

export class FlowsPage {
  readonly graph: Locator;
  readonly tailList: Locator;
  readonly rows: Locator;
  readonly pauseButton: Locator;
  readonly newCount: Locator;
  readonly drawer: Locator;
  readonly traceparent: Locator;
  readonly throughput: Locator;

  constructor(readonly page: Page) {
    this.graph = page.getByTestId("flow-graph");
    this.tailList = page.getByTestId("tail-list");
    this.rows = page.getByTestId("tail-row");
    this.pauseButton = page.getByTestId("tail-pause");
    this.newCount = page.getByTestId("tail-new-count");
    this.drawer = page.getByTestId("event-drawer");
    this.traceparent = page.getByTestId("drawer-traceparent");
    this.throughput = page.getByTestId("throughput-chart");
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/flows${query}`);
  }

  /** A graph node by its id: `service:<name>`, `topic:<name>` or `group:<id>`. */
  node(id: string): Locator {
    return this.page.getByTestId(`flow-node-${id}`);
  }

  /** The rate label of the edge between two nodes (edge ids are the server's business, so match by ends). */
  edgeLabel(source: string, target: string): Locator {
    return this.page.locator(
      `[data-testid^="flow-edge-rate-"][data-source="${source}"][data-target="${target}"]`,
    );
  }

  async edgeRate(source: string, target: string): Promise<number> {
    const label = this.edgeLabel(source, target);
    if ((await label.count()) === 0) return 0;
    return Number(await label.getAttribute("data-rate"));
  }

  filter(field: "topic" | "service" | "type"): Locator {
    return this.page.getByTestId(`tail-filter-${field}`);
  }

  /** The row at a position of the newest-first list (0 = newest). */
  row(index: number): Locator {
    return this.tailList.locator(`[data-testid="tail-row"][data-index="${index}"]`);
  }

  async rowId(index: number): Promise<string | null> {
    const row = this.row(index);
    return (await row.count()) === 0 ? null : row.getAttribute("data-event-id");
  }

  /** Ids of the newest rows, top to bottom. */
  async topRowIds(count: number): Promise<(string | null)[]> {
    const ids: (string | null)[] = [];
    for (let i = 0; i < count; i++) ids.push(await this.rowId(i));
    return ids;
  }

  /** Opens the drawer of a row the way a person does: the pointer arrives on the list (which then holds
   *  still), then clicks. Returns the event's id. */
  async openRow(index: number): Promise<string> {
    await this.tailList.hover();
    await expect(this.page.getByTestId("tail-held")).toBeVisible();
    const row = this.row(index);
    const id = await row.getAttribute("data-event-id");
    await row.click();
    await expect(this.drawer).toBeVisible();
    return id ?? "";
  }

  async visibleServices(): Promise<string[]> {
    return this.tailList.getByTestId("tail-cell-service").allTextContents();
  }

  async waitForRows(): Promise<void> {
    await expect(this.rows.first()).toBeVisible({ timeout: 60_000 });
  }

  /** Waits until an event newer than the current newest one shows up at the top. */
  async waitForNewEvent(timeout = 20_000): Promise<void> {
    const before = await this.rowId(0);
    await expect
      .poll(() => this.rowId(0), { timeout, message: "a newer event at the top of the tail" })
      .not.toBe(before);
  }

  async filterByService(service: string): Promise<void> {
    await test.step(`filter the tail by service ${service}`, async () => {
      await expect(this.filter("service").locator(`option[value="${service}"]`)).toHaveCount(1, {
        timeout: 30_000,
      });
      await this.filter("service").selectOption(service);
      await expect(this.page).toHaveURL(new RegExp(`[?&]service=${encodeURIComponent(service)}`));
    });
  }
}
