/** Decodes a consumer-protocol member assignment (which partitions a member owns) without ever throwing. */
import { AssignerProtocol } from "kafkajs";
import type { TopicPartitions } from "@/server/lag/types";

/**
 * The consumer protocol's assignment (versions 0–3 share this layout: topics with partitions, then user
 * data). An empty buffer (a member between rebalances) or bytes of another protocol give no assignment.
 */
export function decodeAssignment(buffer: Buffer | null | undefined): TopicPartitions[] {
  if (!buffer || buffer.length === 0) return [];
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(buffer);
    if (!decoded) return [];
    return Object.entries(decoded.assignment)
      .map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }))
      .sort((a, b) => a.topic.localeCompare(b.topic));
  } catch {
    return [];
  }
}
