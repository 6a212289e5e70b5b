/**
 * Which topics are DLQs: a name matching a configured pattern, or records that carry a dead-letter
 * header family. Retry topics (`orders-retry-1`, `payments.retry.2`) carry the same headers but flow back
 * on their own, so they are never DLQs; Kafka's and Eventscope's own `__*` topics neither.
 * Topics whose names say nothing are sampled once (their first few records) when they have records.
 */
import type { Admin, Kafka } from "kafkajs";
import { isDlqTopicName, retryTopicBase } from "@/lib/dlq";
import type { DlqRecognition } from "@/lib/api/dlq";
import type { Logger } from "@/server/logger";
import { sampleForDeadLetters } from "@/server/dlq/sampler";

export interface DlqTopicInfo {
  topic: string;
  recognisedBy: DlqRecognition;
  partitions: number;
}

const RESAMPLE_EMPTY_MS = 60_000;
const SAMPLE_ROUND = 100;

export class TopicCatalog {
  readonly topics = new Map<string, DlqTopicInfo>();
  /** Topics sampled and found not to be DLQs, and when empty topics were last tried. */
  private readonly notDlq = new Set<string>();
  private readonly emptyTriedAt = new Map<string, number>();

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly patterns: readonly string[],
    private readonly groupPrefix: string,
    private readonly log: Logger,
  ) {}

  /** Takes a DLQ topic another instance found (the deployment's published catalogue, shared-catalog.ts). */
  adopt(info: DlqTopicInfo): void {
    this.topics.set(info.topic, info);
  }

  forget(topic: string): void {
    this.topics.delete(topic);
  }

  /** Topics whose names say DLQ, found at once; and the DLQ topics that disappeared. */
  async scanNames(): Promise<{ added: DlqTopicInfo[]; removed: string[]; names: string[] }> {
    // From the cluster's metadata rather than its topic list: a topic being deleted is still listed for a
    // while but has no partitions left there, and asking about it would fail (after kafkajs' retries).
    const { topics } = await this.admin.fetchTopicMetadata();
    const names = topics
      .filter((t) => t.partitions.length > 0 && !t.name.startsWith("__"))
      .map((t) => t.name);
    const present = new Set(names);
    const removed = [...this.topics.keys()].filter((t) => !present.has(t));
    for (const t of removed) this.topics.delete(t);
    // What was learnt about topics that are gone is dropped too, so these sets follow the cluster's topics.
    for (const t of this.notDlq) if (!present.has(t)) this.notDlq.delete(t);
    for (const t of this.emptyTriedAt.keys()) if (!present.has(t)) this.emptyTriedAt.delete(t);
    const byName = names.filter((t) => !this.topics.has(t) && isDlqTopicName(t, this.patterns));
    const added = await this.add(byName.map((topic) => ({ topic, recognisedBy: "name" as const })));
    return { added, removed, names };
  }

  /** Samples topics whose names say nothing; returns those whose records carry dead-letter headers. */
  async scanHeaders(names: readonly string[], now = Date.now()): Promise<DlqTopicInfo[]> {
    const candidates = names.filter(
      (t) =>
        !this.topics.has(t) &&
        !this.notDlq.has(t) &&
        retryTopicBase(t) === null &&
        now - (this.emptyTriedAt.get(t) ?? 0) >= RESAMPLE_EMPTY_MS,
    );
    const found: { topic: string; recognisedBy: DlqRecognition }[] = [];
    for (let i = 0; i < candidates.length; i += SAMPLE_ROUND) {
      const round = candidates.slice(i, i + SAMPLE_ROUND);
      const verdicts = await sampleForDeadLetters(this.kafka, this.admin, round, this.groupPrefix);
      for (const [topic, verdict] of verdicts) {
        if (verdict === "dlq") found.push({ topic, recognisedBy: "headers" });
        else if (verdict === "not-dlq") this.notDlq.add(topic);
        else this.emptyTriedAt.set(topic, now);
      }
    }
    return this.add(found);
  }

  private async add(found: { topic: string; recognisedBy: DlqRecognition }[]): Promise<DlqTopicInfo[]> {
    if (found.length === 0) return [];
    const meta = await this.admin.fetchTopicMetadata({ topics: found.map((f) => f.topic) });
    return found.map((f) => {
      const partitions = meta.topics.find((t) => t.name === f.topic)?.partitions.length ?? 0;
      const info = { ...f, partitions };
      this.topics.set(f.topic, info);
      this.log.info({ topic: f.topic, recognisedBy: f.recognisedBy }, "DLQ topic found");
      return info;
    });
  }
}
