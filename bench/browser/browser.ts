/**
 * browser: Debian's Chromium (Playwright) on the Flows page while 5,000 events/s stream in for 60 s.
 * Three 20 s windows each record long tasks, events the tail received over the socket and rows it showed;
 * the baseline is the same page with no traffic (idle windows before the stream starts).
 * Target: the tail shows ≥ 1,000 events/s of what it receives, no long task > 100 ms. (The Flows page asks
 * the server for at most 100 events/s and the server grants at most 500, so as designed it cannot show more.)
 */
import { chromium } from "@playwright/test";
import type { Benchmark } from "../support/benchmark";
import { figure } from "../support/figure";
import { createTopic, produceAtRate } from "../support/kafka";
import { tracedRecord } from "../support/records";
import { round, sleep } from "../support/stats";
import { installPageProbes, type ProbeWindow, readProbeWindow } from "./page-probes";
import { startUiServer } from "./ui-server";

const PARTITIONS = 6;
const WINDOWS = 3;

const maxLongTask = (w: ProbeWindow) => Math.max(0, ...w.longTasksMs);

export const browserBench: Benchmark = {
  name: "browser",
  description: "Chromium on the Flows page at 5,000 events/s for 60 s: long tasks and rows shown per second",
  async run({ smoke, brokers, log }) {
    const rate = smoke ? 500 : 5_000;
    const windowSec = smoke ? 2 : 20;
    const idleSec = smoke ? 1 : 5;
    const topic = "bench-browser";
    await createTopic(brokers, topic, PARTITIONS);
    const server = await startUiServer(brokers, smoke, log);
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await installPageProbes(page);
      await page.goto(`${server.url}/flows`);
      // An empty tail says so; rows arrive once the stream starts.
      await page
        .getByTestId("tail-list")
        .or(page.getByTestId("tail-empty"))
        .first()
        .waitFor({ timeout: 60_000 });
      await sleep(2_000); // the page settles (first render, socket upgrade): not timed
      await readProbeWindow(page);
      const idle: ProbeWindow[] = [];
      for (let i = 0; i < WINDOWS; i++) {
        await sleep(idleSec * 1000);
        idle.push(await readProbeWindow(page));
      }
      const producer = await produceAtRate(brokers, topic, rate, (i) => tracedRecord(i, PARTITIONS));
      const busy: ProbeWindow[] = [];
      try {
        await sleep(smoke ? 1_000 : 5_000); // warm-up under traffic: not timed
        await readProbeWindow(page);
        for (let i = 0; i < WINDOWS; i++) {
          await sleep(windowSec * 1000);
          const w = await readProbeWindow(page);
          busy.push(w);
          log(
            `window ${i + 1}: received ${round(w.received / windowSec)}/s, shown ${round(w.shown / windowSec)}/s, longest task ${round(maxLongTask(w))} ms`,
          );
        }
      } finally {
        await producer.stop();
      }
      const perSec = (n: number) => n / windowSec;
      return {
        figures: [
          figure({
            name: `longest main-thread task at ${rate} events/s`,
            unit: "ms",
            result: busy.map(maxLongTask),
            baseline: idle.map(maxLongTask),
            baselineWhat: "same page without traffic (0 = no long task)",
            target: { text: "no long task > 100 ms", met: ({ result }) => result.max <= 100 },
          }),
          figure({
            name: `tail rows shown per second at ${rate} events/s`,
            unit: "rows/s",
            result: busy.map((w) => perSec(w.shown)),
            baseline: busy.map((w) => perSec(w.received)),
            baselineWhat: "events the tail received over the socket per second",
            target: {
              text: "shows ≥ 1,000 events/s of what it receives",
              met: ({ result }) => result.median >= 1_000,
            },
          }),
        ],
        details: {
          produceRate: rate,
          windowSec,
          longTasksOver50msPerWindow: busy.map((w) => w.longTasksMs.length),
          sampledAwayPerSec: busy.map((w) => round(perSec(w.sampledAway))),
          receivedPerSec: busy.map((w) => round(perSec(w.received))),
        },
      };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
