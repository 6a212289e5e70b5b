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
  return new IndexedHeaders(raw);
}

/**
 * A class rather than an object of closures: this runs for every record on the ingest path, where eight
 * closures per record were a measurable share of the collector's allocations.
 */
class IndexedHeaders implements HeaderLookup {
  private readonly inOrder: { key: string; entry: Entry }[] = [];
  private readonly byName = new Map<string, Entry[]>();
  private decodedInOrder: DecodedHeader[] | null = null;

  constructor(raw: readonly RawHeader[]) {
    for (const header of raw) {
      const entry: Entry = { raw: header.value };
      this.inOrder.push({ key: header.key, entry });
      const name = header.key.toLowerCase();
      const entries = this.byName.get(name);
      if (entries) entries.push(entry);
      else this.byName.set(name, [entry]);
    }
  }

  get decoded(): readonly DecodedHeader[] {
    this.decodedInOrder ??= this.inOrder.map(({ key, entry }) => ({ key, value: valueOf(entry) }));
    return this.decodedInOrder;
  }

  all(name: string): (HeaderValue | null)[] {
    return this.entriesOf(name).map(valueOf);
  }

  allBytes(name: string): (Uint8Array | null)[] {
    return this.entriesOf(name).map(rawOf);
  }

  first(names: readonly string[]): HeaderValue | null {
    return this.scan(names, valueOf);
  }

  firstBytes(names: readonly string[]): Uint8Array | null {
    return this.scan(names, rawOf);
  }

  firstText(names: readonly string[], options?: { utf8Only?: boolean }): string | null {
    const utf8Only = options?.utf8Only === true;
    return this.scan(names, (entry) => {
      const value = valueOf(entry);
      if (!value || (utf8Only && value.encoding !== "utf8")) return null;
      const text = value.text.trim();
      return text === "" ? null : text;
    });
  }

  firstMatch<T>(names: readonly string[], read: (bytes: Uint8Array, name: string) => T | null): T | null {
    return this.scan(names, (entry, name) => (entry.raw ? read(entry.raw, name) : null));
  }

  private entriesOf(name: string): readonly Entry[] {
    return this.byName.get(name.toLowerCase()) ?? NO_ENTRIES;
  }

  /** Tries names in priority order, and each name's occurrences in record order. */
  private scan<T>(names: readonly string[], read: (entry: Entry, name: string) => T | null): T | null {
    for (const name of names) {
      for (const entry of this.entriesOf(name)) {
        const result = read(entry, name);
        if (result !== null) return result;
      }
    }
    return null;
  }
}

const NO_ENTRIES: readonly Entry[] = [];
const rawOf = (entry: Entry) => entry.raw;

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
