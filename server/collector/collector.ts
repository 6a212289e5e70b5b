/**
 * Reads every non-internal topic once and hands each decoded record to the listener.
 *
 * kafkajs resolves a subscription only when a consumer starts, and restarting a consumer over hundreds of
 * partitions takes seconds. So a topic watcher (a cheap listTopics every 2 s) starts a small extra reader
 * for topics that appear — they are read within seconds however big the cluster is — and folds the extras
 * back into the main reader once the topic list has been quiet for a while. The collector remembers how
 * far it read each partition, so any reader (re)starts exactly there; partitions it never read start at
 * now − lookback, so the index is warm right after start.
 */
import { type Admin, logLevel } from "kafkajs";
import type { IngestOptions } from "@/lib/ingest/ingest-options";
import type { CollectorRunState } from "@/lib/model/status";
import type { Config } from "@/server/config";
import { type CollectorStatus, CollectorState } from "@/server/collector/collector-state";
import { type TopicReader, type TopicReaderDeps, startTopicReader } from "@/server/collector/topic-reader";
import { createKafka } from "@/server/kafka/client";
import type { Logger } from "@/server/logger";

export interface Collector {
  status(): CollectorStatus;
  /** Calls `listener` with the collector's new state on every change. */
  onStateChange(listener: (state: CollectorRunState) => void): () => void;
  /** Topics being read, with their partition counts. */
  topics(): Map<string, number>;
  stop(): Promise<void>;
}

export interface CollectorOptions {
  config: Config;
  logger: Logger;
  onBatch: TopicReaderDeps["onBatch"];
  ingestOptions: IngestOptions;
  /** Where the store says each partition continues; partitions it lacks start at now − lookback. */
  positions: Map<string, string>;
  storedPositions?: TopicReaderDeps["storedPositions"];
  topicPollMs?: number;
  groupId?: string;
  /** Narrows "every topic" (benchmarks and tests; a future EVENTSCOPE_TOPICS setting). */
  includeTopic?: (topic: string) => boolean;
}

const isInternal = (topic: string) => topic.startsWith("__");
/** How long stopping a reader may take before the collector reads on without waiting for it. */
const STOP_TIMEOUT_MS = 3_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
/** Extras are folded into the main reader once no topic appeared for this long. */
const QUIET_BEFORE_MERGE_MS = 30_000;
/** After a consumer was abandoned, its group is deleted once its session (30 s) has surely expired. */
const ABANDONED_GROUP_DELETE_MS = 40_000;

