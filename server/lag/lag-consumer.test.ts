/**
 * A real consumer group on the real broker: it stops consuming while a producer keeps writing, then
 * resumes. Our figures are checked against Kafka's own `kafka-consumer-groups --describe` along the way.
 */
import type { Consumer, Kafka } from "kafkajs";
import { afterEach, describe, expect, it } from "vitest";
import { lagGroupDetailResponseSchema, type LagGroupDetailResponse } from "@/lib/api/lag";
import { lagFeature } from "@/server/lag";
import { describeGroup, type DescribeResult } from "@/server/lag/testing/kafka-consumer-groups";
import { type Load, startLoad } from "@/server/lag/testing/load";
import { type GroupPolls, recordGroupPolls } from "@/server/lag/testing/polls";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { createTestTopics, testBrokers, testKafka, uniqueName } from "@/server/test-support/kafka";

const INTERVAL_MS = 1_000;
const PARTITIONS = 3;

let app: TestApp | null = null;
let load: Load | null = null;
let consumer: Consumer | null = null;
let polls: GroupPolls | null = null;
afterEach(async () => {
  polls?.stop();
  await load?.stop();
  await consumer?.disconnect();
  await app?.close();
  [app, load, consumer, polls] = [null, null, null, null];
});

const totalLag = (d: LagGroupDetailResponse) => BigInt(d.group.totalLag);
const offsetsOf = (d: LagGroupDetailResponse) => d.partitions.map((p) => p.currentOffset);

async function startConsumer(kafka: Kafka, group: string, topic: string): Promise<Consumer> {
  const c = kafka.consumer({
    groupId: group,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    allowAutoTopicCreation: false,
  });
  await c.connect();
  await c.subscribe({ topic, fromBeginning: true });
  await c.run({ eachMessage: async () => undefined });
  return c;
}

/** The polls that bracket a run of the tool: the last one before it, the first one surely after it. */
function bracket(seen: readonly LagGroupDetailResponse[], run: DescribeResult) {
  const before = seen.filter((d) => (d.observedAt ?? 0) <= run.startedAt).at(-1);
  // A poll observed more than one interval after the run ended started after it (a poll takes ms).
  const after = seen.find((d) => (d.observedAt ?? 0) > run.finishedAt + INTERVAL_MS);
  if (!before || !after) throw new Error("no polls around the kafka-consumer-groups run");
  return { before, after };
}

