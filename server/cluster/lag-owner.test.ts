import type { Consumer } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { type ServerChild, startServerChild } from "../../bench/support/server-child";
import type { LagGroupsResponse } from "@/lib/api/lag";
import { INSTANCE_HEADER, OWNER_SESSION_TIMEOUT_MS } from "@/server/cluster/ownership";
import { sharedLagTopic } from "@/server/lag/shared-lag";
import { TEST_REDIS_URL } from "@/server/test-support/cluster";
import { eventually } from "@/server/test-support/eventually";
import { testBrokers, testKafka, uniqueName, withAdmin } from "@/server/test-support/kafka";
import { createTestDatabase } from "@/server/test-support/postgres";

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const done of cleanup.reverse()) await done().catch(() => undefined);
});

interface Published {
  pid: number;
  at: number;
}

/** Follows the deployment's lag topic: which instance (by pid) published each poll outcome, and when. */
async function followPublishers(topic: string): Promise<{ seen: Published[]; consumer: Consumer }> {
  const seen: Published[] = [];
  const consumer = testKafka().consumer({ groupId: uniqueName("lag-owner-watch"), maxWaitTimeInMs: 200 });
  await consumer.connect();
  await eventually(
    async () => (await consumer.subscribe({ topic, fromBeginning: true }), true) as true | undefined,
    20_000,
    `the lag topic ${topic}`,
  );
  await consumer.run({
    eachMessage: async ({ message }) => {
      const instance = message.headers?.[INSTANCE_HEADER]?.toString() ?? "";
      seen.push({ pid: Number(instance.split("/")[1]), at: Date.now() });
    },
  });
  return { seen, consumer };
}

const lagOf = async (child: ServerChild) =>
  (await (await fetch(`${child.url}/api/lag`)).json()) as LagGroupsResponse;

/** Both instances' /api/lag at one moment, once both have applied the same latest poll. */
async function sameLag(a: ServerChild, b: ServerChild): Promise<[LagGroupsResponse, LagGroupsResponse]> {
  return eventually(
    async () => {
      const [x, y] = await Promise.all([lagOf(a), lagOf(b)]);
      return x.observedAt !== null && x.observedAt === y.observedAt ? ([x, y] as const) : undefined;
    },
    20_000,
    "both instances answering /api/lag as of the same poll",
  ).then(([x, y]) => [x, y]);
}

describe("lag polling in a deployment of two instances", () => {
  it("runs on one instance at a time, moves to the other within the owner session after a SIGKILL, and both answer /api/lag alike", async () => {
    const db = await createTestDatabase("es_lag_owner");
    cleanup.push(() => db.drop());
    const clusterName = uniqueName("es-lag-owner");
    const env = {
      KAFKA_CLIENT_ID: uniqueName("es-lag-owner"),
      EVENTSCOPE_CLUSTER_NAME: clusterName,
      EVENTSCOPE_STORE: db.url,
      EVENTSCOPE_REDIS_URL: TEST_REDIS_URL,
      EVENTSCOPE_LOOKBACK: "1m",
      EVENTSCOPE_LAG_INTERVAL: "1s",
    };
    const children = await Promise.all([
      startServerChild(testBrokers(), env),
      startServerChild(testBrokers(), env),
    ]);
    for (const child of children) cleanup.push(() => child.stop());
    const [a, b] = children as [ServerChild, ServerChild];
    const watch = await followPublishers(sharedLagTopic(clusterName));
    cleanup.push(() => watch.consumer.disconnect());

    // Steady state: both instances in the owner group, then several polls, all by one instance, and both
    // instances showing the same figures.
    await eventually(
      () =>
        withAdmin(async (admin) => {
          const [group] = (await admin.describeGroups([`${clusterName}-owner`])).groups;
          return group?.state === "Stable" && group.members.length === 2 ? true : undefined;
        }),
      30_000,
      "both instances in the owner group",
    );
    // Two polls published after the group settled: a poll the first owner began before the second instance
    // joined may publish during that rebalance, and is not steady state.
    const settledFrom = watch.seen.length;
    await eventually(
      async () => (watch.seen.length >= settledFrom + 2 ? true : undefined),
      20_000,
      "two lag polls after the group settled",
    );
    const steadyFrom = watch.seen.length;
    await new Promise((r) => setTimeout(r, 3_000));
    const steady = new Set(watch.seen.slice(steadyFrom).map((p) => p.pid));
    expect(steady.size).toBe(1);
    const ownerPid = [...steady][0];
    expect([a.pid, b.pid]).toContain(ownerPid);
    const [lagA, lagB] = await sameLag(a, b);
    expect(lagA.groups.length).toBeGreaterThan(0);
    expect(lagB).toEqual(lagA);

    const [owner, survivor] = ownerPid === a.pid ? [a, b] : [b, a];
    process.kill(owner.pid, "SIGKILL");
    const killedAt = Date.now();
    const takenOver = await eventually(
      async () => watch.seen.find((p) => p.at > killedAt && p.pid === survivor.pid),
      OWNER_SESSION_TIMEOUT_MS + 15_000,
      "a lag poll published by the surviving instance",
    );
    // The owner group's session (10 s) decides when Kafka gives the survivor the lease; the rest is margin
    // for a rebalance and a poll on a loaded machine.
    expect(takenOver.at - killedAt).toBeLessThan(OWNER_SESSION_TIMEOUT_MS + 8_000);
    // One poller at a time: the publishers form one run per owner, never interleaved.
    const runs = watch.seen
      .slice(steadyFrom)
      .map((p) => p.pid)
      .filter((pid, i, all) => i === 0 || all[i - 1] !== pid);
    expect(runs).toEqual([owner.pid, survivor.pid]);
    const before = (await lagOf(survivor)).observedAt ?? 0;
    await eventually(
      async () => (((await lagOf(survivor)).observedAt ?? 0) > before ? true : undefined),
      10_000,
      "the survivor's /api/lag moving on",
    );
  }, 60_000);
});
