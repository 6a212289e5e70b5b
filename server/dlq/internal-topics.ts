/** Eventscope's own topics for re-drives, created on first start with the configuration they rely on. */
import type { Admin, ITopicConfig } from "kafkajs";

export interface InternalTopics {
  /** Compacted ledger of re-driven letters, key `dlqTopic/partition/offset`. */
  ledger: string;
  /** Compacted task definitions and states, key task id: what a resume continues. */
  tasks: string;
  /** Append-only audit log. */
  audit: string;
}

export const DEFAULT_INTERNAL_TOPICS: InternalTopics = {
  ledger: "__eventscope_redrives",
  tasks: "__eventscope_redrive_tasks",
  audit: "__eventscope_audit",
};

const YEAR_MS = String(365 * 24 * 3_600_000);

export async function ensureInternalTopics(admin: Admin, topics: InternalTopics): Promise<void> {
  const compact = [{ name: "cleanup.policy", value: "compact" }];
  const wanted: ITopicConfig[] = [
    { topic: topics.ledger, numPartitions: 1, configEntries: compact },
    { topic: topics.tasks, numPartitions: 1, configEntries: compact },
    {
      topic: topics.audit,
      numPartitions: 1,
      configEntries: [
        { name: "cleanup.policy", value: "delete" },
        // The audit log outlives the broker's default retention (one year, not forever, so it stays bounded).
        { name: "retention.ms", value: YEAR_MS },
      ],
    },
  ];
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((t) => !existing.has(t.topic));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({ topics: missing, waitForLeaders: true });
  } catch (error) {
    // Another Eventscope instance may have created them a moment ago.
    const again = new Set(await admin.listTopics());
    if (!missing.every((t) => again.has(t.topic))) throw error;
  }
}