describe("lag of a consumer group that stops and resumes while a producer keeps writing", () => {
  it("grows and leaves OK while stopped, matches kafka-consumer-groups, then drains to 0 and is OK again", async () => {
    const topic = uniqueName("lag-orders");
    const group = uniqueName("lag-consumer");
    await createTestTopics({ topic, numPartitions: PARTITIONS });
    app = await startTestApp(testConfig({ EVENTSCOPE_LAG_INTERVAL: `${INTERVAL_MS}ms` }), {
      lag: lagFeature,
    });
    const service = app.services.lag;
    if (!service) throw new Error("the lag feature is not running");
    polls = recordGroupPolls(service, group);
    const kafka = testKafka();
    load = await startLoad(kafka, topic, PARTITIONS, 50);
    consumer = await startConsumer(kafka, group, topic);

    const caughtUp = await polls.waitFor("the group to consume every partition, status OK", (d) => {
      return d.partitions.length === PARTITIONS && d.partitions.every((p) => p.currentOffset !== null)
        ? d.group.status === "OK" && d.group.state === "Stable"
        : false;
    });
    expect(caughtUp.group.members).toBe(1);
    // Let it commit for a few polls, so Burrow's window holds a history of commits, as in production.
    const committing = await polls.waitFor("the committed offsets to move for five more polls", (d) => {
      const since = polls?.seen.slice(polls.seen.indexOf(caughtUp)) ?? [];
      return (
        since.length > 5 &&
        offsetsOf(d).every((o, i) => BigInt(o ?? 0) > BigInt(caughtUp.partitions[i]?.currentOffset ?? 0))
      );
    });
    expect(committing.group.status).toBe("OK");

    // Stop consuming (the member stays in the group, as a paused or stuck service does).
    const pausedAt = Date.now();
    consumer.pause([{ topic }]);
    const frozen = await polls.waitFor("the committed offsets to stop moving", (d) => {
      const previous = polls?.seen.at(-2);
      return previous !== undefined && offsetsOf(previous).join() === offsetsOf(d).join();
    });
    const growing = await polls.waitFor("the lag to grow for three polls", () => {
      const last = polls?.seen.slice(-3) ?? [];
      return (
        last.length === 3 &&
        totalLag(last[0]!) < totalLag(last[1]!) &&
        totalLag(last[1]!) < totalLag(last[2]!)
      );
    });
    expect(offsetsOf(growing)).toEqual(offsetsOf(frozen));
    const notOk = await polls.waitFor("the status to leave OK", (d) => d.group.status !== "OK", 30_000);
    const leftOkAfterMs = (notOk.observedAt ?? 0) - pausedAt;
    expect(notOk.group.status).toBe("ERR");
    expect(notOk.partitions.some((p) => p.status === "STOP")).toBe(true);
    // Partitions froze at slightly different polls; each one is called stopped in turn.
    const stopped = await polls.waitFor("every partition to be STOP", (d) =>
      d.partitions.every((p) => p.status === "STOP"),
    );
    expect(stopped.group.status).toBe("ERR");
    expect(stopped.group.maxTimeLagSeconds).toBeGreaterThan(0);
    expect(stopped.group.timeToDrainSeconds).toBe("never");

    // The REST API says the same as the service.
    const rest = lagGroupDetailResponseSchema.parse(
      await (await fetch(`${app.url}/api/lag/${encodeURIComponent(group)}`)).json(),
    );
    expect(rest.group.status).toBe("ERR");
    expect(BigInt(rest.group.totalLag)).toBeGreaterThan(0n);

    const bootstrap = testBrokers()[0] ?? "127.0.0.1:9092";
    // While the producer writes: the tool's LOG-END-OFFSET lies between our polls just before and just
    // after its run, CURRENT-OFFSET (frozen) is equal, and its LAG is consistent with both.
    const live = await describeGroup(bootstrap, group);
    await polls.waitFor(
      "a poll after the tool's run",
      (d) => (d.observedAt ?? 0) > live.finishedAt + INTERVAL_MS,
    );
    const { before, after } = bracket(polls.seen, live);
    expect(
      live.rows.map((r) => [r.topic, r.partition]),
      live.output,
    ).toEqual(before.partitions.map((p) => [p.topic, p.partition]));
    for (const [i, row] of live.rows.entries()) {
      const [ours, oursAfter] = [before.partitions[i]!, after.partitions[i]!];
      expect(row.currentOffset).toBe(ours.currentOffset);
      expect(BigInt(row.logEndOffset!)).toBeGreaterThanOrEqual(BigInt(ours.logEndOffset!));
      expect(BigInt(row.logEndOffset!)).toBeLessThanOrEqual(BigInt(oursAfter.logEndOffset!));
      expect(BigInt(row.lag!)).toBeGreaterThanOrEqual(BigInt(ours.lag!));
      expect(BigInt(row.lag!)).toBeLessThanOrEqual(BigInt(oursAfter.lag!));
    }

    // With the producer paused the figures stand still: every column must be equal.
    await load.pause();
    const settledAt = Date.now();
    await polls.waitFor("a poll after the producer paused", (d) => (d.observedAt ?? 0) > settledAt + 100);
    const still = await describeGroup(bootstrap, group);
    expectSameAsTool(polls.latest()!, still);
    const comparisonMs = still.finishedAt - still.startedAt;

    // Resume: the group catches up while the producer writes (status OK, lag down to what is in flight),
    // then, with the writes paused, its lag is exactly 0 on every partition.
    load.resume();
    const resumedAt = Date.now();
    consumer.resume([{ topic }]);
    const caughtUpAgain = await polls.waitFor(
      "status OK and the lag down to less than a second of writes",
      (d) => d.group.status === "OK" && totalLag(d) < 20n,
      60_000,
    );
    const drainedAfterMs = (caughtUpAgain.observedAt ?? 0) - resumedAt;
    await load.pause();
    const quietAt = Date.now();
    const drained = await polls.waitFor("lag 0 with status OK after the writes paused", (d) => {
      return (d.observedAt ?? 0) > quietAt + 100 && totalLag(d) === 0n && d.group.status === "OK";
    });
    expect(drained.partitions.every((p) => p.status === "OK" && p.lag === "0")).toBe(true);
    expect(drained.group.maxTimeLagSeconds).toBe(0);
    expect(drained.group.timeToDrainSeconds).toBe(0);
    const end = await describeGroup(bootstrap, group);
    expectSameAsTool(polls.latest()!, end);
    expect(end.rows.every((r) => r.lag === "0")).toBe(true);

    process.stdout.write(
      `[lag] left OK ${leftOkAfterMs} ms after the pause; drained ${drainedAfterMs} ms after resume; ` +
        `kafka-consumer-groups --describe took ${comparisonMs} ms\n`,
    );
  }, 150_000);
});

function expectSameAsTool(ours: LagGroupDetailResponse, tool: DescribeResult): void {
  expect(
    ours.partitions.map((p) => ({ ...pick(p) })),
    tool.output,
  ).toEqual(tool.rows);
}

function pick(p: LagGroupDetailResponse["partitions"][number]) {
  return {
    topic: p.topic,
    partition: p.partition,
    currentOffset: p.currentOffset,
    logEndOffset: p.logEndOffset,
    lag: p.lag,
    consumerId: p.consumerId,
    host: p.host,
    clientId: p.clientId,
  };
}