export async function startCollector(options: CollectorOptions): Promise<Collector> {
  const { config } = options;
  const log = options.logger.child({ component: "collector" });
  const kafka = createKafka(config.kafka, log, {
    clientId: `${config.kafka.clientId}-collector`,
    level: logLevel.ERROR,
  });
  const groupId = options.groupId ?? `${config.kafka.clientId}-collector`;
  const state = new CollectorState();
  const topics = new Map<string, number>();
  let admin: Admin | null = null;
  let main: TopicReader | null = null;
  let extras: TopicReader[] = [];
  let stopped = false;
  let lastChangeAt = Date.now();
  /** Extra readers ever started: each takes a group name of its own. */
  let extraCount = 0;
  let work: Promise<void> = Promise.resolve();
  /** Bumped when a main reader could not be stopped in time (see stopReaders). */
  let generation = 0;
  const mainGroup = () => (generation === 0 ? groupId : `${groupId}-g${generation}`);
  const serially = (task: () => Promise<void>) => (work = work.then(task, task));

  const getAdmin = async (): Promise<Admin> => {
    if (!admin) {
      admin = kafka.admin();
      await admin.connect();
    }
    return admin;
  };

  const deps: TopicReaderDeps = {
    kafka,
    getAdmin,
    log,
    state,
    positions: new Map(options.positions),
    lookbackMs: config.lookbackMs,
    fetchBytes: { total: config.memory.fetchBytes, perPartition: config.memory.fetchBytesPerPartition },
    ingestOptions: options.ingestOptions,
    onBatch: options.onBatch,
    storedPositions: options.storedPositions,
    onFatal: () => void serially(() => restartAll()),
  };

  const deleteGroup = (group: string) =>
    getAdmin()
      .then((a) => a.deleteGroups([group]))
      .catch(() => undefined);

  /**
   * Stops a reader within STOP_TIMEOUT_MS. kafkajs' disconnect waits for the fetch loop, which retries for
   * a long while when a topic it reads was deleted; a stop that takes longer is left to finish on its own,
   * so reading the other topics resumes at once. Resolves true when the reader stopped in time.
   */
  const stopWithin = async (reader: TopicReader, deleteWhenDone: boolean): Promise<boolean> => {
    const stoppedReader = reader.stop().catch(() => undefined);
    const done = stoppedReader.then(async () => {
      if (deleteWhenDone) await deleteGroup(reader.groupId);
    });
    return Promise.race([done.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
  };

  const stopReaders = async () => {
    const [oldMain, oldExtras] = [main, extras];
    main = null;
    extras = [];
    // Only the main group keeps committed offsets; extras' short-lived groups are deleted once stopped,
    // so they never pile up in the user's list of consumer groups. With the broker away a commit retries
    // for many seconds: it is given STOP_TIMEOUT_MS (the store holds the positions anyway).
    if (oldMain) await Promise.race([oldMain.commit().catch(() => undefined), sleep(STOP_TIMEOUT_MS)]);
    // All at once: readers of deleted topics each take the whole STOP_TIMEOUT_MS, and one after another
    // they would hold up reading the topics that are still there (20 deleted topics: a minute).
    const [mainStopped] = await Promise.all([
      oldMain ? stopWithin(oldMain, mainGroup() !== groupId) : true,
      ...oldExtras.map((r) => stopWithin(r, true)),
    ]);
    // A main reader still stopping would hold its group's rebalance until its session times out: the
    // next main reader takes a new group, and the old one is deleted once its reader is gone.
    if (oldMain && !mainStopped) {
      const stale = oldMain.groupId;
      generation += 1;
      log.warn({ group: stale }, "a collector consumer is slow to stop; reading on with a fresh group");
      void oldMain
        .stop()
        .catch(() => undefined)
        .then(() => deleteGroup(stale));
    }
  };

  /**
   * Starts a reader; startTopicReader abandons one that does not start in time. An abandoned consumer may
   * still be a member of its group for a session timeout, which would hold up the next join there: the
   * next attempt takes another group (`onFailure` sees to that), and this one is deleted once it can
   * have left.
   */
  const startReader = async (group: string, names: string[], onFailure: () => void) => {
    try {
      return await startTopicReader(deps, group, names);
    } catch (error) {
      onFailure();
      setTimeout(() => void deleteGroup(group), ABANDONED_GROUP_DELETE_MS).unref();
      throw error;
    }
  };

  /** A reader that finished starting after the collector was stopped is stopped at once, never kept. */
  const keep = async (reader: TopicReader): Promise<TopicReader | null> => {
    if (!stopped) return reader;
    await stopWithin(reader, reader.groupId !== groupId);
    return null;
  };

  const restartAll = async () => {
    await stopReaders();
    if (stopped || topics.size === 0) return;
    main = await keep(await startReader(mainGroup(), [...topics.keys()], () => (generation += 1)));
  };

  const refreshTopics = async () => {
    if (stopped) return;
    try {
      const a = await getAdmin();
      const include = options.includeTopic ?? (() => true);
      const names = (await a.listTopics()).filter((t) => !isInternal(t) && include(t));
      const known = new Set(topics.keys());
      let [added, removed] = [[] as string[], [] as string[]];
      if (names.length !== known.size || names.some((t) => !known.has(t))) {
        // The metadata of every topic, not of `names`: asking for a topic deleted since listTopics makes
        // kafkajs retry for a long while. A topic listed but not in the metadata is being deleted: left out.
        const listed = new Set(names);
        const metadata = names.length > 0 ? await a.fetchTopicMetadata() : { topics: [] };
        topics.clear();
        for (const t of metadata.topics)
          if (listed.has(t.name) && t.partitions.length > 0) topics.set(t.name, t.partitions.length);
        added = [...topics.keys()].filter((t) => !known.has(t));
        removed = [...known].filter((t) => !topics.has(t));
        if (added.length > 0 || removed.length > 0) {
          state.topology(topics);
          lastChangeAt = Date.now();
        }
      }
      if (!main || removed.length > 0) {
        if (topics.size > 0) log.info({ topics: topics.size }, "reading topics");
        await restartAll();
      } else if (added.length > 0) {
        log.info({ added }, "new topics; reading them with an extra consumer");
        extraCount += 1;
        // Not started: forgotten, so the next look at the topic list finds them new again.
        const forget = () => added.forEach((t) => topics.delete(t));
        const extra = await keep(await startReader(`${mainGroup()}-new-${extraCount}`, added, forget));
        if (extra) extras.push(extra);
      } else if (extras.length > 0 && Date.now() - lastChangeAt > QUIET_BEFORE_MERGE_MS) {
        await restartAll();
      }
    } catch (error) {
      const stale = admin;
      admin = null;
      await stale?.disconnect().catch(() => undefined);
      state.failed(error instanceof Error ? error.message : String(error));
      log.warn({ err: error }, "could not read the topic list or start reading; retrying");
    }
  };

  await serially(refreshTopics);
  const watcher = setInterval(() => void serially(refreshTopics), options.topicPollMs ?? 2_000);
  const committer = setInterval(() => void main?.commit().catch(() => undefined), 5_000);

  return {
    status: () => state.snapshot(),
    onStateChange: (listener) => state.onChange(listener),
    topics: () => new Map(topics),
    async stop() {
      stopped = true;
      clearInterval(watcher);
      clearInterval(committer);
      // With the broker away, a look at the topic list in flight and the last commit each retry for many
      // seconds (25 s in all): stopping takes at most STOP_TIMEOUT_MS, and whatever is still in flight then
      // finishes on its own (a reader started after this point is stopped by `keep`).
      const deadline = sleep(STOP_TIMEOUT_MS);
      await Promise.race([Promise.all([work, stopReaders()]), deadline]);
      await admin?.disconnect().catch(() => undefined);
      state.stopped();
    },
  };
}
