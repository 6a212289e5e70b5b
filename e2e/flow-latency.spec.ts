import { expect, test } from "@playwright/test";
import type { FlowGraph } from "@/lib/api/flows";
import { gatewayURL } from "../playwright.config";
import { FlowLatencyPage } from "./support/flow-latency-page";
import { ShellPage } from "./support/shell-page";

const MINUTE = 60_000;
const slowEdge = ["topic:orders.events", "service:inventory-service"] as const;
const fastEdge = ["topic:orders.commands", "service:order-service"] as const;

// The e2e demo shop places ~2 orders/s; inventory-service is slowed by 300 ms a message for this spec
// (one at a time, so ~0.6 s of work per second: it keeps up) and set back afterwards.
test.describe("flow latency", () => {
  /** A moment the inventory edge had undelayed latency, in a minute that ended before the delay began. */
  let fastAt = 0;
  test.beforeAll(async ({ request }, testInfo) => {
    testInfo.setTimeout(180_000);
    await expect
      .poll(
        async () => {
          const res = await request.get("/api/flows?window=1m");
          const graph = res.ok() ? ((await res.json()) as FlowGraph) : null;
          return graph?.latency.edges["c:orders.events->inventory-service"]?.count ?? 0;
        },
        { timeout: 90_000, message: "undelayed latency on the inventory edge" },
      )
      .toBeGreaterThan(0);
    fastAt = Date.now();
    // Start the delay in the next minute, so the minute of `fastAt` holds only undelayed hops.
    await new Promise((resolve) => setTimeout(resolve, MINUTE - (fastAt % MINUTE) + 1_000));
    const res = await request.post(`${gatewayURL}/control`, { data: { inventoryDelayMs: 300 } });
    expect(res.status()).toBe(200);
  });
  test.afterAll(async ({ request }) => {
    await request.post(`${gatewayURL}/control`, { data: { inventoryDelayMs: 0 } });
  });

  test("latency labels show the slow edge; its panel lists the slowest messages, one opens its trace", async ({
    page,
  }) => {
    const flows = new FlowLatencyPage(page);
    await flows.goto("?window=1m");
    await new ShellPage(page).expectConnection("live", 30_000);
    await expect(flows.node(slowEdge[1])).toBeVisible({ timeout: 60_000 });

    await test.step("switching labels to latency shows p50/p99 on the edges, the slow one above 200 ms", async () => {
      await flows.labelsToggle.click();
      await expect(page).toHaveURL(/labels=latency/);
      await expect
        .poll(() => flows.edgeP50(...slowEdge), { timeout: 60_000, message: "inventory edge p50" })
        .toBeGreaterThan(200);
      await expect(flows.edgeLatency(...slowEdge)).toHaveText(/^p50 \d.* · p99 \d/);
      await expect.poll(() => flows.edgeP50(...fastEdge), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await flows.edgeP50(...fastEdge)).toBeLessThan(200);
    });

    await test.step("clicking the slow edge lists its slowest messages with traces", async () => {
      await flows.edgeLabel(...slowEdge).click();
      await expect(flows.edgePanel).toBeVisible();
      await expect(flows.page.getByTestId("edge-latency-histogram")).toBeVisible();
      await expect(flows.slowestMessages.first()).toBeVisible({ timeout: 15_000 });
      await expect(flows.slowestMessages.first()).toContainText(/\d+ ms|\d.*s/);
    });

    await test.step("one of them opens its trace page", async () => {
      await flows.slowestMessages.first().getByTestId("edge-slowest-trace").click();
      await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/);
      await expect(page.getByText("inventory-service").first()).toBeVisible({ timeout: 30_000 });
    });
  });

  test("the pathways view lists end-to-end pathways; scrubbing back shows the latency of that moment", async ({
    page,
  }) => {
    const flows = new FlowLatencyPage(page);
    await flows.goto("?labels=latency&window=1m");
    await expect(flows.node(slowEdge[1])).toBeVisible({ timeout: 60_000 });
    await expect.poll(() => flows.edgeP50(...slowEdge), { timeout: 60_000 }).toBeGreaterThan(200);

    await test.step("pathways from orders.commands, with p50/p99", async () => {
      await flows.pathwaysToggle.click();
      await expect(flows.pathways.first()).toBeVisible({ timeout: 15_000 });
      await expect(
        flows.pathways.filter({ hasText: "orders.commands → orders.events" }).first(),
      ).toContainText(/p50 .* · p99 /);
    });

    await test.step("scrubbed back to before the delay, the edge shows the fast latency it had then", async () => {
      // Whole minutes back from now that land in the minute of `fastAt`.
      await flows.scrubBack(Math.floor((Date.now() - (fastAt - (fastAt % MINUTE))) / MINUTE));
      await expect(page).toHaveURL(/at=\d+/);
      await expect(page.getByText(/^at \d/)).toBeVisible();
      await expect.poll(() => flows.edgeP50(...slowEdge), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await flows.edgeP50(...slowEdge)).toBeLessThan(200);
      await page.getByTestId("flow-live").click();
      await expect(page).not.toHaveURL(/at=\d+/);
    });
  });
});
