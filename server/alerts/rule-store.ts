/**
 * Rules edited by an admin live in a compacted Kafka topic (key = rule id, value = the rule as JSON), so
 * they survive restarts and every Eventscope instance reading the topic sees the same rules. The topic is
 * read from the beginning on start and followed afterwards; records that do not parse are skipped.
 * The reader's consumer group is unique per start and deleted on stop, so no group is left behind.
 */
import { randomUUID } from "node:crypto";
import { type Admin, type Consumer, type Kafka, logLevel, type Producer } from "kafkajs";
import { type AlertRule, alertRuleSchema } from "@/lib/alerts";
import { AppError } from "@/lib/errors";
import type { Config } from "@/server/config";
import { ConsumerProgress, endOffsets } from "@/server/dlq/consumer-progress";
import { createKafka } from "@/server/kafka/client";
import type { Logger } from "@/server/logger";

export const DEFAULT_RULES_TOPIC = "__eventscope_alert_rules";
const CATCH_UP_TIMEOUT_MS = 60_000;

export class RuleStore {
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private consumer: Consumer | null = null;
  private readonly groupId: string;
  private readonly stored = new Map<string, AlertRule>();
  private readonly listeners = new Set<() => void>();
  private loadedFlag = false;
  private stopped = false;
  private starting: Promise<void> | null = null;

  constructor(
    config: Config,
    readonly topic: string,
    private readonly log: Logger,
  ) {
    this.kafka = createKafka(config.kafka, log, {
      clientId: `${config.kafka.clientId}-alerts`,
      level: logLevel.NOTHING,
    });
    this.admin = this.kafka.admin();
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    this.groupId = `${config.kafka.clientId}-alert-rules-${randomUUID()}`;
  }

  get loaded(): boolean {
    return this.loadedFlag;
  }

  /** Admin-stored rules by id (the defaults are merged in by the caller). */
  rules(): ReadonlyMap<string, AlertRule> {
    return this.stored;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects in the background, retrying until Kafka answers; the dashboard runs on the defaults meanwhile. */
  start(): void {
    this.starting = this.init();
  }

  private async init(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.admin.connect();
        await this.ensureTopic();
        await this.producer.connect();
        await this.follow();
        this.loadedFlag = true;
        this.log.info({ topic: this.topic, stored: this.stored.size }, "alert rules loaded");
        this.emit();
        return;
      } catch (error) {
        if (this.stopped) return;
        this.log.warn({ err: error, attempt }, "alert rules topic not readable yet; retrying");
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = null;
        await new Promise((r) => setTimeout(r, Math.min(10_000, 1_000 * attempt)));
      }
    }
  }

  private async ensureTopic(): Promise<void> {
    if ((await this.admin.listTopics()).includes(this.topic)) return;
    try {
      await this.admin.createTopics({
        topics: [
          {
            topic: this.topic,
            numPartitions: 1,
            configEntries: [{ name: "cleanup.policy", value: "compact" }],
          },
        ],
        waitForLeaders: true,
      });
    } catch (error) {
      // Another instance may have created it a moment ago.
      if (!(await this.admin.listTopics()).includes(this.topic)) throw error;
    }
  }

  private async follow(): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 500 });
    this.consumer = consumer;
    const progress = new ConsumerProgress(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        const id = message.key?.toString("utf8") ?? "";
        this.apply(id, message.value);
      },
    });
    const ends = await endOffsets(this.admin, [this.topic]);
    if (!(await progress.waitFor(ends, CATCH_UP_TIMEOUT_MS)))
      throw new Error(`could not read ${this.topic} within ${CATCH_UP_TIMEOUT_MS / 1000} s`);
  }

  private apply(id: string, value: Buffer | null): void {
    if (value === null) {
      if (this.stored.delete(id)) this.emit();
      return;
    }
    let parsed;
    try {
      parsed = alertRuleSchema.safeParse(JSON.parse(value.toString("utf8")));
    } catch {
      parsed = null;
    }
    if (!parsed?.success || parsed.data.id !== id) {
      this.log.warn({ topic: this.topic, id }, "skipping an alert rule record that does not parse");
      return;
    }
    const current = this.stored.get(id);
    if (current && JSON.stringify(current) === JSON.stringify(parsed.data)) return;
    this.stored.set(id, parsed.data);
    this.emit();
  }

  /** Writes the rule (acknowledged by all in-sync replicas) and applies it at once; the topic echo is a no-op. */
  async save(rule: AlertRule): Promise<void> {
    if (!this.loadedFlag)
      throw new AppError("unavailable", "the alert rules are still being read from Kafka; try again shortly");
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [{ key: rule.id, value: JSON.stringify(rule) }],
    });
    this.apply(rule.id, Buffer.from(JSON.stringify(rule)));
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.consumer?.disconnect().catch(() => undefined);
    if (this.consumer)
      await this.admin.deleteGroups([this.groupId]).catch((error: unknown) => {
        this.log.debug({ err: error }, "could not delete the alert rules reader's group");
      });
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }
}
