/**
 * browser: Debian's Chromium (Playwright) on the Flows page while 5,000 events/s stream in for 60 s.
 * Three 20 s windows each record long tasks, events the tail received over the socket, events it showed
 * (put in the list the person sees and can scroll to, by the page's own running count) and rows the DOM
 * rendered (the list is virtualised: only the ~30 rows in view are elements, so this is far lower by design).
 * The long-task baseline is the same page with no traffic (idle windows before the stream starts).
 * Target: the tail shows ≥ 1,000 events/s of what it receives, no long task > 100 ms.
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
const perSec = (w: ProbeWindow, n: number) => n / w.seconds;

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
      // Precise heap figures (otherwise Chromium rounds them to hide timing side channels).
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--enable-precise-memory-info",
      ],
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
            `window ${i + 1} (${round(w.seconds)} s by the page's clock): received ${round(perSec(w, w.received))}/s, ` +
              `shown ${round(perSec(w, w.shown))}/s, rendered ${round(perSec(w, w.rendered))} rows/s, ` +
              `longest task ${round(maxLongTask(w))} ms, ` +
              `${w.rowsInList} rows in the list, heap ${w.heapMb} MB`,
          );
        }
      } finally {
        await producer.stop();
      }
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
            name: `tail events shown per second at ${rate} events/s`,
            unit: "events/s",
            result: busy.map((w) => perSec(w, w.shown)),
            baseline: busy.map((w) => perSec(w, w.received)),
            baselineWhat: "events the tail received over the socket per second",
            target: {
              text: "shows ≥ 1,000 events/s of what it receives",
              met: ({ result }) => result.median >= 1_000,
            },
          }),
          figure({
            name: `tail rows rendered in the DOM per second at ${rate} events/s`,
            unit: "rows/s",
            result: busy.map((w) => perSec(w, w.rendered)),
            baseline: busy.map((w) => perSec(w, w.shown)),
            baselineWhat: "events shown (put in the virtualised list) per second",
          }),
        ],
        details: {
          produceRate: rate,
          windowSec,
          windowSecondsByPageClock: busy.map((w) => round(w.seconds)),
          longTasksOver50msPerWindow: busy.map((w) => w.longTasksMs.length),
          sampledAwayPerSec: busy.map((w) => round(perSec(w, w.sampledAway))),
          receivedPerSec: busy.map((w) => round(perSec(w, w.received))),
          rowsInListAtEnd: busy.map((w) => w.rowsInList),
          heapMbAtEnd: { idle: idle.map((w) => w.heapMb), busy: busy.map((w) => w.heapMb) },
        },
      };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
