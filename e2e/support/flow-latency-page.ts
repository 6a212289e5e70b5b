/** Page object for the Flows graph's latency views: label toggle, edge latency panel, pathways, scrubber. */
import { type Locator, type Page } from "@playwright/test";
import { FlowsPage } from "./flows-page";

export class FlowLatencyPage extends FlowsPage {
  readonly labelsToggle: Locator;
  readonly edgePanel: Locator;
  readonly slowestMessages: Locator;
  readonly pathwaysToggle: Locator;
  readonly pathways: Locator;
  readonly scrubber: Locator;

  constructor(page: Page) {
    super(page);
    this.labelsToggle = page.getByTestId("flow-labels-toggle");
    this.edgePanel = page.getByTestId("edge-latency-panel");
    this.slowestMessages = page.getByTestId("edge-slowest-message");
    this.pathwaysToggle = page.getByTestId("flow-pathways-toggle");
    this.pathways = page.getByTestId("pathway");
    this.scrubber = page.getByTestId("flow-scrub");
  }

  /** The latency part of an edge's label (present once the edge has paired messages in the window). */
  edgeLatency(source: string, target: string): Locator {
    return this.edgeLabel(source, target).locator('[data-testid^="flow-edge-latency-"]');
  }

  async edgeP50(source: string, target: string): Promise<number> {
    const label = this.edgeLatency(source, target);
    if ((await label.count()) === 0) return 0;
    return Number(await label.getAttribute("data-p50"));
  }

  /** Moves the scrubber to `minutes` before now (0 = live). */
  async scrubBack(minutes: number): Promise<void> {
    await this.scrubber.fill(String(-minutes));
  }
}
