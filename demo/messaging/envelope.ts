/**
 * What every message carries besides its JSON value: W3C trace context (one trace id per order, a new
 * span id per hop), correlation and causation ids, and CloudEvents binary-mode attributes.
 *
 * correlation-id is the business key of the conversation (the order id, or the user id): it is what a
 * person searches for ("where is order X?"), while the trace id already groups the hops technically.
 * causation-id is the ce_id of the message that caused this one; a message caused by an HTTP request
 * (the gateway's commands) names the request's id, which is no Kafka message, so the trace has a root.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { IHeaders } from "kafkajs";
import { formatTraceparent, parseTraceparent } from "@/lib/decode";
import { headerText } from "./headers";

/** Where a new message comes from: the trace it continues and the message (or request) that caused it. */
export interface Origin {
  traceId: string;
  traceFlags: number;
  correlationId: string;
  causationId: string;
}

/** The identity of a consumed message, as far as its headers tell. */
export interface MessageContext {
  id: string | undefined;
  type: string | undefined;
  source: string | undefined;
  traceId: string;
  traceFlags: number;
  /** False when the message had no valid traceparent and a new trace was started for what follows. */
  traced: boolean;
  correlationId: string | undefined;
  causationId: string | undefined;
}

function nonZeroHex(bytes: number): string {
  for (;;) {
    const hex = randomBytes(bytes).toString("hex");
    if (!/^0+$/.test(hex)) return hex; // all-zero ids are invalid in W3C trace context
  }
}

export const newTraceId = (): string => nonZeroHex(16);
export const newSpanId = (): string => nonZeroHex(8);

/** A new trace, or the caller's when it sent a valid `traceparent` (an HTTP client that traces too). */
export function rootOrigin(input: {
  correlationId: string;
  causationId: string;
  traceparent?: string;
}): Origin {
  const incoming = input.traceparent ? parseTraceparent(input.traceparent) : null;
  return {
    traceId: incoming?.traceId ?? newTraceId(),
    traceFlags: incoming?.flags ?? 1,
    correlationId: input.correlationId,
    causationId: input.causationId,
  };
}

/** The origin of a message caused by `cause`: same trace and conversation, caused by its ce_id. */
export function childOrigin(cause: MessageContext, fallbackCorrelationId: string): Origin {
  return {
    traceId: cause.traceId,
    traceFlags: cause.traceFlags,
    correlationId: cause.correlationId ?? fallbackCorrelationId,
    causationId: cause.id ?? "unknown",
  };
}

export function readContext(headers: IHeaders | undefined): MessageContext {
  const parent = parseTraceparent(headerText(headers, "traceparent") ?? "");
  return {
    id: headerText(headers, "ce_id"),
    type: headerText(headers, "ce_type"),
    source: headerText(headers, "ce_source"),
    traceId: parent?.traceId ?? newTraceId(),
    traceFlags: parent?.flags ?? 1,
    traced: parent !== null,
    correlationId: headerText(headers, "correlation-id"),
    causationId: headerText(headers, "causation-id"),
  };
}

/** A traceparent for a new hop of `origin`'s trace. */
export function hopTraceparent(origin: Pick<Origin, "traceId" | "traceFlags">): string {
  return formatTraceparent({ traceId: origin.traceId, parentId: newSpanId(), flags: origin.traceFlags });
}

export interface EventAttributes {
  source: string;
  type: string;
  subject: string;
  id?: string;
  time?: Date;
}

export type EventHeaders = ReturnType<typeof eventHeaders>;

/** All headers of a new message. ce_id is a fresh UUID unless given. */
export function eventHeaders(origin: Origin, event: EventAttributes) {
  return {
    traceparent: hopTraceparent(origin),
    "correlation-id": origin.correlationId,
    "causation-id": origin.causationId,
    ce_specversion: "1.0",
    ce_id: event.id ?? randomUUID(),
    ce_source: event.source,
    ce_type: event.type,
    ce_subject: event.subject,
    ce_time: (event.time ?? new Date()).toISOString(),
    "content-type": "application/json",
  };
}
