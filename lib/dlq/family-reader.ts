/**
 * Reads single header values for one family, applying the family's number encoding and collecting the
 * warnings in one list, so the decoders read as a list of facts rather than plumbing.
 */
import type { FamilySpec } from "./header-families";
import { firstOf, lastOf, type HeaderIndex } from "./header-index";
import { readInstant, readInteger, readName, readText, type Reading } from "./header-values";

/** Which occurrence of a repeated header counts. */
export type Which = "first" | "last";

export interface FamilyReader {
  has(name: string | undefined): boolean;
  pos(name: string | undefined, pick: Which): number | null;
  name(name: string | undefined, pick: Which): string | null;
  text(name: string | undefined, pick: Which): string | null;
  /** A non-negative integer up to `max`; out-of-range values are dropped with a warning. */
  int(name: string | undefined, pick: Which, width: 4 | 8, max: bigint): bigint | null;
  instant(name: string | undefined, pick: Which): number | null;
  warn(message: string): void;
}

export function familyReader(index: HeaderIndex, spec: FamilySpec, warnings: string[]): FamilyReader {
  const occ = (name: string | undefined, pick: Which) =>
    pick === "first" ? firstOf(index, name) : lastOf(index, name);
  const take = <T>(r: Reading<T>): T | null => {
    if (r.warning) warnings.push(r.warning);
    return r.value;
  };
  const read =
    <T>(fn: (name: string, bytes: Uint8Array | null) => Reading<T>) =>
    (name: string | undefined, pick: Which): T | null => {
      const o = occ(name, pick);
      return name && o ? take(fn(name, o.value)) : null;
    };
  const binary = spec.numbers === "binary";
  const intForm = (width: 4 | 8) =>
    binary ? ({ form: "binary", width } as const) : ({ form: "decimal" } as const);
  return {
    has: (name) => occ(name, "first") !== undefined,
    pos: (name, pick) => occ(name, pick)?.pos ?? null,
    name: read(readName),
    text: read(readText),
    int(name, pick, width, max) {
      const v = read((n, b) => readInteger(n, b, intForm(width)))(name, pick);
      if (v === null || (v >= 0n && v <= max)) return v;
      warnings.push(`${name} ${v} is out of range; ignored`);
      return null;
    },
    instant: read((n, b) => readInstant(n, b, intForm(8))),
    warn: (message) => void warnings.push(message),
  };
}
