/**
 * Decoded Avro and Protobuf values hold types JSON has no word for (bytes, 64-bit integers, maps, records
 * as class instances). This turns them into plain JSON values, so they are shown, searched and matched by
 * JSON paths exactly like a JSON payload: bytes become base64 (Protobuf's own JSON mapping does the same),
 * bigints and Longs decimal strings, Maps objects.
 */
const MAX_DEPTH = 64;
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : "=";
    out += i + 2 < bytes.length ? BASE64[n & 63]! : "=";
  }
  return out;
}

export function toPlainJson(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error(`the value nests deeper than ${MAX_DEPTH} levels`);
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // JSON has no NaN or Infinity; Avro and Protobuf floats do.
      return Number.isFinite(value) ? value : String(value);
    case "bigint":
      return value.toString();
    case "object":
      break;
    default:
      return String(value);
  }
  if (value instanceof Uint8Array) return base64(value);
  if (Array.isArray(value)) return value.map((item) => toPlainJson(item, depth + 1));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([k, v]) => [String(k), toPlainJson(v, depth + 1)]));
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = toPlainJson(item, depth + 1);
  return out;
}
