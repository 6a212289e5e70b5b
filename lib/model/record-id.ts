/**
 * A record's id: `topic/partition/offset`. It names an event everywhere (REST paths, the store, trace hops),
 * is the key of the compacted re-drive ledger and the value of `x-redriven-from`. Topic names cannot contain
 * `/`, so the id splits back unambiguously.
 */
import { isTopicName } from "@/lib/model/topic-name";

export interface RecordRef {
  topic: string;
  partition: number;
  /** int64 as a decimal string. */
  offset: string;
}

export function formatRecordId(topic: string, partition: number, offset: string | number | bigint): string {
  return `${topic}/${partition}/${String(offset)}`;
}

const ID = /^([^/]+)\/(\d{1,10})\/(\d{1,19})$/;
const MAX_PARTITION = 2147483647;
const MAX_OFFSET = 9223372036854775807n;

/** The parts of an id, or null when it is not `topic/partition/offset` with a legal topic name. */
export function parseRecordId(id: string): RecordRef | null {
  const m = ID.exec(id);
  if (!m || !m[1] || !m[2] || !m[3] || !isTopicName(m[1])) return null;
  const partition = Number(m[2]);
  if (partition > MAX_PARTITION) return null;
  // Normalise "007" to "7" so one record has one id.
  const offset = BigInt(m[3]);
  if (offset > MAX_OFFSET) return null;
  return { topic: m[1], partition, offset: offset.toString() };
}

/** `topic/partition`: the key of per-partition positions. */
export function formatPartitionKey(topic: string, partition: number): string {
  return `${topic}/${partition}`;
}

export function parsePartitionKey(key: string): { topic: string; partition: number } {
  const slash = key.lastIndexOf("/");
  return { topic: key.slice(0, slash), partition: Number(key.slice(slash + 1)) };
}
