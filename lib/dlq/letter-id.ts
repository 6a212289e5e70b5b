/**
 * A dead letter's id: `dlqTopic/partition/offset`. It is the key of the compacted re-drive ledger
 * (design.md, `__eventscope_redrives`), the value of `x-redriven-from`, and what the REST API's `ids` hold.
 * Topic names cannot contain `/`, so the id splits back unambiguously.
 */
import { isTopicName } from "./topic-name";

export interface LetterRef {
  topic: string;
  partition: number;
  /** int64 as a decimal string. */
  offset: string;
}

export function ledgerKey(dlqTopic: string, partition: number, offset: string | number | bigint): string {
  return `${dlqTopic}/${partition}/${String(offset)}`;
}

const ID = /^([^/]+)\/(\d{1,10})\/(\d{1,19})$/;

/** The parts of an id, or null when it is not `topic/partition/offset` with a legal topic name. */
export function parseLetterId(id: string): LetterRef | null {
  const m = ID.exec(id);
  if (!m || !m[1] || !m[2] || !m[3] || !isTopicName(m[1])) return null;
  const partition = Number(m[2]);
  if (partition > 2147483647) return null;
  // Normalise "007" to "7" so one dead letter has one ledger key.
  const offset = BigInt(m[3]);
  if (offset > 9223372036854775807n) return null;
  return { topic: m[1], partition, offset: offset.toString() };
}
