import pino from "pino";
import { describe, expect, it } from "vitest";
import { type PollOutcome, startLagPoller } from "@/server/lag/poller";
import { startLagService } from "@/server/lag/service";
import { group, observation } from "@/server/lag/testing/observations";
import type { ClusterObservation } from "@/server/lag/types";

function recordingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines: () => lines.filter((l) => l.level >= 30).map((l) => l.msg) };
}

describe("lag poller", () => {
  it("keeps the last figures flagged stale through an outage and logs once per change", async () => {
    const answers: Array<ClusterObservation | Error> = [
      observation(1_000, [group("g", { t: [1n] })], { t: [4n] }),
      new Error("connect ECONNREFUSED 127.0.0.1:9092"),
      new Error("connect ECONNREFUSED 127.0.0.1:9092"),
      observation(4_000, [group("g", { t: [4n] })], { t: [4n] }),
    ];
    const { logger, lines } = recordingLogger();
    const service = startLagService({
      intervalMs: 1_000,
      logger,
      autoStart: false,
      read: async () => {
        const next = answers.shift();
        if (next instanceof Error || next === undefined) throw next ?? new Error("no more answers");
        return next;
      },
    });
    let polls = 0;
    service.onPoll(() => (polls += 1));

    await service.pollNow();
    expect(service.groups()).toMatchObject({ observedAt: 1_000, stale: false, error: null });
    await service.pollNow();
    await service.pollNow();
    expect(service.groups()).toMatchObject({
      observedAt: 1_000,
      stale: true,
      error: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(service.group("g")?.group.totalLag).toBe("3");
    expect(service.group("g")?.stale).toBe(true);
    await service.pollNow();
    expect(service.groups()).toMatchObject({ observedAt: 4_000, stale: false, error: null });
    expect(service.group("g")?.group.totalLag).toBe("0");
    expect(polls).toBe(4);
    expect(lines()).toEqual(["lag poll failed; keeping the last figures", "lag polling recovered"]);
    await service.stop();
  });

  it("tells when each group consumed an offset, from the committed-offset history (one point per poll at 5 s)", async () => {
    const answers = [
      observation(5_000, [group("a", { t: [10n] }), group("b", { t: [5n] })], { t: [20n] }),
      observation(10_000, [group("a", { t: [15n] }), group("b", { t: [5n] })], { t: [20n] }),
      observation(15_000, [group("a", { t: [20n] }), group("b", { t: [5n] })], { t: [20n] }),
    ];
    const service = startLagService({
      intervalMs: 5_000,
      logger: pino({ level: "silent" }),
      autoStart: false,
      read: async () => answers.shift() ?? observation(20_000, [], {}),
    });
    for (let i = 0; i < 3; i += 1) await service.pollNow();
    expect(service.consumedAt("t", 0, "12")).toEqual([
      { group: "a", consumedBy: 10_000, notYetAt: 5_000 },
      { group: "b", consumedBy: null, notYetAt: 15_000 },
    ]);
    expect(service.consumptionHistory().filter((p) => p.group === "a")).toEqual([
      { group: "a", topic: "t", partition: 0, committedOffset: "10", observedAt: 5_000 },
      { group: "a", topic: "t", partition: 0, committedOffset: "15", observedAt: 10_000 },
      { group: "a", topic: "t", partition: 0, committedOffset: "20", observedAt: 15_000 },
    ]);
    expect(service.consumedAt("t", 0, "not an offset")).toEqual([]);
    await service.stop();
  });

  it("does not deliver a poll that was still reading when the poller stopped (ownership moved on)", async () => {
    let finishRead: (o: ClusterObservation) => void = () => undefined;
    const delivered: PollOutcome[] = [];
    const poller = startLagPoller({
      intervalMs: 1_000,
      logger: pino({ level: "silent" }),
      autoStart: false,
      read: () => new Promise<ClusterObservation>((resolve) => (finishRead = resolve)),
      deliver: (outcome) => void delivered.push(outcome),
    });
    const polling = poller.pollNow();
    const stopping = poller.stop();
    finishRead(observation(1_000, [group("g", { t: [1n] })], { t: [4n] }));
    await Promise.all([polling, stopping]);
    expect(delivered).toEqual([]);
  });
});
