/**
 * Headers looked up by lowercase name (names match case-insensitively), keeping every occurrence with its
 * position: on repeated dead-lettering headers repeat, and which occurrence counts depends on the fact
 * (the first `original` is the real origin; the last exception is the latest failure).
 */
import type { RawHeader } from "@/lib/model/raw-record";

export interface Occurrence {
  value: Uint8Array | null;
  /** Index in the record's header list. */
  pos: number;
}

export type HeaderIndex = ReadonlyMap<string, readonly Occurrence[]>;

/** Tolerates junk entries (a record handed over from untyped code must not make decoding throw). */
export function indexHeaders(headers: readonly RawHeader[] | null | undefined): HeaderIndex {
  const index = new Map<string, Occurrence[]>();
  if (!Array.isArray(headers)) return index;
  headers.forEach((h: unknown, pos) => {
    if (typeof h !== "object" || h === null) return;
    const { key, value } = h as { key?: unknown; value?: unknown };
    if (typeof key !== "string") return;
    const bytes = value instanceof Uint8Array ? value : null;
    const name = key.toLowerCase();
    const list = index.get(name);
    if (list) list.push({ value: bytes, pos });
    else index.set(name, [{ value: bytes, pos }]);
  });
  return index;
}

export function firstOf(index: HeaderIndex, name: string | undefined): Occurrence | undefined {
  return name === undefined ? undefined : index.get(name)?.[0];
}

export function lastOf(index: HeaderIndex, name: string | undefined): Occurrence | undefined {
  return name === undefined ? undefined : index.get(name)?.at(-1);
}
