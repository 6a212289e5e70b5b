import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { startBroker, stopBroker } from "@/scripts/kafka/broker";
import { type DemoProcess, listening, startDemo, waitUntilUp } from "@/server/test-support/demo-process";
import { eventually } from "@/server/test-support/eventually";
import { Kafka, logLevel } from "kafkajs";

/** A broker of this test's own: it is stopped mid-run, which no other test may see. */
const brokerPort = Number(process.env.EVENTSCOPE_SHUTDOWN_TEST_BROKER_PORT ?? 19292);
const broker = {
  name: `kafka-shutdown-test-${brokerPort}`,
  port: brokerPort,
  controllerPort: brokerPort + 1,
};
const brokers = `127.0.0.1:${brokerPort}`;
const quiet = () => undefined;

let demo: DemoProcess | null = null;

/**
 * Starts the broker and waits until it can coordinate consumer groups: a brand-new broker creates
 * `__consumer_offsets` on first use, and the demo shop gives up if that takes longer than its retries.
 */
async function startWarmBroker(): Promise<void> {
  await startBroker(broker, quiet);
  const admin = new Kafka({
    clientId: "es-shutdown-test",
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    await eventually(
      () => admin.fetchOffsets({ groupId: "es-shutdown-warm-up" }).then(() => true),
      60_000,
      "the broker's group coordinator",
    );
  } finally {
    await admin.disconnect();
  }
}

beforeAll(async () => {
  await startWarmBroker();
  buildIfNeeded(quiet);
}, 600_000);

afterEach(() => {
  if (demo?.child.exitCode === null) demo.child.kill("SIGKILL");
  demo = null;
});

afterAll(async () => {
  await stopBroker(broker);
}, 60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function expectAllStopped(d: DemoProcess): Promise<void> {
  expect(await listening(d.dashboardPort), "dashboard still listening").toBe(false);
  expect(await listening(d.gatewayPort), "demo shop still listening").toBe(false);
}

describe("npm run demo: stopping", () => {
  it("after a burst of traffic with the broker already stopped, Ctrl-C exits within 5 s", async () => {
    await startWarmBroker();
    demo = await startDemo(brokers, ["--shop"]);
    await waitUntilUp(demo, 300_000);
    const control = `http://127.0.0.1:${demo.gatewayPort}/control`;
    await fetch(control, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rate: 300 }),
    });
    await sleep(4_000);
    await stopBroker(broker);
    // Every client is now retrying against a broker that is gone.
    await sleep(3_000);
    const exit = demo.exitWithin();
    demo.child.kill("SIGINT");
    const took = await exit;
    expect(took, demo.output()).toBeLessThan(5_000);
    await expectAllStopped(demo);
  }, 420_000);

  it("a second Ctrl-C exits at once", async () => {
    await startWarmBroker();
    demo = await startDemo(brokers, ["--shop"]);
    await waitUntilUp(demo, 300_000);
    demo.child.kill("SIGINT");
    await sleep(200);
    const exit = demo.exitWithin();
    demo.child.kill("SIGINT");
    expect(await exit, demo.output()).toBeLessThan(1_000);
    await sleep(200);
    await expectAllStopped(demo);
  }, 420_000);
});
