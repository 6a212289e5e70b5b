/**
 * Reads a value out of a decoded JSON payload by a configured path such as `traceId` or `metadata.traceId`.
 * Only own properties are followed, so a path like `constructor` never reaches into Object.prototype.
 */
export function readJsonPath(json: unknown, path: string): unknown {
  // A key that itself contains a dot (e.g. "trace.id") is tried as one key before the path is split.
  if (isRecord(json) && Object.hasOwn(json, path)) return json[path];
  let current: unknown = json;
  for (const segment of path.split(".")) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      current = current[Number(segment)];
    } else if (isRecord(current) && Object.hasOwn(current, segment)) {
      current = current[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * An id-like JSON value as text: a non-empty string (trimmed) or a finite number (some systems use numeric
 * ids). Objects, booleans and null are not ids.
 */
export function jsonIdText(value: unknown): string | null {
  if (typeof value === "string") {
    const text = value.trim();
    return text === "" ? null : text;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** The first id found at any of `paths`, tried in order. */
export function firstJsonId(json: unknown, paths: readonly string[]): string | null {
  for (const path of paths) {
    const id = jsonIdText(readJsonPath(json, path));
    if (id !== null) return id;
  }
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
