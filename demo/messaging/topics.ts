/** Creates the demo's topics when they are missing. Safe to run on every start and from two processes. */
import type { Admin } from "kafkajs";

export async function ensureTopics(admin: Admin, topics: string[], partitions: number): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  if (missing.length === 0) return [];
  try {
    // No waitForLeaders: kafkajs's wait retries only LEADER_NOT_AVAILABLE, and a broker that has not yet
    // learned of the new topic answers UNKNOWN_TOPIC_OR_PARTITION, which failed the start (seen in CI).
    // waitUntilServing below waits for each topic to serve offsets, retrying whatever the broker answers.
    await admin.createTopics({
      // No replication factor: the cluster's default (1 on the embedded broker, more on a real cluster).
      topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
    });
  } catch (error) {
    // Another process (a second demo, the broker's auto-creation) may have won the race: that is fine.
    if (!String(error).includes("already exists")) throw error;
  }
  for (const topic of missing) await waitUntilServing(admin, topic);
  return missing;
}

/**
 * A new partition has a leader a moment before it serves offsets. Waiting here spares every consumer a
 * burst of NOT_LEADER errors on its first fetch (kafkajs would retry, but logs each one as an error).
 */
async function waitUntilServing(admin: Admin, topic: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await admin.fetchTopicOffsets(topic);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
