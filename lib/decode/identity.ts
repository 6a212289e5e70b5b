import type { EventRecord, TraceSource } from "@/lib/model/event";

import { readCloudEvent } from "./cloudevents";
import { readMessageFields, type IdentityInput } from "./message-fields";
import type { DecodeOptions } from "./options";
import { traceSourceReaders, type TraceFinding } from "./trace-sources";

/** The identity part of an EventRecord. */
export type Identity = Pick<
  EventRecord,
  | "traceId"
  | "traceSource"
  | "spanId"
  | "parentSpanId"
  | "originTraceId"
  | "correlationId"
  | "causationId"
  | "messageId"
  | "service"
  | "eventType"
>;

/**
 * Resolves who a message is and which trace it belongs to: trace ids from W3C Trace Context, B3 and
 * CloudEvents headers, correlation/causation and message ids, producing service and event type.
 *
 * The trace sources are tried in `options.tracePrecedence` order and the first that finds anything wins,
 * including its span ids. `traceSource` names the source of the event's *grouping key*:
 * - a tracing header (traceparent, b3, b3-multi, cloudevents) always gives a 32-hex `traceId`;
 * - "correlation" / "payload" give `traceId` only when the value is shaped like a trace id; otherwise
 *   `traceId` stays null and the value is the `correlationId`, which trace stitching then groups by.
 *   A payload value that differs from a correlation id found in the headers is skipped, so the
 *   record never claims to be grouped by a key it does not carry.
 * `originTraceId` is the CloudEvents `ce_traceparent` trace whenever present, whatever won, because a
 * multi-hop delivery keeps its starting trace there while the per-hop `traceparent` changes.
 */
export function resolveIdentity(input: IdentityInput, options: DecodeOptions): Identity {
  const cloudEvent = readCloudEvent(input.headers, input.json);
  const fields = readMessageFields(input, cloudEvent, options);
  const traceInput = { ...input, cloudEvent, correlationId: fields.correlationId, options };

  let source: TraceSource = "none";
  let finding: TraceFinding | null = null;
  for (const name of options.tracePrecedence) {
    // The order comes from user config: an unknown name (even "constructor") is skipped, not looked up.
    if (!Object.hasOwn(traceSourceReaders, name)) continue;
    const found = traceSourceReaders[name](traceInput);
    if (found === null) continue;
    const conflictingKey =
      found.traceId === null && fields.correlationId !== null && found.groupKey !== fields.correlationId;
    if (conflictingKey) continue;
    source = name;
    finding = found;
    break;
  }

  return {
    traceId: finding?.traceId ?? null,
    traceSource: source,
    spanId: finding?.spanId ?? null,
    parentSpanId: finding?.parentSpanId ?? null,
    originTraceId: cloudEvent?.traceparent?.traceId ?? null,
    correlationId: fields.correlationId ?? (finding?.traceId === null ? finding.groupKey : null),
    causationId: fields.causationId,
    messageId: fields.messageId,
    service: fields.service,
    eventType: fields.eventType,
  };
}
