/** EventSummary ↔ the columns of an `events` row. */
import type { EventSummary, TraceSource } from "@/lib/model/event";
import { formatRecordId } from "@/lib/model/record-id";
import { idHash } from "@/server/store/id-hash";
import { NameKind, type NameTable } from "@/server/store/sqlite/name-table";

export interface EventRow {
  topic: number;
  part: number;
  off: number;
  ts: number;
  size: number;
  source: number;
  service: number;
  type: number;
  trace: string | null;
  span: string | null;
  parent_span: string | null;
  origin_trace: string | null;
  corr: string | null;
  caus: string | null;
  msg: string | null;
  dl_of: string | null;
  preview: string;
  key_preview: string | null;
  err: string | null;
  block: number;
  block_pos: number;
}

/** The columns every read selects, in EventRow order. */
export const ROW_COLUMNS =
  "topic, part, off, ts, size, source, service, type, trace, span, parent_span, origin_trace, corr, caus, msg, dl_of, preview, key_preview, err, block, block_pos";

const hash = (id: string | null) => (id === null ? null : idHash(id));

/** Positional parameters for the insert statement: the row's columns, then the four id hashes. */
export function toRowParams(e: EventSummary, names: NameTable, block: number, blockPos: number): unknown[] {
  return [
    names.idOf(NameKind.Topic, e.topic),
    e.partition,
    Number(e.offset),
    e.timestamp,
    e.size,
    names.idOf(NameKind.Source, e.traceSource),
    names.idOf(NameKind.Service, e.service),
    names.idOf(NameKind.Type, e.eventType),
    e.traceId,
    e.spanId,
    e.parentSpanId,
    e.originTraceId,
    e.correlationId,
    e.causationId,
    e.messageId,
    e.deadLetterOf,
    e.preview,
    e.keyPreview,
    e.decodeError,
    block,
    blockPos,
    hash(e.traceId),
    hash(e.correlationId),
    hash(e.messageId),
    hash(e.causationId),
  ];
}

export function fromRow(r: EventRow, names: NameTable): EventSummary {
  const topic = names.nameOf(r.topic) ?? "";
  const offset = String(r.off);
  return {
    id: formatRecordId(topic, r.part, offset),
    topic,
    partition: r.part,
    offset,
    timestamp: r.ts,
    size: r.size,
    traceId: r.trace,
    traceSource: (names.nameOf(r.source) ?? "none") as TraceSource,
    spanId: r.span,
    parentSpanId: r.parent_span,
    originTraceId: r.origin_trace,
    correlationId: r.corr,
    causationId: r.caus,
    messageId: r.msg,
    service: names.nameOf(r.service),
    eventType: names.nameOf(r.type),
    deadLetterOf: r.dl_of,
    preview: r.preview,
    keyPreview: r.key_preview,
    decodeError: r.err,
  };
}
