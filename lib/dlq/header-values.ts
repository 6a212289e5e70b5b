/**
 * Readers for dead-letter header values. Each returns the value it could read (or null) and at most one
 * warning, and never throws: a dead letter with one odd header must still show everything else.
 */

type Form = "binary" | "decimal";

export interface Reading<T> {
  value: T | null;
  warning: string | null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Free text (messages, stack traces, class names): invalid UTF-8 is shown as hex, never as mojibake. */
export function readText(name: string, bytes: Uint8Array | null): Reading<string> {
  if (bytes === null || bytes.length === 0) return { value: null, warning: null };
  const text = decodeUtf8(bytes);
  if (text !== null) return { value: text, warning: null };
  return { value: hex(bytes), warning: `${name} is not valid UTF-8; shown as hex` };
}

/** A name (topic, group, type): must be readable text, trimmed, or it is dropped. */
export function readName(name: string, bytes: Uint8Array | null): Reading<string> {
  if (bytes === null || bytes.length === 0) return { value: null, warning: null };
  const text = decodeUtf8(bytes)?.trim();
  if (text) return { value: text, warning: null };
  return { value: null, warning: `${name} is not readable text (${hex(bytes.subarray(0, 16))}); ignored` };
}

function decimal(bytes: Uint8Array): bigint | null {
  const text = decodeUtf8(bytes)?.trim();
  return text !== undefined && /^-?\d{1,19}$/.test(text) ? BigInt(text) : null;
}

function binary(bytes: Uint8Array): bigint | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length === 4) return BigInt(view.getInt32(0));
  if (bytes.length === 8) return view.getBigInt64(0);
  return null;
}

// All bytes printable ASCII: read as big-endian binary that would be at least 0x20202020 (538 million
// partitions, or an offset or timestamp above 2^61), which no producer writes, so it is text. Conversely,
// binary integers of real sizes start with 0x00 bytes, which text never contains.
const printable = (bytes: Uint8Array) => bytes.every((b) => b >= 0x20 && b <= 0x7e);

/**
 * An integer written either as big-endian binary (Spring: int32 partition/attempts, int64 offset and
 * timestamp) or as decimal text (Connect, Streams, plain apps). `expect` is what the family's convention
 * says; the other form is accepted with a warning, because real producers do differ.
 */
export function readInteger(
  name: string,
  bytes: Uint8Array | null,
  expect: { form: "binary"; width: 4 | 8 } | { form: "decimal" },
): Reading<bigint> {
  if (bytes === null || bytes.length === 0) return { value: null, warning: null };
  const isText = printable(bytes);
  const width = expect.form === "binary" ? expect.width : null;
  const textFirst = width === null || isText || bytes.length !== width;
  const readings: [Form, bigint | null][] = textFirst
    ? [
        ["decimal", decimal(bytes)],
        ["binary", isText ? null : binary(bytes)],
      ]
    : [
        ["binary", binary(bytes)],
        ["decimal", decimal(bytes)],
      ];
  const expected = width === null ? "decimal text" : `a ${width}-byte big-endian integer`;
  for (const [form, value] of readings) {
    if (value === null) continue;
    if (form === expect.form && (width === null || bytes.length === width)) {
      return { value, warning: null };
    }
    const got = form === "binary" ? `${bytes.length}-byte big-endian binary` : "decimal text";
    return { value, warning: `${name} is ${got}, expected ${expected}; accepted` };
  }
  return { value: null, warning: `${name} is not ${expected} (${hex(bytes.subarray(0, 16))}); ignored` };
}

/** A point in time: ms since epoch as an integer (binary or decimal), or an ISO 8601 date-time. */
export function readInstant(
  name: string,
  bytes: Uint8Array | null,
  expect: { form: "binary"; width: 4 | 8 } | { form: "decimal" },
): Reading<number> {
  if (bytes === null || bytes.length === 0) return { value: null, warning: null };
  const text = decodeUtf8(bytes)?.trim() ?? "";
  // Date.parse alone would also accept "March 7" and the like; only ISO 8601 is a convention.
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return { value: ms, warning: null };
  }
  const int = readInteger(name, bytes, expect);
  if (int.value === null) return { value: null, warning: int.warning };
  // -1 is Kafka's NO_TIMESTAMP: absent, not wrong.
  if (int.value === -1n) return { value: null, warning: null };
  if (int.value < 0n || int.value > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { value: null, warning: `${name} ${int.value} is not a time; ignored` };
  }
  return { value: Number(int.value), warning: int.warning };
}
