import { parseB3Multi, parseB3Single } from "./b3";
import type { CloudEventInfo } from "./cloudevents";
import { firstJsonId } from "./json-path";
import type { IdentityInput } from "./message-fields";
import type { DecodeOptions, TraceSourceName } from "./options";
import { parseW3CTraceContext } from "./traceparent";
import { isLowerHex, toTraceId } from "./trace-id";

/**
 * What one trace source found. Header conventions always give a trace id; correlation ids and payload
 * fields may instead give a `groupKey` that is not shaped like a trace id but still groups a conversation.
 */
export interface TraceFinding {
  traceId: string | null;
  spanId: string | null;
  parentSpanId: string | null;
  groupKey: string | null;
}

export interface TraceInput extends IdentityInput {
  cloudEvent: CloudEventInfo | null;
  correlationId: string | null;
  options: DecodeOptions;
}

type TraceSourceReader = (input: TraceInput) => TraceFinding | null;

const ids = (traceId: string, spanId: string | null, parentSpanId: string | null = null): TraceFinding => ({
  traceId,
  spanId,
  parentSpanId,
  groupKey: null,
});

/** One reader per trace source; malformed headers read as "nothing found", never as an error. */
export const traceSourceReaders: Record<TraceSourceName, TraceSourceReader> = {
  traceparent: ({ headers, options }) => {
    const names = options.headerNames;
    const context = parseW3CTraceContext(
      headers.firstText(names.traceparent, { utf8Only: true }),
      headers.firstText(names.tracestate, { utf8Only: true }),
    );
    return context && ids(context.traceId, context.parentId);
  },
  b3: ({ headers, options }) => {
    const value = headers.firstText(options.headerNames.b3, { utf8Only: true });
    const context = value === null ? null : parseB3Single(value);
    return context && ids(context.traceId, context.spanId, context.parentSpanId);
  },
  "b3-multi": ({ headers }) => {
    const text = (name: string) => headers.firstText([name], { utf8Only: true });
    const context = parseB3Multi({
      traceId: text("X-B3-TraceId"),
      spanId: text("X-B3-SpanId"),
      parentSpanId: text("X-B3-ParentSpanId"),
      sampled: text("X-B3-Sampled"),
      flags: text("X-B3-Flags"),
    });
    return context && ids(context.traceId, context.spanId, context.parentSpanId);
  },
  cloudevents: ({ cloudEvent }) => {
    const parent = cloudEvent?.traceparent;
    return parent ? ids(parent.traceId, parent.parentId) : null;
  },
  // Correlation ids are application data, not a tracing protocol: accept either case, but only the exact
  // 32-hex shape, so a UUID or an order number is never mistaken for (or bent into) a trace id.
  correlation: ({ correlationId }) => {
    if (correlationId === null) return null;
    const lower = correlationId.toLowerCase();
    const traceId = isLowerHex(lower, 32) ? toTraceId(lower) : null;
    return { traceId, spanId: null, parentSpanId: null, groupKey: correlationId };
  },
  // A payload field named like a trace id may hold a 64-bit id too, so it gets the B3 padding rule.
  payload: ({ json, options }) => {
    const paths = options.payloadPaths.traceId;
    const value = paths.length === 0 ? null : firstJsonId(json(), paths);
    if (value === null) return null;
    return { traceId: toTraceId(value.toLowerCase()), spanId: null, parentSpanId: null, groupKey: value };
  },
};
