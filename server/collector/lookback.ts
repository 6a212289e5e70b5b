/** Where to start reading a partition so the index is warm: the first offset at or after now − lookback. */
import type { Admin } from "kafkajs";

export async function lookbackOffsets(
  admin: Admin,
  topic: string,
  lookbackMs: number,
  now: number,
): Promise<Map<number, string>> {
  const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, now - lookbackMs);
  return new Map(byTime.map((p) => [p.partition, p.offset]));
}
