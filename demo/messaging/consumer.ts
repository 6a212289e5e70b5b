/**
 * One consumer group member, the way every demo service consumes:
 * - at-least-once: offsets are resolved only after a message's handler finished, and kafkajs commits
 *   only resolved offsets (eachBatch, eachBatchAutoResolve off, a commit after each batch). A crash
 *   replays the unfinished messages, so handlers are idempotent per order;
 * - each message's work is bounded by an AbortSignal timeout; a failure or timeout is thrown to kafkajs,
 *   which re-fetches from the last resolved offset after a backoff (and restarts the consumer if needed);
 * - partitions are consumed concurrently; within a partition messages of one key (order, user) are
 *   handled in order and different keys concurrently (key-ordered.ts);
 * - a handler may defer a message (retry topics): the partition is paused until then, others go on;
 * - `isHeld` pauses the whole consumer (the slow-consumer injection), `refreshHold` re-checks it.
 */
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Consumer, IHeaders, Kafka, KafkaMessage } from "kafkajs";
import type { Logger } from "../logger";
import { type MessageContext, readContext } from "./envelope";
import { type Outcome, runKeyOrdered } from "./key-ordered";
import { withTimeout } from "./timeout";

/** Messages of different keys handled at once per partition (see key-ordered.ts). */
const DEFAULT_CONCURRENCY = 32;

export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  /** Kafka timestamp, epoch ms as a string. */
  timestamp: string;
  key: string | undefined;
  value: Buffer | null;
  headers: IHeaders;
  context: MessageContext;
}

/** `retryAt` (epoch ms): not processed yet, deliver this message again from then on. */
export type HandleResult = void | { retryAt: number };

export interface ConsumerSpec {
  groupId: string;
  topics: string[];
  handle(message: ConsumedMessage, signal: AbortSignal): Promise<HandleResult>;
  isHeld?: () => boolean;
  /** Messages of different keys handled at once per partition; 1 makes the consumer strictly sequential. */
  concurrency?: () => number;
  /** Called once the consumer exists, before it joins (e.g. to listen for the join). */
  beforeRun?: (consumer: Consumer) => void;
  /** Long-poll wait of a fetch; short where a resumed partition must be fetched soon (retry topics). */
  maxWaitTimeInMs?: number;
}

export interface RunningConsumer {
  refreshHold(): void;
  stop(): Promise<void>;
}

export interface ConsumerOptions {
  logger: Logger;
  timeoutMs: number;
  partitionsPerTopic: number;
}

function toConsumed(topic: string, partition: number, message: KafkaMessage): ConsumedMessage {
  const headers = message.headers ?? {};
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: message.timestamp,
    key: message.key?.toString("utf8"),
    value: message.value,
    headers,
    context: readContext(headers),
  };
}

export async function startConsumer(
  kafka: Kafka,
  spec: ConsumerSpec,
  options: ConsumerOptions,
): Promise<RunningConsumer> {
  const { logger, timeoutMs } = options;
  const consumer = kafka.consumer({
    groupId: spec.groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: spec.maxWaitTimeInMs ?? 1_000,
  });
  const resumeTimers = new Set<NodeJS.Timeout>();
  const all = spec.topics.map((topic) => ({ topic }));
  let running = false;
  const refreshHold = () => {
    if (!running) return;
    try {
      if (spec.isHeld?.()) consumer.pause(all);
      else consumer.resume(all);
    } catch (error) {
      // kafkajs restarts a consumer that crashed (a rebalance that failed on a busy broker) with a new
      // group, and pause/resume throw until it has one. Nothing is lost: each batch checks the hold itself
      // before starting a handler, and pauses the consumer while held.
      logger.debug({ err: error, group: spec.groupId }, "hold not applied while the consumer restarts");
    }
  };

  const handleOne = async (message: ConsumedMessage): Promise<HandleResult> => {
    const log = { traceId: message.context.traceId, type: message.context.type, topic: message.topic };
    try {
      const result = await withTimeout(timeoutMs, (signal) => spec.handle(message, signal));
      logger.debug({ ...log, partition: message.partition, offset: message.offset }, "handled");
      return result;
    } catch (error) {
      logger.warn({ ...log, err: error }, "handling failed; the message will be delivered again");
      throw error;
    }
  };

  await consumer.connect();
  await consumer.subscribe({ topics: spec.topics, fromBeginning: true });
  spec.beforeRun?.(consumer);
  await consumer.run({
    autoCommit: true,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: spec.topics.length * options.partitionsPerTopic,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, pause }) => {
      const outcomes = await runKeyOrdered<KafkaMessage, HandleResult>(
        batch.messages,
        {
          keyOf: (message) => message.key?.toString("utf8") ?? "",
          limit: () => spec.concurrency?.() ?? DEFAULT_CONCURRENCY,
          canStart: () => isRunning() && !isStale() && !spec.isHeld?.(),
          isComplete: (result) => !result,
        },
        async (message) => {
          // A batch of handlers that finish without real I/O (the gateway's view replay) would otherwise
          // run as one long chain of microtasks and keep HTTP requests and timers waiting for seconds.
          await yieldToEventLoop();
          const result = await handleOne(toConsumed(batch.topic, batch.partition, message));
          await heartbeat().catch(() => undefined); // a rebalance shows up in isStale/the next fetch
          return result;
        },
      );
      // Commit only the unbroken run of completed messages; the rest is fetched again.
      let stop: Outcome<HandleResult> | undefined;
      for (const [i, outcome] of outcomes.entries()) {
        if (outcome.state !== "done" || outcome.value) {
          stop = outcome;
          break;
        }
        resolveOffset(batch.messages[i]?.offset ?? "");
      }
      if (stop?.state === "failed") throw stop.error;
      if (stop?.state === "done" && stop.value) {
        const resume = pause();
        const timer = setTimeout(
          () => {
            resumeTimers.delete(timer);
            resume();
          },
          Math.max(0, stop.value.retryAt - Date.now()),
        );
        resumeTimers.add(timer);
      } else if (stop && spec.isHeld?.()) {
        consumer.pause(all);
      }
    },
  });
  running = true;
  refreshHold();

  return {
    refreshHold,
    async stop() {
      running = false;
      for (const timer of resumeTimers) clearTimeout(timer);
      await consumer.disconnect(); // waits for the batch in hand, commits what was resolved, leaves the group
    },
  };
}
