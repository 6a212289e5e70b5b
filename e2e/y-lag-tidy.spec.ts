/*
 * Runs after the trace specs (files run in name order): its 26 topics are deleted at the end, and a known
 * collector defect — restarting its consumer while many topics are being deleted can hang in kafkajs'
 * metadata retries — would otherwise freeze the store for the specs that follow.
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Kafka, logLevel } from "kafkajs";
import { e2eBrokerOverrides } from "../scripts/kafka/paths";
import { LagPage } from "./support/lag-page";
import { SCREENSHOT_DIR } from "./support/lag-shots";

const kafka = () =>
  new Kafka({
    clientId: "e2e-lag-tidy",
    brokers: [`127.0.0.1:${e2eBrokerOverrides.port}`],
    logLevel: logLevel.NOTHING,
  });

test.describe("consumer lag, first impression", () => {
  test("Eventscope's own groups are hidden until the toggle, which the URL remembers", async ({ page }) => {
    const lag = new LagPage(page);
    await page.goto("/lag");
    await expect(lag.row("inventory-service")).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('[data-testid="lag-group-row"][data-internal="true"]')).toHaveCount(0);

    await page.getByTestId("lag-show-internal").check();
    await expect(page).toHaveURL(/\/lag\?internal=1$/);
    await expect(lag.collectorRow()).toBeVisible();
    await expect(lag.collectorRow()).toHaveAttribute("data-internal", "true");
    await expect(lag.row("inventory-service")).toBeVisible();

    await page.reload();
    await expect(page.getByTestId("lag-show-internal")).toBeChecked();
    await expect(lag.collectorRow()).toBeVisible({ timeout: 30_000 });
  });

  test("a group reading 26 topics: figures uncut at 1280 px, charts show the top 5 and others", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const group = `e2e-wide-reader-${Date.now()}`;
    const topics = Array.from(
      { length: 26 },
      (_, i) => `e2e-wide-${Date.now()}-${String(i).padStart(2, "0")}`,
    );
    const admin = kafka().admin();
    await admin.connect();
    // Idempotent: retries while the new topics elect leaders must not write a record twice.
    const producer = kafka().producer({
      allowAutoTopicCreation: false,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    let expectedLag = 0;
    try {
      await admin.createTopics({
        topics: topics.map((topic) => ({ topic, numPartitions: 2 })),
        waitForLeaders: true,
      });
      await producer.connect();
      // Topic i gets i + 1 records on each partition; the group committed 0 on partition 0 only, so each
      // topic has a known lag (its partition 0's end offset) and one partition of unknown lag.
      await producer.sendBatch({
        topicMessages: topics.map((topic, i) => ({
          topic,
          messages: Array.from({ length: 2 * (i + 1) }, (_, n) => ({ partition: n % 2, value: `m${n}` })),
        })),
      });
      for (const topic of topics)
        await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: "0" }] });
      // The group's lag as Kafka itself reports it: the end offsets of every partition 0.
      const partition0Ends = async () => {
        let sum = 0;
        for (const topic of topics) {
          const ends = await admin.fetchTopicOffsets(topic);
          sum += Number(ends.find((p) => p.partition === 0)?.high ?? 0);
        }
        return sum;
      };
      await expect.poll(partition0Ends, { timeout: 30_000 }).toBeGreaterThanOrEqual(351); // 1 + 2 + … + 26
      expectedLag = await partition0Ends();
    } finally {
      await producer.disconnect();
      await admin.disconnect();
    }

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/lag/${encodeURIComponent(group)}`);
    const lag = new LagPage(page);
    await expect(lag.summaryTotal).toHaveText(expectedLag.toLocaleString("en-US"), { timeout: 60_000 });
    await expect(page.getByTestId("lag-summary-total-note")).toHaveText("+ 26 partitions unknown");
    await expect.poll(() => lag.chartLatest(), { timeout: 60_000 }).toBe(expectedLag);
    await expect(lag.offsetChart).toHaveAttribute("data-series", "6");
    await expect(lag.offsetChart.locator(".recharts-legend-item")).toHaveCount(6);
    await expect(lag.offsetChart.getByText("21 other topics")).toBeVisible();

    // No figure or label of the summary is cut (an ellipsis or clipped text would be wider than its box).
    const cut = await page
      .getByTestId("lag-group-summary")
      .locator("dt, dd")
      .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
    expect(cut).toEqual([]);
    const cutHeaders = await page
      .getByTestId("lag-partition-table")
      .locator("th")
      .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
    expect(cutHeaders).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "lag-wide-group-1280.png"), fullPage: true });

    await page.getByTestId("lag-history-all").click();
    await expect(lag.offsetChart).toHaveAttribute("data-series", "26");
    await page.getByTestId("lag-history-all").click();
    await expect(lag.offsetChart).toHaveAttribute("data-series", "6");
  });
});
