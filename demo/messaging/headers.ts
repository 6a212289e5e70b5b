/** Reading and copying kafkajs headers, whose values may be a Buffer, a string or a repeated list. */
import type { IHeaders } from "kafkajs";

export type HeaderValue = IHeaders[string];

function firstText(value: HeaderValue): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return typeof first === "string" ? first : first.toString("utf8");
}

/** The first value of header `name` as text (names compared case-insensitively, as Kafka users expect). */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (name in headers) return firstText(headers[name]);
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === lower) return firstText(value);
  }
  return undefined;
}

/** A copy of `headers` without the keys `drop` selects (given the lowercased key). */
export function withoutHeaders(headers: IHeaders | undefined, drop: (lowerKey: string) => boolean): IHeaders {
  const kept: IHeaders = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (!drop(key.toLowerCase())) kept[key] = value;
  }
  return kept;
}
