/**
 * One kafkajs consumer reading a fixed list of topics into the collector. It starts each partition where
 * the collector wants it: the first batch a partition delivers only shows where kafkajs chose to start;
 * if that is not the collector's own position (or now − lookback for a partition it never read), the
 * batch is dropped and the partition is sought there. Seeking from inside eachBatch is the one point where
 * kafkajs reliably honours a seek; a seek on GROUP_JOIN races its own offset resolution and is lost.
 */
import type { Admin, Batch, Consumer, Kafka } from "kafkajs";
import type { IngestOptions } from "@/lib/ingest/ingest-options";
import { summarizeRecord } from "@/lib/ingest/summarize-record";
import { formatPartitionKey, parsePartitionKey } from "@/lib/model/record-id";
import type { CollectorState } from "@/server/collector/collector-state";
import { FetchCycles } from "@/server/collector/fetch-cycles";
import { lookbackInBatch, lookbackOffsets, lookbackOffsetsOfMany } from "@/server/collector/lookback";
import { toRawRecord } from "@/server/collector/to-raw-record";
import type { Logger } from "@/server/logger";
import type { IngestedEvent } from "@/server/store/event-store";

/** How long connecting, subscribing and joining the group may take before the consumer is abandoned. */
export const START_TIMEOUT_MS = 10_000;
/** How long the group waits for a member that stopped answering; see the consumer below. */
export const SESSION_TIMEOUT_MS = 8_000;
/** Records summarised in one go: a few milliseconds of work, so the event loop is never held for long. */
const SLICE_RECORDS = 250;

export interface TopicReaderDeps {
  kafka: Kafka;
  getAdmin: () => Promise<Admin>;
  log: Logger;
  state: CollectorState;
  /** Next offset to read per `topic/partition`, shared by all readers of one collector. */
  positions: Map<string, string>;
  lookbackMs: number;
  /**
   * Bounds of one fetch response (kafkajs `maxBytes`, `maxBytesPerPartition`), from the memory budget: its
   * records point into the response's buffer, which therefore stays in memory until they are all stored.
   */
  fetchBytes: { total: number; perPartition: number };
  ingestOptions: IngestOptions;
  /**
   * Called once per slice of a fetched batch of one partition, with the offset to read next. Reading waits
   * for the returned promise: that is how a store that falls behind slows the collector down.
   */
  onBatch: (events: IngestedEvent[], partitionKey: string, next: string) => Promise<void>;
  onFatal: () => void;
  /**
   * Positions as a shared store holds them now, other instances' included (PostgreSQL): read once per
   * rebalance, so a partition taken over from another instance continues where that one stored it.
   */
  storedPositions?: () => Promise<Map<string, string>>;
}

export interface TopicReader {
  readonly groupId: string;
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
  /** Set by stop(): from then on this consumer never reads again, whatever kafkajs was doing. */
  let stopping = false;
  /** Set when the consumer did not start in time (see `within` below). */
  let abandoned = false;
  const c: Consumer = deps.kafka.consumer({
    groupId,
    // A broker that comes back from a crash still lists this consumer's old member in the group, and holds
    // the next join until that member's session has expired: the session timeout is most of the time the
    // collector is blind after an outage (30 s gave ~23 s). 8 s (the broker's floor is 6 s) keeps recovery
    // within 15 s; reading heartbeats between slices, so a slow store does not cost the membership.
    sessionTimeout: SESSION_TIMEOUT_MS,
    heartbeatInterval: 2_000,
    maxWaitTimeInMs: 250,
    maxBytes: deps.fetchBytes.total,
    maxBytesPerPartition: deps.fetchBytes.perPartition,
    // Reading must never create a topic: a deleted topic would come back empty.
    allowAutoTopicCreation: false,
    // kafkajs restarts a crashed consumer on its own; one that was stopped or abandoned must stay down.
    retry: { retries: 5, restartOnFailure: async () => !stopping && !abandoned },
  });
  // After every rebalance each assigned partition is positioned again: it may come from another instance.
  let stored: Promise<Map<string, string>> | null = null;
  const cycles = new FetchCycles();
  c.on(c.events.GROUP_JOIN, () => {
    // A restart that was under way when the reader was stopped (the broker away, kafkajs retrying) joins
    // once the broker is back: it leaves again at once instead of reading as a member nobody owns.
    if (stopping || abandoned) {
      void c.disconnect().catch(() => undefined);
      return;
    }
    positioned.clear();
    stored = null;
    cycles.reset();
    state.running(groupId);
  });
  c.on(c.events.FETCH, ({ payload }) => cycles.fetched(payload.nodeId));
  c.on(c.events.FETCH_START, ({ payload }) => {
    if (cycles.fetchStarting(payload.nodeId)) state.caughtUp(groupId);
  });
  c.on(c.events.CRASH, ({ payload }) => {
    state.failed(payload.error.message);
    log.warn({ error: payload.error.message, restart: payload.restart }, "collector consumer crashed");
    if (!payload.restart && !abandoned && !stopping) deps.onFatal();
  });

