/**
 * One kafkajs consumer reading a fixed list of topics into the collector. It starts each partition where
 * the collector wants it: the first batch a partition delivers only shows where kafkajs chose to start;
 * if that is not the collector's own position (or now − lookback for a partition it never read), the
 * batch is dropped and the partition is sought there. Seeking from inside eachBatch is the one point where
 * kafkajs reliably honours a seek; a seek on GROUP_JOIN races its own offset resolution and is lost.
 */
import type { Admin, Consumer, Kafka } from "kafkajs";
import type { DecodeOptions } from "@/lib/decode";
import type { EventRecord } from "@/lib/model/event";
import type { CollectorState } from "@/server/collector/collector-state";
import { lookbackOffsets } from "@/server/collector/lookback";
import { toEventRecord } from "@/server/collector/to-event";
import type { Logger } from "@/server/logger";

export interface TopicReaderDeps {
  kafka: Kafka;
  getAdmin: () => Promise<Admin>;
  log: Logger;
  state: CollectorState;
  /** Next offset to read per `topic/partition`, shared by all readers of one collector. */
  positions: Map<string, string>;
  lookbackMs: number;
  decodeOptions: Partial<DecodeOptions>;
  onEvent: (event: EventRecord) => void;
  onFatal: () => void;
}

export interface TopicReader {
  readonly topics: readonly string[];
  /** Commits the shared positions of this reader's topics to its group. */
  commit(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTopicReader(
  deps: TopicReaderDeps,
  groupId: string,
  topics: string[],
): Promise<TopicReader> {
  const { positions, state, log } = deps;
  const c: Consumer = deps.kafka.consumer({
    groupId,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
    maxWaitTimeInMs: 250,
  });
  c.on(c.events.GROUP_JOIN, () => state.running());
  c.on(c.events.CRASH, ({ payload }) => {
    state.failed(payload.error.message);
    log.warn({ error: payload.error.message, restart: payload.restart }, "collector consumer crashed");
    if (!payload.restart) deps.onFatal();
  });

  const positioned = new Set<string>();
  const lookbacks = new Map<string, Promise<Map<number, string>>>();
  const wanted = async (topic: string, partition: number): Promise<string | undefined> => {
    const known = positions.get(`${topic}/${partition}`);
    if (known !== undefined) return known;
    let lookback = lookbacks.get(topic);
    if (!lookback) {
      lookback = deps.getAdmin().then((a) => lookbackOffsets(a, topic, deps.lookbackMs, Date.now()));
      lookbacks.set(topic, lookback);
    }
    return (await lookback).get(partition);
  };

  await c.connect();
  await c.subscribe({ topics, fromBeginning: true });
  await c.run({
    // Committed by commit(): before a restart (so the next consumer starts where this one stopped and
    // needs no seeks) and every few seconds (so the group's lag is honest in other tools).
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset }) => {
      const key = `${batch.topic}/${batch.partition}`;
      if (!positioned.has(key)) {
        // Marked first: a target that is a transaction marker or compacted away must not loop.
        positioned.add(key);
        const target = await wanted(batch.topic, batch.partition).catch(() => undefined);
        const first = batch.messages[0]?.offset;
        if (target !== undefined && first !== undefined && target !== first) {
          c.seek({ topic: batch.topic, partition: batch.partition, offset: target });
          return;
        }
      }
      for (const message of batch.messages) {
        const event = toEventRecord(batch.topic, batch.partition, message, deps.decodeOptions);
        state.read(event);
        try {
          deps.onEvent(event);
        } catch (error) {
          log.error({ err: error, id: event.id }, "event listener failed; the stream goes on");
        }
      }
      const last = batch.messages.at(-1);
      if (last) {
        positions.set(key, (BigInt(last.offset) + 1n).toString());
        resolveOffset(last.offset);
      }
      state.partitionLag(batch.topic, batch.partition, Number(batch.offsetLag()));
    },
  });
  state.running();

  const mine = new Set(topics);
  return {
    topics,
    async commit() {
      const offsets = [...positions].flatMap(([key, offset]) => {
        const slash = key.lastIndexOf("/");
        const topic = key.slice(0, slash);
        return mine.has(topic) ? [{ topic, partition: Number(key.slice(slash + 1)), offset }] : [];
      });
      if (offsets.length > 0) await c.commitOffsets(offsets);
    },
    stop: () => c.disconnect(),
  };
}
