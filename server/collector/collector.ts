/**
 * Reads every non-internal topic once with one kafkajs consumer and hands each decoded record to the
 * listeners. kafkajs resolves a subscription only when the consumer starts, so a topic watcher restarts the
 * consumer with the new topic list when topics appear. The process itself remembers how far it read each
 * partition. The first batch a (re)started consumer gets for a partition only tells where kafkajs chose
 * to start; if that is not where this process wants to be (its own position, or now − lookback for a
 * partition it never read, so the index is warm right after start), the batch is dropped and the
 * partition is sought there. Seeking from inside eachBatch is the one point where kafkajs reliably
 * honours a seek; a seek on GROUP_JOIN races its own offset resolution and is lost.
 */
import { type Admin, type Consumer, logLevel } from "kafkajs";
import type { DecodeOptions } from "@/lib/decode";
import type { EventRecord } from "@/lib/model/event";
import type { Config } from "@/server/config";
import { lookbackOffsets } from "@/server/collector/lookback";
import { type CollectorStatus, CollectorState } from "@/server/collector/collector-state";
import { toEventRecord } from "@/server/collector/to-event";
import { createKafka } from "@/server/kafka/client";
import type { Logger } from "@/server/logger";

export interface Collector {
  status(): CollectorStatus;
  /** Topics being read, with their partition counts. */
  topics(): Map<string, number>;
  stop(): Promise<void>;
}

export interface CollectorOptions {
  config: Config;
  logger: Logger;
  onEvent: (event: EventRecord) => void;
  decodeOptions?: Partial<DecodeOptions>;
  topicPollMs?: number;
  groupId?: string;
  /** Narrows "every topic" (benchmarks and tests; a future EVENTSCOPE_TOPICS setting). */
  includeTopic?: (topic: string) => boolean;
}

const isInternal = (topic: string) => topic.startsWith("__");

export async function startCollector(options: CollectorOptions): Promise<Collector> {
  const { config, onEvent } = options;
  const log = options.logger.child({ component: "collector" });
  const kafka = createKafka(config.kafka, log, {
    clientId: `${config.kafka.clientId}-collector`,
    level: logLevel.ERROR,
  });
  const groupId = options.groupId ?? `${config.kafka.clientId}-collector`;
  const state = new CollectorState();
  const topics = new Map<string, number>();
  /** Next offset to read per `topic/partition`, as this process has read it. */
  const positions = new Map<string, string>();
  let admin: Admin | null = null;
  let consumer: Consumer | null = null;
  let stopped = false;
  let refreshing: Promise<void> = Promise.resolve();

  const getAdmin = async (): Promise<Admin> => {
    if (!admin) {
      admin = kafka.admin();
      await admin.connect();
    }
    return admin;
  };

  const startConsumer = async (topicList: string[]) => {
    const c = kafka.consumer({
      groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxWaitTimeInMs: 250,
    });
    consumer = c;
    c.on(c.events.GROUP_JOIN, () => state.running());
    c.on(c.events.CRASH, ({ payload }) => {
      state.failed(payload.error.message);
      log.warn({ error: payload.error.message, restart: payload.restart }, "collector consumer crashed");
      if (!payload.restart && !stopped) scheduleRestart();
    });
    const positioned = new Set<string>();
    const lookbacks = new Map<string, Promise<Map<number, string>>>();
    /** Where this process wants `topic/partition` to be read from next, if it knows. */
    const wanted = async (topic: string, partition: number): Promise<string | undefined> => {
      const known = positions.get(`${topic}/${partition}`);
      if (known !== undefined) return known;
      let lookback = lookbacks.get(topic);
      if (!lookback) {
        lookback = getAdmin().then((a) => lookbackOffsets(a, topic, config.lookbackMs, Date.now()));
        lookbacks.set(topic, lookback);
      }
      return (await lookback).get(partition);
    };
    await c.connect();
    await c.subscribe({ topics: topicList, fromBeginning: true });
    await c.run({
      // Committed by commitPositions(): before a restart (so the new consumer starts where this one
      // stopped and needs no seeks) and every few seconds (so the group's lag is honest in other tools).
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
          const event = toEventRecord(batch.topic, batch.partition, message, options.decodeOptions ?? {});
          state.read(event);
          try {
            onEvent(event);
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
  };

  /** Commits this process's positions for the partitions `c` is reading. */
  const commitPositions = async (c: Consumer) => {
    const offsets = [...positions].flatMap(([key, offset]) => {
      const slash = key.lastIndexOf("/");
      const topic = key.slice(0, slash);
      return topics.has(topic) ? [{ topic, partition: Number(key.slice(slash + 1)), offset }] : [];
    });
    if (offsets.length > 0) await c.commitOffsets(offsets);
  };

  const restartWith = async (topicList: string[]) => {
    const previous = consumer;
    consumer = null;
    if (previous)
      await commitPositions(previous).catch((error: unknown) =>
        log.debug({ err: error }, "commit before restart failed"),
      );
    await previous?.disconnect().catch(() => undefined);
    if (topicList.length > 0 && !stopped) await startConsumer(topicList);
  };

  let restartTimer: NodeJS.Timeout | null = null;
  const scheduleRestart = () => {
    if (restartTimer) return;
    restartTimer = setTimeout(() => {
      restartTimer = null;
      refreshing = refreshing
        .then(() => restartWith([...topics.keys()]))
        .catch((error: unknown) => {
          state.failed(error instanceof Error ? error.message : String(error));
          scheduleRestart();
        });
    }, 3_000);
  };

  /**
   * Lists topics (a cheap metadata call, so it can run every 2 s); fetches partition counts and restarts
   * the consumer only when the set of readable topics changed.
   */
  let lastNames = "";
  let lastMetadataAt = 0;
  const refreshTopics = async () => {
    try {
      const a = await getAdmin();
      const include = options.includeTopic ?? (() => true);
      const names = (await a.listTopics()).filter((t) => !isInternal(t) && include(t)).sort();
      const joined = names.join("\n");
      const changed = joined !== lastNames;
      // Partition counts can grow without a new topic; look again now and then.
      if (changed || Date.now() - lastMetadataAt > 30_000) {
        const metadata = names.length > 0 ? await a.fetchTopicMetadata({ topics: names }) : { topics: [] };
        topics.clear();
        for (const t of metadata.topics) topics.set(t.name, t.partitions.length);
        state.topology(topics);
        lastMetadataAt = Date.now();
      }
      lastNames = joined;
      if (changed || (!consumer && topics.size > 0)) {
        log.info({ topics: topics.size }, "topic list changed; (re)subscribing");
        await restartWith([...topics.keys()]);
      }
    } catch (error) {
      const stale = admin;
      admin = null;
      lastNames = "";
      await stale?.disconnect().catch(() => undefined);
      state.failed(error instanceof Error ? error.message : String(error));
    }
  };

  await refreshTopics();
  const watcher = setInterval(() => {
    refreshing = refreshing.then(refreshTopics);
  }, options.topicPollMs ?? 2_000);
  const committer = setInterval(() => {
    if (consumer) commitPositions(consumer).catch(() => undefined);
  }, 5_000);

  return {
    status: () => state.snapshot(),
    topics: () => new Map(topics),
    async stop() {
      stopped = true;
      clearInterval(watcher);
      clearInterval(committer);
      if (restartTimer) clearTimeout(restartTimer);
      await refreshing.catch(() => undefined);
      await consumer?.disconnect().catch(() => undefined);
      await admin?.disconnect().catch(() => undefined);
      state.stopped();
    },
  };
}
