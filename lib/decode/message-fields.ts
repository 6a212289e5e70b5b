import { axonHeaderText } from "./axon-value";
import type { CloudEventInfo } from "./cloudevents";
import { decodeHeaderValue } from "./header-value";
import type { HeaderLookup } from "./headers";
import { firstJsonId } from "./json-path";
import type { DecodeOptions } from "./options";

/** What a record says about the message itself: correlation/causation/message ids, producer, event type. */
export interface MessageFields {
  correlationId: string | null;
  causationId: string | null;
  messageId: string | null;
  /** Only ever from a header or the CloudEvent source: Kafka records no producer, so there is no guessing. */
  service: string | null;
  eventType: string | null;
}

/** Where the identity rules look: the record's headers and, lazily, its JSON value (undefined if not JSON). */
export interface IdentityInput {
  headers: HeaderLookup;
  json: () => unknown;
}

/**
 * Resolves each field from headers first (names in the configured priority order), then from a
 * structured-mode CloudEvent, then from the configured JSON paths of the value.
 */
export function readMessageFields(
  input: IdentityInput,
  cloudEvent: CloudEventInfo | null,
  options: DecodeOptions,
): MessageFields {
  const names = options.headerNames;
  const paths = options.payloadPaths;
  const structured = cloudEvent?.mode === "structured" ? cloudEvent : null;
  const header = (list: readonly string[]) => input.headers.firstMatch(list, headerIdText);
  const payload = (list: readonly string[]) => (list.length === 0 ? null : firstJsonId(input.json(), list));

  return {
    correlationId: header(names.correlationId) ?? structured?.correlationId ?? payload(paths.correlationId),
    causationId: header(names.causationId) ?? structured?.causationId ?? payload(paths.causationId),
    messageId: header(names.messageId) ?? structured?.id ?? null,
    service: header(names.service) ?? structured?.source ?? null,
    eventType: header(names.eventType) ?? structured?.type ?? payload(paths.eventType),
  };
}

/** Header text for an id field; empty values count as absent so they do not hide a later header name. */
function headerIdText(bytes: Uint8Array, name: string): string | null {
  if (name.toLowerCase().startsWith("axon-")) return axonHeaderText(bytes);
  const text = decodeHeaderValue(bytes)?.text.trim() ?? "";
  return text === "" ? null : text;
}
