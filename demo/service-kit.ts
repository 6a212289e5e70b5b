/**
 * What every service gets: its own Kafka client (client id = service name, so the broker and the lag
 * page can tell members apart), a producer with a publisher that stamps the service as ce_source, and
 * consumers built the same way. Services share a process but nothing else: they talk through Kafka only.
 */
import { Kafka, logLevel, Partitioners } from "kafkajs";
import type { DemoConfig } from "./config";
import { type EventData, type EventType, parseEvent, UnreadableMessageError } from "./contracts";
import type { Control } from "./control";
import { type Logger, kafkaLogCreator } from "./logger";
import {
  type ConsumedMessage,
  type ConsumerSpec,
  type RunningConsumer,
  startConsumer,
} from "./messaging/consumer";
import { createPublisher, type Publisher } from "./messaging/publisher";
import type { Stats } from "./stats";

export interface ServiceDeps {
  config: DemoConfig;
  control: Control;
  logger: Logger;
  stats: Stats;
}

export interface RunningService {
  name: string;
  stop(): Promise<void>;
}

export interface ServiceKit {
  name: string;
  logger: Logger;
  kafka: Kafka;
  publisher: Publisher;
  consume(spec: ConsumerSpec): Promise<RunningConsumer>;
  /**
   * The message's value as event `type`, or null (logged, and the message skipped) when it is not one:
   * a service without a dead-letter topic must not stall its partition on a message it cannot read.
   */
  read<T extends EventType>(type: T, message: ConsumedMessage): EventData<T> | null;
  /** Stops this service's consumers first (finishing the message in hand), then its producer. */
  stop(): Promise<void>;
}

export function createKafka(
  clientId: string,
  config: DemoConfig,
  logger: Logger,
  level = logLevel.WARN,
): Kafka {
  return new Kafka({
    clientId,
    brokers: config.brokers,
    logLevel: level,
    logCreator: kafkaLogCreator(logger),
  });
}

export async function startServiceKit(name: string, deps: ServiceDeps): Promise<ServiceKit> {
  const logger = deps.logger.child({ service: name });
  const kafka = createKafka(name, deps.config, logger);
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const consumers: RunningConsumer[] = [];
  return {
    name,
    logger,
    kafka,
    publisher: createPublisher(producer, name),
    async consume(spec) {
      const consumer = await startConsumer(kafka, spec, {
        logger,
        timeoutMs: deps.config.handlerTimeoutMs,
        partitionsPerTopic: deps.config.partitions,
      });
      consumers.push(consumer);
      return consumer;
    },
    read(type, message) {
      try {
        return parseEvent(type, message.value);
      } catch (error) {
        if (!(error instanceof UnreadableMessageError)) throw error;
        deps.stats.count("unreadable skipped");
        logger.warn(
          { traceId: message.context.traceId, topic: message.topic, offset: message.offset, err: error },
          `skipping an unreadable ${type}`,
        );
        return null;
      }
    },
    async stop() {
      await Promise.all(consumers.map((c) => c.stop()));
      await producer.disconnect();
    },
  };
}
