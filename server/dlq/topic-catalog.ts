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

/**
 * A topic sampled with nothing to read is tried again after a wait that doubles from FIRST to LAST, so a
 * first letter is noticed after about as long as the topic had been empty, a minute at most: a DLQ created
 * a moment before its first letter (the usual order) is found a second or two after it, while the empty
 * topics a cluster keeps for days cost one offsets request a minute each, not one per scan.
 */
const EMPTY_RETRY_FIRST_MS = 1_000;
const EMPTY_RETRY_LAST_MS = 60_000;
const SAMPLE_ROUND = 100;

export class TopicCatalog {
  readonly topics = new Map<string, DlqTopicInfo>();
  /** Topics sampled and found not to be DLQs, and when each empty one is tried next. */
  private readonly notDlq = new Set<string>();
  private readonly emptyRetry = new Map<string, { at: number; waitMs: number }>();

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
    for (const t of this.emptyRetry.keys()) if (!present.has(t)) this.emptyRetry.delete(t);
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
        now >= (this.emptyRetry.get(t)?.at ?? 0),
    );
    const found: { topic: string; recognisedBy: DlqRecognition }[] = [];
    for (let i = 0; i < candidates.length; i += SAMPLE_ROUND) {
      const round = candidates.slice(i, i + SAMPLE_ROUND);
      const verdicts = await sampleForDeadLetters(this.kafka, this.admin, round, this.groupPrefix);
      for (const [topic, verdict] of verdicts) {
        if (verdict === "empty") this.stillEmpty(topic, now);
        else {
          this.emptyRetry.delete(topic);
          if (verdict === "dlq") found.push({ topic, recognisedBy: "headers" });
          else this.notDlq.add(topic);
        }
      }
    }
    return this.add(found);
  }

  private stillEmpty(topic: string, now: number): void {
    const last = this.emptyRetry.get(topic)?.waitMs;
    const waitMs = last === undefined ? EMPTY_RETRY_FIRST_MS : Math.min(EMPTY_RETRY_LAST_MS, last * 2);
    this.emptyRetry.set(topic, { at: now + waitMs, waitMs });
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
