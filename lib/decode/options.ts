import type { TraceSource } from "@/lib/model/event";

/** A trace source the decoder can try; "none" is the result when none of them yields an id. */
export type TraceSourceName = Exclude<TraceSource, "none">;

/** Header names tried for each field, in priority order; matching is case-insensitive. */
export interface HeaderNames {
  traceparent: readonly string[];
  tracestate: readonly string[];
  b3: readonly string[];
  correlationId: readonly string[];
  causationId: readonly string[];
  messageId: readonly string[];
  service: readonly string[];
  eventType: readonly string[];
}

/** JSON paths (dotted, e.g. `metadata.traceId`) read from a JSON value when headers give nothing. */
export interface PayloadPaths {
  /** Fallback trace id (the "payload" trace source). */
  traceId: readonly string[];
  correlationId: readonly string[];
  causationId: readonly string[];
  eventType: readonly string[];
}

export interface DecodeOptions {
  /** Bytes of a key or value kept as text (hex of binary: cap ÷ 2 bytes, so the text stays within the cap). */
  payloadCapBytes: number;
  /** Trace sources tried in order; the first that yields an id decides. Leave one out to disable it. */
  tracePrecedence: readonly TraceSourceName[];
  headerNames: HeaderNames;
  payloadPaths: PayloadPaths;
}

/**
 * Defaults: the header names and payload fields used by W3C Trace Context, B3, CloudEvents, NServiceBus,
 * MassTransit, Axon and EventStoreDB; trace sources are tried from `traceparent` down to payload fields.
 */
export const defaultDecodeOptions: DecodeOptions = {
  payloadCapBytes: 64 * 1024,
  tracePrecedence: ["traceparent", "b3", "b3-multi", "cloudevents", "correlation", "payload"],
  headerNames: {
    traceparent: ["traceparent"],
    tracestate: ["tracestate"],
    b3: ["b3"],
    // Axon's own vocabulary is shifted by one: its `traceId` names the root message of the conversation
    // (our correlation id) and its `correlationId` names the parent message (our causation id).
    correlationId: [
      "ce_correlationid",
      "correlation-id",
      "x-correlation-id",
      "NServiceBus.CorrelationId",
      "CorrelationId",
      "axon-metadata-traceId",
      "$correlationId",
    ],
    causationId: [
      "ce_causationid",
      "causation-id",
      "x-causation-id",
      "NServiceBus.RelatedTo",
      "MT-InitiatorId",
      "axon-metadata-causationId",
      "axon-metadata-correlationId",
      "$causationId",
    ],
    messageId: [
      "ce_id",
      "message-id",
      "x-message-id",
      "NServiceBus.MessageId",
      "MessageId",
      "axon-message-id",
    ],
    service: ["ce_source", "service", "x-service", "source", "producer"],
    eventType: ["ce_type", "type", "event-type", "x-event-type", "axon-message-type"],
  },
  payloadPaths: {
    traceId: ["traceId", "trace_id", "correlationId"],
    // EventStoreDB keeps these in the event's JSON metadata; connectors put it at the top or under `metadata`.
    correlationId: ["$correlationId", "metadata.$correlationId"],
    causationId: ["$causationId", "metadata.$causationId"],
    eventType: ["type"],
  },
};

/**
 * Fills in whatever the caller left out. The nested name lists merge one level deep so a caller can
 * override, say, only the service header names.
 */
export function resolveDecodeOptions(options: Partial<DecodeOptions> = {}): DecodeOptions {
  // `??` rather than a spread so an explicit `undefined` (common when built from optional config) keeps the default.
  return {
    payloadCapBytes: options.payloadCapBytes ?? defaultDecodeOptions.payloadCapBytes,
    tracePrecedence: options.tracePrecedence ?? defaultDecodeOptions.tracePrecedence,
    headerNames: { ...defaultDecodeOptions.headerNames, ...withoutUndefined(options.headerNames) },
    payloadPaths: { ...defaultDecodeOptions.payloadPaths, ...withoutUndefined(options.payloadPaths) },
  };
}

function withoutUndefined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
