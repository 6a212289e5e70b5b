/**
 * One transactional producer per DLQ topic, with a transactional id that depends only on the DLQ topic
 * and the Eventscope cluster name (`<EVENTSCOPE_CLUSTER_NAME>-redrive-<dlqTopic>`), never on the instance:
 * creating it fences any earlier producer with that id — a crashed or hung Eventscope's, or another
 * instance's of the same deployment — so its open transaction is aborted (or its commit completed) before
 * anything new is sent, and afterwards the ledger read back from Kafka is the whole truth about that DLQ
 * topic.
 */
import type { Kafka, Producer } from "kafkajs";

export class TxProducers {
  private readonly producers = new Map<string, Promise<Producer>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly clusterName: string,
  ) {}

  transactionalId(dlqTopic: string): string {
    return `${this.clusterName}-redrive-${dlqTopic}`;
  }

  get(dlqTopic: string): Promise<Producer> {
    let p = this.producers.get(dlqTopic);
    if (!p) {
      p = this.create(dlqTopic);
      this.producers.set(dlqTopic, p);
      p.catch(() => this.producers.delete(dlqTopic));
    }
    return p;
  }

  /** Drops the producer (after a failed transaction its state is unknown) and fences with a fresh one. */
  async reset(dlqTopic: string): Promise<Producer> {
    await this.drop(dlqTopic);
    return this.get(dlqTopic);
  }

  /** Disconnects the producer of a DLQ topic that is gone, so producers do not pile up with topics. */
  async drop(dlqTopic: string): Promise<void> {
    const old = this.producers.get(dlqTopic);
    this.producers.delete(dlqTopic);
    await old?.then((p) => p.disconnect()).catch(() => undefined);
  }

  private async create(dlqTopic: string): Promise<Producer> {
    const producer = this.kafka.producer({
      transactionalId: this.transactionalId(dlqTopic),
      idempotent: true,
      maxInFlightRequests: 1,
      transactionTimeout: 30_000,
      allowAutoTopicCreation: false,
      // A transaction that starts right after the previous commit meets CONCURRENT_TRANSACTIONS until the
      // broker has written the commit markers; kafkajs' default first retry (300 ms, doubling) would turn
      // that short wait into seconds per batch.
      retry: { initialRetryTime: 20, maxRetryTime: 1_000, retries: 15 },
    });
    await producer.connect();
    try {
      // Initialising the transactional id is what fences: an empty transaction does it without a write.
      const txn = await producer.transaction();
      await txn.abort();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    return producer;
  }

  async stop(): Promise<void> {
    const all = [...this.producers.values()];
    this.producers.clear();
    await Promise.all(all.map((p) => p.then((x) => x.disconnect()).catch(() => undefined)));
  }
}
