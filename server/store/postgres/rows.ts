/**
 * Rows of the PostgreSQL store to and from what the rest of Eventscope works with. A batch goes in as one
 * INSERT … SELECT FROM unnest(arrays): one statement and a fixed number of parameters whatever the batch
 * size, which is PostgreSQL's fast path for bulk inserts short of COPY.
 */
import type { EventSummary } from "@/lib/model/event";
import type { IngestedEvent, StoredPayload } from "@/server/store/event-store";

/** The columns `insertEvents` fills, in the order of its arrays. */
export const INSERT_EVENTS = `
  INSERT INTO eventscope_events
    (id, ts, topic, part, off, trace, corr, msg, caus, service, bytes, summary, pkey, pvalue, pheaders)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::int[], $5::bigint[], $6::text[],
    $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::text[], $13::bytea[], $14::bytea[],
    $15::text[])
  ON CONFLICT (id) DO NOTHING
  RETURNING topic, service, bytes`;

const headersText = (p: StoredPayload) =>
  JSON.stringify(
    p.headers.map((h) => [h.key, h.value === null ? null : Buffer.from(h.value).toString("base64")]),
  );

/** The arrays of INSERT_EVENTS for these events. */
export function insertParams(events: readonly IngestedEvent[]): unknown[][] {
  const cols: unknown[][] = Array.from({ length: 15 }, () => []);
  for (const { summary: s, payload: p } of events) {
    const summary = JSON.stringify(s);
    const pheaders = headersText(p);
    const bytes = summary.length + (p.key?.length ?? 0) + (p.value?.length ?? 0) + pheaders.length;
    const row = [
      s.id,
      s.timestamp,
      s.topic,
      s.partition,
      s.offset,
      s.traceId,
      s.correlationId,
      s.messageId,
      s.causationId,
      // Part of the counts' key, so it is never null: events without a service count under "".
      s.service ?? "",
      bytes,
      summary,
      p.key === null ? null : Buffer.from(p.key),
      p.value === null ? null : Buffer.from(p.value),
      pheaders,
    ];
    row.forEach((v, i) => cols[i]!.push(v));
  }
  return cols;
}

export function toSummary(row: { summary: string }): EventSummary {
  return JSON.parse(row.summary) as EventSummary;
}

export function toPayload(row: {
  pkey: Buffer | null;
  pvalue: Buffer | null;
  pheaders: string | null;
}): StoredPayload {
  const headers = JSON.parse(row.pheaders ?? "[]") as [string, string | null][];
  return {
    key: row.pkey === null ? null : new Uint8Array(row.pkey),
    value: row.pvalue === null ? null : new Uint8Array(row.pvalue),
    headers: headers.map(([key, value]) => ({
      key,
      value: value === null ? null : new Uint8Array(Buffer.from(value, "base64")),
    })),
  };
}
