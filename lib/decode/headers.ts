import type { DecodedHeader, HeaderValue } from "@/lib/model/event";
import type { RawHeader } from "@/lib/model/raw-record";

import { decodeHeaderValue } from "./header-value";

/** Decodes every header occurrence, keeping record order and repeated keys. */
export function decodeHeaders(raw: readonly RawHeader[]): DecodedHeader[] {
  return raw.map((header) => ({ key: header.key, value: decodeHeaderValue(header.value) }));
}

/**
 * Case-insensitive access to one record's headers, built once per record so the many name lists the
 * identity rules try do not re-scan and re-lowercase the headers each time.
 */
export interface HeaderLookup {
  /** All headers, decoded, in record order. */
  readonly decoded: readonly DecodedHeader[];
  /** Every value of `name`, in record order (null where the header has no value). */
  all(name: string): (HeaderValue | null)[];
  /** Every raw value of `name`, in record order: for conventions that write binary numbers (Axon, Spring). */
  allBytes(name: string): (Uint8Array | null)[];
  /** The first non-null value, trying `names` in the given order (the order is the priority). */
  first(names: readonly string[]): HeaderValue | null;
  /** Like `first`, but the raw bytes. */
  firstBytes(names: readonly string[]): Uint8Array | null;
  /**
   * The first trimmed, non-empty text, trying `names` in order. An empty value does not hide a later name.
   * `utf8Only` skips values that are not valid UTF-8 (protocol headers such as `traceparent` are text by spec).
   */
  firstText(names: readonly string[], options?: { utf8Only?: boolean }): string | null;
  /** The first non-null result of `read` over the raw values of `names`, in order. */
  firstMatch<T>(names: readonly string[], read: (bytes: Uint8Array, name: string) => T | null): T | null;
}

/** One occurrence; its display value is decoded on first use, as most lookups only need a few names. */
interface Entry {
  raw: Uint8Array | null;
  decoded?: HeaderValue | null;
}

const valueOf = (entry: Entry): HeaderValue | null => {
  if (entry.decoded === undefined) entry.decoded = decodeHeaderValue(entry.raw);
  return entry.decoded;
};

export function createHeaderLookup(raw: readonly RawHeader[]): HeaderLookup {
  const inOrder: { key: string; entry: Entry }[] = [];
  const byName = new Map<string, Entry[]>();
  for (const header of raw) {
    const entry: Entry = { raw: header.value };
    inOrder.push({ key: header.key, entry });
    const name = header.key.toLowerCase();
    const entries = byName.get(name);
    if (entries) entries.push(entry);
    else byName.set(name, [entry]);
  }
  const entriesOf = (name: string): Entry[] => byName.get(name.toLowerCase()) ?? [];

  // Tries names in priority order, and each name's occurrences in record order.
  const scan = <T>(names: readonly string[], read: (entry: Entry, name: string) => T | null): T | null => {
    for (const name of names) {
      for (const entry of entriesOf(name)) {
        const result = read(entry, name);
        if (result !== null) return result;
      }
    }
    return null;
  };

  let decoded: DecodedHeader[] | null = null;
  return {
    get decoded() {
      decoded ??= inOrder.map(({ key, entry }) => ({ key, value: valueOf(entry) }));
      return decoded;
    },
    all: (name) => entriesOf(name).map(valueOf),
    allBytes: (name) => entriesOf(name).map((entry) => entry.raw),
    first: (names) => scan(names, valueOf),
    firstBytes: (names) => scan(names, (entry) => entry.raw),
    firstText: (names, options) =>
      scan(names, (entry) => {
        const value = valueOf(entry);
        if (!value || (options?.utf8Only && value.encoding !== "utf8")) return null;
        const text = value.text.trim();
        return text === "" ? null : text;
      }),
    firstMatch: (names, read) => scan(names, (entry, name) => (entry.raw ? read(entry.raw, name) : null)),
  };
}

/** First non-null value among `names` (case-insensitive) in already decoded headers, e.g. an EventRecord's. */
export function findHeaderValue(
  headers: readonly DecodedHeader[],
  names: readonly string[],
): HeaderValue | null {
  for (const name of names) {
    const lower = name.toLowerCase();
    const found = headers.find((header) => header.value !== null && header.key.toLowerCase() === lower);
    if (found) return found.value;
  }
  return null;
}

/** Every value of `name` (case-insensitive) in already decoded headers, in record order. */
export function findHeaderValues(headers: readonly DecodedHeader[], name: string): (HeaderValue | null)[] {
  const lower = name.toLowerCase();
  return headers.filter((header) => header.key.toLowerCase() === lower).map((header) => header.value);
}
