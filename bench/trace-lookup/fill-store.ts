/**
 * Fills an event store directly with N traced records, as the collector would store them (summary, raw
 * bytes as payload, positions with every batch) — 10M records through Kafka would take longer than the
 * benchmark and outgrow the bench broker's retention; the ingest path has its own benchmark. Each hop's
 * summary is made once by summarizeRecord and copied with the record's own ids, pointer and preview, which
 * gives the same rows at a fraction of the cost. Timestamps end now, spread over the last `spanMs`.
 */
import { resolveDecodeOptions } from "@/lib/decode";
import type { IngestOptions } from "@/lib/ingest/ingest-options";
import type { EventSummary } from "@/lib/model/event";
import { summarizeRecord } from "@/lib/ingest/summarize-record";
import { flattenHeaders, type KafkaHeaderInput, type RawRecord } from "@/lib/model/raw-record";
import type { Config } from "@/server/config";
import type { IngestedEvent } from "@/server/store/event-store";
import { openEventStore } from "@/server/store/open-store";
import { recordSize } from "@/lib/decode/decode-record";
import { previewBytes } from "@/lib/ingest/preview";
import { formatRecordId } from "@/lib/model/record-id";
import { HOPS, traceIdOf, tracedRecord } from "../support/records";

const BATCH = 10_000;
const utf8 = new TextEncoder();
const bytes = (v: unknown) => (v === null || v === undefined ? null : utf8.encode(String(v)));

export async function fillStore(
  config: Config,
  topic: string,
  partitions: number,
  count: number,
  spanMs: number,
  onProgress: (stored: number) => void,
): Promise<void> {
  const store = await openEventStore(config.store);
  const options: IngestOptions = { decode: resolveDecodeOptions({}), dlqPatterns: config.dlq.patterns };
  const start = Date.now() - spanMs;
  const templates: EventSummary[] = [];
  const depth = Math.max(1, store.concurrentAppends ?? 1);
  const inFlight: Promise<void>[] = [];
  try {
    for (let from = 0; from < count; from += BATCH) {
      const events: IngestedEvent[] = [];
      const end = Math.min(count, from + BATCH);
      for (let i = from; i < end; i++) {
        const m = tracedRecord(i, partitions, start + Math.floor((i / count) * spanMs));
        const raw: RawRecord = {
          topic,
          partition: i % partitions,
          offset: String(Math.floor(i / partitions)),
          timestamp: m.timestamp ?? 0,
          key: bytes(m.key),
          value: bytes(m.value),
          headers: flattenHeaders(m.headers as KafkaHeaderInput),
        };
        const hop = i % HOPS;
        const template = (templates[hop] ??= summarizeRecord(raw, options));
        const trace = Math.floor(i / HOPS);
        const summary = {
          ...template,
          id: formatRecordId(topic, raw.partition, raw.offset),
          partition: raw.partition,
          offset: raw.offset,
          timestamp: Number(raw.timestamp),
          size: recordSize(raw.key, raw.value, raw.headers),
          traceId: traceIdOf(trace),
          spanId: (i + 1).toString(16).padStart(16, "0"),
          correlationId: `order-${trace}`,
          causationId: hop === 0 ? null : `msg-${i - 1}`,
          messageId: `msg-${i}`,
          preview: previewBytes(raw.value),
          keyPreview: previewBytes(raw.key),
        };
        // The copy must be exactly what the collector would have stored: checked on a sample.
        if (i < 2 * HOPS || i % 100_000 === 0) {
          const real = JSON.stringify(summarizeRecord(raw, options));
          if (JSON.stringify(summary) !== real)
            throw new Error(`summary copy of record ${i} differs: ${real}`);
        }
        events.push({ summary, payload: raw });
      }
      const positions = new Map(
        Array.from({ length: partitions }, (_, p) => [
          `${topic}/${p}`,
          String(Math.ceil((end - p) / partitions)),
        ]),
      );
      // Up to the store's own depth of transactions in flight, as the collector's writer keeps them: the
      // writer thread inserts one while this thread builds the next, instead of each waiting for the other.
      inFlight.push(store.append({ events, positions }));
      if (inFlight.length >= depth) await inFlight.shift();
      if (end % 1_000_000 === 0) onProgress(end);
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled(inFlight);
    await store.close();
  }
}
