/**
 * The dead letters of one DLQ topic, in memory: the raw record (to re-drive it byte for byte) and what
 * was decoded from it once. Bounded: beyond `maxLetters` the oldest letters are left out and the topic
 * is reported as windowed.
 */
import type { KafkaMessage } from "kafkajs";
import { toHex } from "@/lib/decode/bytes";
import { type DecodedDeadLetter, ledgerKey } from "@/lib/dlq";
import { type IngestOptions, ingestOptions } from "@/lib/ingest/ingest-options";
import { summarizeDeadLetter } from "@/lib/ingest/summarize-record";
import { flattenHeaders, type RawHeader, type RawRecord } from "@/lib/model/raw-record";

export interface StoredLetter {
  id: string;
  topic: string;
  partition: number;
  offset: string;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: RawHeader[];
  dead: DecodedDeadLetter;
  traceId: string | null;
  keyPreview: string | null;
}

const KEY_PREVIEW = 80;

function preview(key: Buffer | null): string | null {
  if (key === null) return null;
  const text = key.subarray(0, KEY_PREVIEW * 4).toString("utf8");
  // Binary keys (or text that was cut mid-character) show as hex rather than as mojibake.
  if (text.includes("\uFFFD")) return toHex(key, KEY_PREVIEW / 2);
  return text.length > KEY_PREVIEW ? `${text.slice(0, KEY_PREVIEW)}…` : text;
}

/** What free-text search and `filter.text` look at besides the error: the key and the trace id. */
export function searchTextOf(letter: StoredLetter): string {
  return [letter.keyPreview, letter.traceId].filter(Boolean).join(" ");
}

export function toRawRecord(letter: StoredLetter): RawRecord {
  return {
    topic: letter.topic,
    partition: letter.partition,
    offset: letter.offset,
    timestamp: letter.timestamp,
    key: letter.key,
    value: letter.value,
    headers: letter.headers,
  };
}

/** Newest first; ties by partition and offset so paging is stable. */
export function compareNewestFirst(a: StoredLetter, b: StoredLetter): number {
  if (a.timestamp !== b.timestamp) return b.timestamp - a.timestamp;
  if (a.partition !== b.partition) return a.partition - b.partition;
  const ao = BigInt(a.offset);
  const bo = BigInt(b.offset);
  return ao === bo ? 0 : ao > bo ? -1 : 1;
}

export class LetterStore {
  private readonly letters = new Map<string, StoredLetter>();
  private sorted: StoredLetter[] | null = null;
  windowed = false;

  private readonly options: IngestOptions;

  constructor(
    readonly topic: string,
    private readonly maxLetters: number,
    patterns: readonly string[],
  ) {
    this.options = ingestOptions(patterns);
  }

  add(partition: number, message: KafkaMessage): boolean {
    const id = ledgerKey(this.topic, partition, message.offset);
    if (this.letters.has(id)) return false;
    // Copies, so a kept letter holds its own bytes and not kafkajs' whole fetch buffer.
    const key = message.key === null ? null : Buffer.from(message.key);
    const value = message.value === null ? null : Buffer.from(message.value);
    const headers = flattenHeaders(message.headers).map((h) => ({
      key: h.key,
      value: h.value === null ? null : Uint8Array.prototype.slice.call(h.value),
    }));
    const raw: RawRecord = {
      topic: this.topic,
      partition,
      offset: message.offset,
      timestamp: message.timestamp,
      key,
      value,
      headers,
    };
    // One pass gives the letter's trace identity and its dead-letter decoding.
    const { summary, letter } = summarizeDeadLetter(raw, this.options);
    // Known to be a dead letter, it is always decoded (decodeDeadLetter never throws).
    const dead = letter!;
    this.letters.set(id, {
      id,
      topic: this.topic,
      partition,
      offset: message.offset,
      timestamp: dead.timestamp ?? summary.timestamp,
      key,
      value,
      headers,
      dead,
      traceId: summary.traceId,
      keyPreview: preview(key),
    });
    this.sorted = null;
    if (this.letters.size > this.maxLetters * 1.05) this.evict();
    return true;
  }

  private evict(): void {
    const oldestFirst = this.all().slice().reverse();
    for (const l of oldestFirst.slice(0, this.letters.size - this.maxLetters)) this.letters.delete(l.id);
    this.windowed = true;
    this.sorted = null;
  }

  get(id: string): StoredLetter | undefined {
    return this.letters.get(id);
  }

  get size(): number {
    return this.letters.size;
  }

  /** Every letter, newest first (cached until the next change). */
  all(): StoredLetter[] {
    this.sorted ??= [...this.letters.values()].sort(compareNewestFirst);
    return this.sorted;
  }
}
