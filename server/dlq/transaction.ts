/**
 * One re-drive transaction: the letters go to their targets and their ledger records to
 * `__eventscope_redrives`, committed together or not at all. Partitions are chosen here (not by the
 * producer) so each letter's resulting offset is known and recorded in its ledger entry.
 *
 * A transaction may carry more than one produce request can: its letters come in parts (splitByBytes),
 * sent one request after another, and the ledger records of a part ride along with the next part's
 * letters, so a transaction of n parts costs n + 1 produce requests, one commit and its markers.
 */
import { type Admin, type IHeaders, type Message, Partitioners, type Producer } from "kafkajs";
import { buildRedriveHeaders } from "@/lib/dlq";
import type { RawHeader } from "@/lib/model/raw-record";
import type { StoredLetter } from "@/server/dlq/letter-store";
import type { LedgerValue } from "@/server/dlq/records";

export interface BatchLetter {
  letter: StoredLetter;
  target: string;
  /** The ledger count this re-drive will have (1 the first time). */
  count: number;
}

/**
 * Bytes of letters (and, apart, of their ledger records) one produce request carries at most. Kafka
 * refuses a record batch over the topic's max.message.bytes (1 MiB by default), and all letters of a part
 * may go to one partition.
 */
export const MAX_PART_BYTES = 768 * 1024;

/** What a letter puts on the wire: key, value and headers. */
function wireBytes({ letter }: BatchLetter): number {
  let n = (letter.key?.length ?? 0) + (letter.value?.length ?? 0);
  for (const h of letter.headers) n += h.key.length + (h.value?.byteLength ?? 0);
  return n;
}

/** A ledger record: the letter's id as key, and a JSON value naming task, user, time and target. */
function ledgerBytes({ letter, target }: BatchLetter): number {
  return 2 * letter.id.length + target.length + 200;
}

/**
 * The batch in order, cut into parts whose letters, and whose ledger records, each stay within
 * MAX_PART_BYTES (a bigger letter goes alone).
 */
export function splitByBytes(batch: readonly BatchLetter[]): BatchLetter[][] {
  const parts: BatchLetter[][] = [];
  let part: BatchLetter[] = [];
  let bytes = 0;
  let ledger = 0;
  for (const item of batch) {
    const size = wireBytes(item);
    const record = ledgerBytes(item);
    if (part.length > 0 && (bytes + size > MAX_PART_BYTES || ledger + record > MAX_PART_BYTES)) {
      parts.push(part);
      part = [];
      bytes = 0;
      ledger = 0;
    }
    part.push(item);
    bytes += size;
    ledger += record;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

export interface SentLetter {
  id: string;
  target: string;
  partition: number;
  offset: string | null;
  ledger: LedgerValue;
}

const partitioner = Partitioners.DefaultPartitioner();

function toKafkaHeaders(headers: readonly RawHeader[]): IHeaders {
  const out: IHeaders = {};
  for (const { key, value } of headers) {
    const v =
      value === null ? Buffer.alloc(0) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    const existing = out[key];
    if (existing === undefined) out[key] = v;
    else out[key] = Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  return out;
}

/** Partition counts of the targets, fetched once per task run. */
export async function targetPartitions(
  admin: Admin,
  topics: readonly string[],
): Promise<Map<string, number>> {
  const meta = await admin.fetchTopicMetadata({ topics: [...topics] });
  return new Map(meta.topics.map((t) => [t.name, t.partitions.length]));
}

/**
 * Back to the original partition when the letter returns to its origin topic and the headers name it
 * (keeps per-key order, also for keyless records); otherwise Kafka's default (murmur2 of the key).
 */
function choosePartition(letter: StoredLetter, target: string, partitions: number, msg: Message): number {
  const origin = letter.dead.origin;
  if (target === origin.topic && origin.partition !== null && origin.partition < partitions)
    return origin.partition;
  const partitionMetadata = Array.from({ length: partitions }, (_, i) => ({
    partitionErrorCode: 0,
    partitionId: i,
    leader: 0,
    replicas: [0],
    isr: [0],
  }));
  return partitioner({ topic: target, partitionMetadata, message: msg });
}

/** The letters of a part as messages, by target topic, each with the partition it goes to. */
function messagesOf(
  part: readonly BatchLetter[],
  partitions: ReadonlyMap<string, number>,
  at: string,
  by: string,
): Map<string, { item: BatchLetter; message: Message }[]> {
  const byTopic = new Map<string, { item: BatchLetter; message: Message }[]>();
  for (const item of part) {
    const { letter, target } = item;
    const headers = buildRedriveHeaders(letter.headers, {
      dlqTopic: letter.topic,
      partition: letter.partition,
      offset: letter.offset,
      redrivenAt: at,
      redrivenBy: by,
    });
    const message: Message = { key: letter.key, value: letter.value, headers: toKafkaHeaders(headers) };
    message.partition = choosePartition(letter, target, partitions.get(target) ?? 1, message);
    const list = byTopic.get(target) ?? [];
    list.push({ item, message });
    byTopic.set(target, list);
  }
  return byTopic;
}

export async function sendInTransaction(input: {
  producer: Producer;
  /** The letters of one transaction, cut by splitByBytes. */
  parts: readonly (readonly BatchLetter[])[];
  partitions: ReadonlyMap<string, number>;
  ledgerTopic: string;
  taskId: string;
  by: string;
  now: number;
}): Promise<SentLetter[]> {
  const { producer, parts, partitions, ledgerTopic, taskId, by, now } = input;
  const at = new Date(now).toISOString();
  const sent: SentLetter[] = [];
  const txn = await producer.transaction();
  try {
    let ledger: Message[] = [];
    for (const part of parts) {
      const byTopic = messagesOf(part, partitions, at, by);
      const topicMessages = [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((l) => l.message),
      }));
      if (ledger.length > 0) topicMessages.push({ topic: ledgerTopic, messages: ledger });
      const meta = await txn.sendBatch({ acks: -1, topicMessages });
      ledger = [];
      for (const [topic, list] of byTopic) {
        const seenPerPartition = new Map<number, number>();
        for (const { item, message } of list) {
          const partition = message.partition ?? 0;
          const index = seenPerPartition.get(partition) ?? 0;
          seenPerPartition.set(partition, index + 1);
          const base = meta.find((m) => m.topicName === topic && m.partition === partition)?.baseOffset;
          const offset = base === undefined ? null : (BigInt(base) + BigInt(index)).toString();
          const value: LedgerValue = {
            v: 1,
            taskId,
            by,
            at: now,
            target: { topic, partition, offset },
            count: item.count,
          };
          sent.push({ id: item.letter.id, target: topic, partition, offset, ledger: value });
          ledger.push({ key: item.letter.id, value: JSON.stringify(value) });
        }
      }
    }
    if (ledger.length > 0) await txn.send({ topic: ledgerTopic, acks: -1, messages: ledger });
    await txn.commit();
    return sent;
  } catch (error) {
    if (txn.isActive()) await txn.abort().catch(() => undefined);
    throw error;
  }
}
