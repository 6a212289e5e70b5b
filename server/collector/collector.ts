/**
 * Reads every non-internal topic once with one kafkajs consumer and hands each decoded record to the
 * listeners. kafkajs resolves a subscription only when the consumer starts, so a topic watcher restarts the
 * consumer with the new topic list when topics appear. Offsets are committed under a stable group id, so a
 * re-subscription resumes where it was; partitions seen for the first time in this process start at
 * now − lookback, so the index is warm right after start.
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
  const seeked = new Set<string>();
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

  const seekNewPartitions = async (assignment: Record<string, number[]>) => {
    const a = await getAdmin();
    for (const [topic, partitions] of Object.entries(assignment)) {
      const fresh = partitions.filter((p) => !seeked.has(`${topic}/${p}`));
      if (fresh.length === 0) continue;
      const offsets = await lookbackOffsets(a, topic, config.lookbackMs, Date.now());
      for (const partition of fresh) {
        const offset = offsets.get(partition);
        if (offset !== undefined) consumer?.seek({ topic, partition, offset });
        seeked.add(`${topic}/${partition}`);
      }
    }
  };

  const startConsumer = async (topicList: string[]) => {
    const c = kafka.consumer({
      groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxWaitTimeInMs: 250,
    });
    consumer = c;
    c.on(c.events.GROUP_JOIN, ({ payload }) => {
      state.running();
      seekNewPartitions(payload.memberAssignment).catch((error: unknown) =>
        log.warn({ err: error }, "could not seek to the lookback window; reading from committed offsets"),
      );
    });
    c.on(c.events.CRASH, ({ payload }) => {
      state.failed(payload.error.message);
      log.warn({ error: payload.error.message, restart: payload.restart }, "collector consumer crashed");
      if (!payload.restart && !stopped) scheduleRestart();
    });
    await c.connect();
    await c.subscribe({ topics: topicList, fromBeginning: true });
    await c.run({
      autoCommit: true,
      autoCommitInterval: 5_000,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          const event = toEventRecord(batch.topic, batch.partition, message, options.decodeOptions ?? {});
          state.read(event);
          try {
            onEvent(event);
          } catch (error) {
            log.error({ err: error, id: event.id }, "event listener failed; the stream goes on");
          }
        }
        state.partitionLag(batch.topic, batch.partition, Number(batch.offsetLag()));
      },
    });
    state.running();
  };

  const restartWith = async (topicList: string[]) => {
    const previous = consumer;
    consumer = null;
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

  /** Lists topics; restarts the consumer when the set of readable topics changed. */
  const refreshTopics = async () => {
    try {
      const a = await getAdmin();
      const include = options.includeTopic ?? (() => true);
      const names = (await a.listTopics()).filter((t) => !isInternal(t) && include(t)).sort();
      const metadata = names.length > 0 ? await a.fetchTopicMetadata({ topics: names }) : { topics: [] };
      const before = [...topics.keys()].sort().join("\n");
      topics.clear();
      for (const t of metadata.topics) topics.set(t.name, t.partitions.length);
      state.topology(topics);
      const changed = before !== [...topics.keys()].sort().join("\n");
      if (changed || (!consumer && topics.size > 0)) {
        log.info({ topics: topics.size }, "topic list changed; (re)subscribing");
        await restartWith([...topics.keys()]);
      }
    } catch (error) {
      const stale = admin;
      admin = null;
      await stale?.disconnect().catch(() => undefined);
      state.failed(error instanceof Error ? error.message : String(error));
    }
  };

  await refreshTopics();
  const watcher = setInterval(() => {
    refreshing = refreshing.then(refreshTopics);
  }, options.topicPollMs ?? 5_000);

  return {
    status: () => state.snapshot(),
    topics: () => new Map(topics),
    async stop() {
      stopped = true;
      clearInterval(watcher);
      if (restartTimer) clearTimeout(restartTimer);
      await refreshing.catch(() => undefined);
      await consumer?.disconnect().catch(() => undefined);
      await admin?.disconnect().catch(() => undefined);
      state.stopped();
    },
  };
}