  const positioned = new Set<string>();
  const lookbacks = new Map<string, Promise<Map<number, string>>>();
  // The lookback offsets of every topic without a known position, asked for in bulk when the first
  // partition needs one: one by one, they took most of the start on a cluster of 1,000 topics.
  let bulkLookbacks: Promise<Map<string, string>> | null = null;
  const topicsWithoutPositions = async () => {
    const known = new Set<string>();
    const shared = stored ? (await stored).keys() : [];
    for (const key of [...positions.keys(), ...shared]) known.add(parsePartitionKey(key).topic);
    return topics.filter((t) => !known.has(t));
  };
  const wanted = async (batch: Batch): Promise<string | undefined> => {
    const { topic, partition } = batch;
    const key = formatPartitionKey(topic, partition);
    if (deps.storedPositions) {
      stored ??= deps.storedPositions().catch(() => new Map<string, string>());
      const shared = (await stored).get(key);
      if (shared !== undefined) return shared;
    }
    const known = positions.get(key);
    if (known !== undefined) return known;
    const shown = lookbackInBatch(batch.messages, batch.offsetLag(), Date.now() - deps.lookbackMs);
    if (shown !== undefined) return shown;
    bulkLookbacks ??= topicsWithoutPositions().then((names) =>
      lookbackOffsetsOfMany(deps.kafka, names, deps.lookbackMs, Date.now()),
    );
    const inBulk = (await bulkLookbacks).get(key);
    if (inBulk !== undefined) return inBulk;
    // A partition of a topic with known positions (one added since), or whose bulk lookup failed.
    let lookback = lookbacks.get(topic);
    if (!lookback) {
      lookback = deps.getAdmin().then((a) => lookbackOffsets(a, topic, deps.lookbackMs, Date.now()));
      lookbacks.set(topic, lookback);
    }
    return (await lookback).get(partition);
  };

  // Starting can hang: kafkajs retries metadata for a topic deleted meanwhile for minutes. A consumer that
  // has not started by the deadline is abandoned (and disconnected), so the collector retries with the
  // topics that still exist instead of waiting.
  const deadline = Date.now() + START_TIMEOUT_MS;
  const within = async (step: Promise<void>, what: string) => {
    // Once abandoned, the step may still fail later: that must not become an unhandled rejection.
    step.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new Error(`the collector's consumer did not ${what} within ${START_TIMEOUT_MS / 1000} s`)),
        Math.max(0, deadline - Date.now()),
      );
    });
    try {
      await Promise.race([step, late]);
    } catch (error) {
      abandoned = true;
      state.readerGone(groupId);
      void c.disconnect().catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };

  await within(
    (async () => {
      await c.connect();
      await c.subscribe({ topics, fromBeginning: true });
    })(),
    "connect and subscribe",
  );
  const running = c.run({
    // Committed by commit(): before a restart (so the next consumer starts where this one stopped and
    // needs no seeks) and every few seconds (so the group's lag is honest in other tools).
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      const key = formatPartitionKey(batch.topic, batch.partition);
      if (!positioned.has(key)) {
        // Marked first: a target that is a transaction marker or compacted away must not loop.
        positioned.add(key);
        const target = await wanted(batch).catch(() => undefined);
        const first = batch.messages[0]?.offset;
        if (target !== undefined && first !== undefined && target !== first) {
          cycles.lagging();
          c.seek({ topic: batch.topic, partition: batch.partition, offset: target });
          return;
        }
      }
      // A fetch may hold thousands of records: they are summarised a slice at a time, with a turn of the
      // event loop between slices, so requests and the store's replies are served while a backlog is read.
      for (let from = 0; from < batch.messages.length; from += SLICE_RECORDS) {
        if (from > 0) {
          await new Promise((resolve) => setImmediate(resolve));
          // A rebalance or a seek while this fetch was being read: its rest is read again from there.
          if (!isRunning() || isStale()) {
            cycles.lagging();
            return;
          }
          await heartbeat();
        }
        const slice = batch.messages.slice(from, from + SLICE_RECORDS);
        // Schemas of wire-format values, so a trace id inside an Avro or Protobuf field is found.
        const schemasReady = deps.ingestOptions.schemas?.prepare(
          slice.map((m) => m.value),
          "ingest",
        );
        if (schemasReady) await schemasReady;
        const events: IngestedEvent[] = slice.map((message) => {
          const raw = toRawRecord(batch.topic, batch.partition, message);
          return { summary: summarizeRecord(raw, deps.ingestOptions), payload: raw };
        });
        const last = slice.at(-1)!;
        const next = (BigInt(last.offset) + 1n).toString();
        state.readBatch(events);
        positions.set(key, next);
        try {
          await deps.onBatch(events, key, next);
        } catch (error) {
          log.error({ err: error, partition: key }, "handing a batch on failed; the stream goes on");
        }
        resolveOffset(last.offset);
      }
      const lag = Number(batch.offsetLag());
      state.partitionLag(batch.topic, batch.partition, lag);
      if (lag > 0) cycles.lagging();
    },
  });
  await within(running, "join its group");
  state.running(groupId);

  const mine = new Set(topics);
  return {
    groupId,
    topics,
    async commit() {
      const offsets = [...positions].flatMap(([key, offset]) => {
        const { topic, partition } = parsePartitionKey(key);
        return mine.has(topic) ? [{ topic, partition, offset }] : [];
      });
      if (offsets.length > 0) await c.commitOffsets(offsets);
    },
    stop: () => {
      stopping = true;
      state.readerGone(groupId);
      return c.disconnect();
    },
  };
}
