/**
 * redrive: 10,000 dead letters re-driven by an unthrottled task (the API's highest velocity) through the
 * dashboard's own REST API, as an operator would; then every record on the target is read back with
 * read_committed and checked: exactly 10,000, no duplicates. Three topics, three tasks, each interleaved
 * with the baseline (transactional-baseline.ts). Target: ≥ 2,000 letters/s, exactly once.
 */
import type { DlqTopicsResponse, RedriveStartResponse, RedriveTask } from "@/lib/api/dlq";
import { FINAL_REDRIVE_STATUSES } from "@/lib/api/dlq";
import { MAX_REDRIVE_BATCH } from "@/lib/dlq";
import {
  ADMIN_TOKEN,
  type Client,
  produceDeadLetters,
  readAll,
  signedIn,
  waitFor,
} from "@/server/dlq/testing/support";
import { createTestTopics } from "@/server/test-support/kafka";
import type { Benchmark } from "../support/benchmark";
import { figure } from "../support/figure";
import { startPipeline } from "../support/pipeline";
import { round, sleep } from "../support/stats";
import { letterMessages, transactionalProducerRate } from "./transactional-baseline";

const UNTHROTTLED = 10_000;

async function redriveAll(c: Client, dlq: string): Promise<{ rate: number; task: RedriveTask }> {
  const began = performance.now();
  const res = await c.post<RedriveStartResponse>(`/api/dlq/${dlq}/redrive`, {
    filter: {},
    ratePerSec: UNTHROTTLED,
  });
  if (res.status !== 202)
    throw new Error(`re-drive of ${dlq} answered ${res.status}: ${JSON.stringify(res.body)}`);
  for (;;) {
    const { body } = await c.get<RedriveTask>(`/api/redrives/${res.body.task.id}`);
    if (FINAL_REDRIVE_STATUSES.includes(body.status))
      return { rate: body.moved / ((performance.now() - began) / 1000), task: body };
    await sleep(20);
  }
}

/** Exactly once: every letter arrived, none twice (committed records only). */
async function verifyExactlyOnce(target: string, dlq: string, count: number): Promise<void> {
  const from = (await readAll(target, 120_000)).map((m) => String(m.headers?.["x-redriven-from"] ?? ""));
  const distinct = new Set(from.filter((f) => f.startsWith(`${dlq}/`)));
  if (from.length !== count || distinct.size !== count)
    throw new Error(
      `${target}: ${from.length} records, ${distinct.size} distinct letters; expected exactly ${count}`,
    );
}

export const redriveBench: Benchmark = {
  name: "redrive",
  description:
    "unthrottled re-drive of 10,000 dead letters, verified exactly once, vs a transactional producer",
  async run({ smoke, repetitions, brokers, log }) {
    const count = smoke ? 500 : 10_000;
    const reps = Array.from({ length: repetitions }, (_, i) => ({
      origin: `bench-orders-${i}`,
      dlq: `bench-orders-${i}.DLQ`,
    }));
    await createTestTopics(
      { topic: "bench-baseline-target", numPartitions: 3 },
      ...reps.flatMap((r) => [
        { topic: r.origin, numPartitions: 3 },
        { topic: r.dlq, numPartitions: 1 },
      ]),
    );
    for (const r of reps) await produceDeadLetters(r.dlq, r.origin, count);
    const { app, close } = await startPipeline(brokers, {
      EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN,
      EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms",
      // All three topics' letters are held at once, ~3 kB of memory each (measured on the heap): 30,000 of
      // them need ~90 MB, more than the default budget's share for dead letters (64 MB), which would let the
      // oldest go and the topics never count 10,000.
      EVENTSCOPE_MEMORY_MB: "1024",
    });
    try {
      const c = await signedIn(app.url);
      await waitFor(
        "every DLQ topic loaded",
        async () => {
          const { body } = await c.get<DlqTopicsResponse>("/api/dlq");
          return reps.every((r) =>
            body.topics.find((t) => t.topic === r.dlq && t.loaded && t.total === count),
          );
        },
        120_000,
      );
      const messages = letterMessages(count);
      // Warm-up: one transactional run, so neither side pays for the first transaction coordinator lookup.
      await transactionalProducerRate(
        brokers,
        "bench-baseline-target",
        messages.slice(0, 1_000),
        MAX_REDRIVE_BATCH,
      );
      const eventscope: number[] = [];
      const baseline: number[] = [];
      for (const r of reps) {
        baseline.push(
          await transactionalProducerRate(brokers, "bench-baseline-target", messages, MAX_REDRIVE_BATCH),
        );
        const { rate, task } = await redriveAll(c, r.dlq);
        if (task.status !== "completed" || task.moved !== count)
          throw new Error(
            `task ${task.id} ended ${task.status} with ${task.moved}/${count} moved: ${task.error}`,
          );
        await verifyExactlyOnce(r.origin, r.dlq, count);
        eventscope.push(rate);
        log(
          `${r.dlq}: ${round(rate)} letters/s (baseline ${round(baseline.at(-1) ?? NaN)}/s), exactly ${count} on ${r.origin}`,
        );
      }
      return {
        figures: [
          figure({
            name: `re-drive of ${count} letters, unthrottled, exactly once`,
            unit: "letters/s",
            result: eventscope,
            baseline,
            baselineWhat: `plain transactional kafkajs producer, ${MAX_REDRIVE_BATCH} per transaction`,
            target: { text: "≥ 2,000 letters/s, exactly once", met: ({ result }) => result.median >= 2_000 },
          }),
        ],
        details: {
          letters: count,
          batchSize: MAX_REDRIVE_BATCH,
          requestedRatePerSec: UNTHROTTLED,
          exactlyOnce:
            "verified per repetition: read_committed read of the target, count and distinct x-redriven-from",
          timing: "POST /api/dlq/:topic/redrive until the task reports completed",
        },
      };
    } finally {
      await close();
    }
  },
};
