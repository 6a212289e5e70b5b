/**
 * Reads the first few records of topics whose names do not say "DLQ" and checks them for dead-letter
 * headers. One short-lived consumer per round of topics; bounded in records and time.
 */
import { randomUUID } from "node:crypto";
import type { Admin, Kafka } from "kafkajs";
import { hasDeadLetterHeaders } from "@/lib/dlq";
import { flattenHeaders } from "@/lib/model/raw-record";
import { ConsumerProgress, endOffsets } from "@/server/dlq/consumer-progress";

export type SampleVerdict = "dlq" | "not-dlq" | "empty";

const RECORDS_PER_TOPIC = 3;
const TIMEOUT_MS = 8_000;

export async function sampleForDeadLetters(
  kafka: Kafka,
  admin: Admin,
  topics: readonly string[],
  groupPrefix: string,
): Promise<Map<string, SampleVerdict>> {
  const verdicts = new Map<string, SampleVerdict>();
  if (topics.length === 0) return verdicts;
  // A topic deleted since it was listed cannot be asked about: it reads as empty (tried again later if it
  // is still listed) instead of failing the whole round.
  const ends = (await Promise.all(topics.map((t) => endOffsets(admin, [t]).catch(() => [])))).flat();
  const nonEmpty = topics.filter((t) => ends.some((e) => e.topic === t && e.end > e.low));
  for (const t of topics) if (!nonEmpty.includes(t)) verdicts.set(t, "empty");
  if (nonEmpty.length === 0) return verdicts;

  const seen = new Map<string, number>(nonEmpty.map((t) => [t, 0]));
  const groupId = `${groupPrefix}-sample-${randomUUID()}`;
  const consumer = kafka.consumer({
    groupId,
    maxWaitTimeInMs: 200,
    allowAutoTopicCreation: false,
  });
  const progress = new ConsumerProgress(consumer);
  let settle: () => void = () => undefined;
  const allDecided = new Promise<void>((resolve) => (settle = resolve));
  const decided = () => nonEmpty.every((t) => verdicts.has(t));
  // A topic read to its end without a dead-letter header is decided, however few records it has.
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    const topic = payload.topic;
    if (verdicts.has(topic) || !progress.reached(ends.filter((e) => e.topic === topic))) return;
    verdicts.set(topic, (seen.get(topic) ?? 0) > 0 ? "not-dlq" : "empty");
    if (decided()) settle();
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [...nonEmpty], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, message }) => {
        if (verdicts.has(topic)) return;
        if (hasDeadLetterHeaders(flattenHeaders(message.headers))) verdicts.set(topic, "dlq");
        else {
          const n = (seen.get(topic) ?? 0) + 1;
          seen.set(topic, n);
          if (n >= RECORDS_PER_TOPIC) verdicts.set(topic, "not-dlq");
        }
        if (decided()) settle();
      },
    });
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, TIMEOUT_MS).unref());
    const endsOfUndecided = () => ends.filter((e) => nonEmpty.includes(e.topic));
    await Promise.race([allDecided, progress.waitFor(endsOfUndecided(), TIMEOUT_MS), timeout]);
  } finally {
    await consumer.disconnect().catch(() => undefined);
    // A sampling round's group has served its purpose: leave nothing behind in the user's group list.
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  // Read to the end (or out of time) without a dead-letter header: not a DLQ, unless nothing was seen.
  for (const t of nonEmpty)
    if (!verdicts.has(t)) verdicts.set(t, (seen.get(t) ?? 0) > 0 ? "not-dlq" : "empty");
  return verdicts;
}
