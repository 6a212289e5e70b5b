/** Public API of the record decoder: raw Kafka record → EventRecord, plus the parsers other parts reuse. */
export { decodeRecord, type DecodedRecord } from "./decode-record";
export { defaultDecodeOptions, resolveDecodeOptions } from "./options";
export type { DecodeOptions, HeaderNames, PayloadPaths, TraceSourceName } from "./options";

export { decodeHeaderValue } from "./header-value";
export { createHeaderLookup, decodeHeaders, findHeaderValue, findHeaderValues } from "./headers";
export type { HeaderLookup } from "./headers";
export { decodePayload } from "./payload";

export { formatTraceparent, parseTraceparent, parseW3CTraceContext } from "./traceparent";
export type { Traceparent, W3CTraceContext } from "./traceparent";
export { parseB3Multi, parseB3Single } from "./b3";
export type { B3Context, B3MultiHeaders } from "./b3";
export { parseTraceQuery } from "./trace-query";
export type { TraceQuery } from "./trace-query";
export { toTraceId } from "./trace-id";

export { readCloudEvent } from "./cloudevents";
export type { CloudEventInfo } from "./cloudevents";
export { resolveIdentity } from "./identity";
export type { Identity } from "./identity";
export type { IdentityInput } from "./message-fields";
export { axonHeaderText } from "./axon-value";
