/**
 * The dead letters of one DLQ topic, in memory: the raw record (to re-drive it byte for byte) and what
 * was decoded from it once. Bounded twice: beyond `maxLetters` for this topic, and by the byte budget all
 * DLQ topics share (server/dlq/letter-budget.ts). Either way the oldest letters are left out first and the
 * topic is reported as windowed.
 */
import type { KafkaMessage } from "kafkajs";
import { toHex } from "@/lib/decode/bytes";
import { type DecodedDeadLetter, ledgerKey } from "@/lib/dlq";
import { type IngestOptions, ingestOptions } from "@/lib/ingest/ingest-options";
import { summarizeDeadLetter } from "@/lib/ingest/summarize-record";
import { flattenHeaders, type RawHeader, type RawRecord } from "@/lib/model/raw-record";
import { type BudgetedLetters, LetterBudget } from "@/server/dlq/letter-budget";

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
  /** What holding this letter costs, as counted against the byte budget. */
  bytes: number;
}

const KEY_PREVIEW = 80;
/**
 * What holding a letter costs, fitted to the heap (server/dlq/letter-memory.unit.test.ts measures it for
 * large Spring letters with stack traces and for small plain ones): about 1.7 kB of objects per letter (the
 * letter, its decoding, ids, previews, two map entries), ~150 B per header (its object and view), and each
 * header value's bytes twice: the raw copy, and again as the decoded text (error messages and stack traces
 * live in the headers). Rounded up, so the count never understates the heap.
 */
const LETTER_OVERHEAD_BYTES = 1_800;
const HEADER_OVERHEAD_BYTES = 200;

function letterBytes(key: Buffer | null, value: Buffer | null, headers: readonly RawHeader[]): number {
  let headerBytes = 0;
  for (const h of headers) headerBytes += HEADER_OVERHEAD_BYTES + 2 * (h.value?.length ?? 0);
  return LETTER_OVERHEAD_BYTES + (key?.length ?? 0) + (value?.length ?? 0) + headerBytes;
}

/**
 * The letter's key, value and header values copied into one allocation of exactly their size, which the
 * letter then owns: kafkajs' fields point into its whole fetch response, and small separate copies come from
 * Node's shared 8 kB Buffer pool, where a kept letter also keeps its neighbours' garbage alive (measured:
 * ~45% more memory than the letters' own bytes).
 */
function ownBytes(message: KafkaMessage): { key: Buffer | null; value: Buffer | null; headers: RawHeader[] } {
  const headers = flattenHeaders(message.headers);
  let size = (message.key?.length ?? 0) + (message.value?.length ?? 0);
  for (const h of headers) size += h.value?.length ?? 0;
  const own = Buffer.allocUnsafeSlow(size);
  let at = 0;
  const copy = (bytes: Uint8Array | null): Buffer | null => {
    if (bytes === null) return null;
    own.set(bytes, at);
    at += bytes.length;
    return own.subarray(at - bytes.length, at);
  };
  const key = copy(message.key);
  const value = copy(message.value);
  return { key, value, headers: headers.map((h) => ({ key: h.key, value: copy(h.value) })) };
}

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

export class LetterStore implements BudgetedLetters {
  private readonly letters = new Map<string, StoredLetter>();
  /** Per partition, in the order read (= offset order): the head of each is that partition's oldest. */
  private readonly byPartition = new Map<number, Map<string, StoredLetter>>();
  private sorted: StoredLetter[] | null = null;
  private held = 0;
  /** Per partition, the log-start offset last seen: Kafka deleted the letters below it. */
  private readonly floors = new Map<number, bigint>();
  windowed = false;

  private readonly options: IngestOptions;

  constructor(
    readonly topic: string,
    private readonly maxLetters: number,
    patterns: readonly string[],
    private readonly budget = new LetterBudget(Infinity),
  ) {
    this.options = ingestOptions(patterns);
    budget.join(this);
  }

  add(partition: number, message: KafkaMessage): boolean {
    const id = ledgerKey(this.topic, partition, message.offset);
    if (this.letters.has(id)) return false;
    // Read just before Kafka deleted it: its ledger entry may be let go already, so it must not be re-driven.
    const floor = this.floors.get(partition);
    if (floor !== undefined && BigInt(message.offset) < floor) return false;
    const { key, value, headers } = ownBytes(message);
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
    const stored: StoredLetter = {
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
      bytes: letterBytes(key, value, headers),
    };
    this.letters.set(id, stored);
    let partitionLetters = this.byPartition.get(partition);
    if (!partitionLetters) this.byPartition.set(partition, (partitionLetters = new Map()));
    partitionLetters.set(id, stored);
    this.held += stored.bytes;
    this.sorted = null;
    if (this.letters.size > this.maxLetters) this.budget.removed(this.dropOldest());
    this.budget.added(stored.bytes);
    return true;
  }

  /** The oldest head among the partitions (a few at most, so a scan is cheaper than keeping a heap). */
  private oldestHead(): StoredLetter | null {
    let oldest: StoredLetter | null = null;
    for (const letters of this.byPartition.values()) {
      const head = letters.values().next().value;
      if (head && (!oldest || head.timestamp < oldest.timestamp)) oldest = head;
    }
    return oldest;
  }

  oldestTimestamp(): number | null {
    return this.oldestHead()?.timestamp ?? null;
  }

  dropOldest(): number {
    const oldest = this.oldestHead();
    if (!oldest) return 0;
    this.letters.delete(oldest.id);
    this.byPartition.get(oldest.partition)?.delete(oldest.id);
    this.held -= oldest.bytes;
    this.windowed = true;
    this.sorted = null;
    return oldest.bytes;
  }

  /**
   * Lets go of the letters Kafka's retention deleted (below each partition's log-start offset in `lows`),
   * and refuses them should the reader hand one over late. Returns how many were let go.
   */
  forgetBelow(lows: ReadonlyMap<number, bigint>): number {
    let forgotten = 0;
    let bytes = 0;
    for (const [partition, low] of lows) {
      if (low <= (this.floors.get(partition) ?? 0n)) continue;
      this.floors.set(partition, low);
      const letters = this.byPartition.get(partition);
      for (const letter of letters?.values() ?? []) {
        if (BigInt(letter.offset) >= low) continue;
        letters?.delete(letter.id);
        this.letters.delete(letter.id);
        bytes += letter.bytes;
        forgotten += 1;
      }
    }
    if (forgotten === 0) return 0;
    this.held -= bytes;
    this.budget.removed(bytes);
    this.sorted = null;
    return forgotten;
  }

  /** Gives this topic's bytes back to the shared budget (the topic is no longer read). */
  release(): void {
    this.budget.leave(this, this.held);
  }

  /** What the letters held cost, as counted against the byte budget. */
  get bytes(): number {
    return this.held;
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
