/** Where to start reading a partition so the index is warm: the first offset at or after now − lookback. */
import type { Admin, Kafka } from "kafkajs";
import { formatPartitionKey } from "@/lib/model/record-id";

export async function lookbackOffsets(
  admin: Admin,
  topic: string,
  lookbackMs: number,
  now: number,
): Promise<Map<number, string>> {
  const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, now - lookbackMs);
  return new Map(byTime.map((p) => [p.partition, p.offset]));
}

/**
 * The lookback start of a partition as its first batch shows it, so the broker need not be asked — on a
 * cluster of hundreds of idle topics that is nearly every partition. `messages` start where kafkajs began
 * reading: the log start (offset 0 is surely that) or an offset the group committed. Undefined when the
 * batch cannot tell: its first record is recent but may follow recent ones, or all its records are older
 * than `cutoff` and more follow.
 */
export function lookbackInBatch(
  messages: readonly { offset: string; timestamp: string }[],
  offsetLag: string,
  cutoff: number,
): string | undefined {
  const first = messages[0];
  if (!first) return undefined;
  if (Number(first.timestamp) >= cutoff) return first.offset === "0" ? first.offset : undefined;
  const inWindow = messages.find((m) => Number(m.timestamp) >= cutoff);
  if (inWindow) return inWindow.offset;
  // Nothing in the window and nothing after the batch: read on from the end of the log.
  return offsetLag === "0" ? (BigInt(messages.at(-1)!.offset) + 1n).toString() : undefined;
}

/**
 * kafkajs asks per topic, and an admin client refreshes its metadata for every topic it has ever asked
 * about each time it meets a new one: one admin over 1,000 topics made 1,000 metadata calls of up to 1,000
 * topics, one after another (18 s before the collector had read a 1,000-topic cluster). Short-lived admins,
 * each over a share of the topics and a few lookups at a time, cut that to seconds.
 */
const ADMINS = 4;
const TOPICS_PER_ADMIN_AT_LEAST = 25;
const LOOKUPS_PER_ADMIN = 8;

/**
 * The lookback offsets of many topics at once, by `topic/partition`. A topic that cannot be looked up
 * (deleted meanwhile) is left out: its reader starts it where kafkajs does.
 */
export async function lookbackOffsetsOfMany(
  kafka: Kafka,
  topics: readonly string[],
  lookbackMs: number,
  now: number,
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const admins = Math.min(ADMINS, Math.ceil(topics.length / TOPICS_PER_ADMIN_AT_LEAST));
  const shares = Array.from({ length: admins }, (_, i) => topics.filter((_, n) => n % admins === i));
  await Promise.all(
    shares.map(async (share) => {
      const admin = kafka.admin();
      try {
        await admin.connect();
        let next = 0;
        const worker = async () => {
          while (next < share.length) {
            const topic = share[next++]!;
            const offsets = await lookbackOffsets(admin, topic, lookbackMs, now).catch(() => null);
            for (const [partition, offset] of offsets ?? [])
              result.set(formatPartitionKey(topic, partition), offset);
          }
        };
        await Promise.all(Array.from({ length: LOOKUPS_PER_ADMIN }, worker));
      } catch {
        // Not connected: these topics are looked up one by one when their first batch arrives.
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }),
  );
  return result;
}
