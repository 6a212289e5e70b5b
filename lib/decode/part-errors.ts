/**
 * Decoding a record part by part: a part that throws leaves its fallback and one line in the record's
 * `decodeError`, and the other parts are still decoded — one odd record never stops the stream.
 */
export interface PartDecoder {
  attempt<T>(part: string, run: () => T, fallback: T): T;
  /** The failures so far, joined; null when every part decoded. */
  decodeError(): string | null;
}

export function partDecoder(): PartDecoder {
  const errors: string[] = [];
  return {
    attempt(part, run, fallback) {
      try {
        return run();
      } catch (error) {
        errors.push(`${part}: ${error instanceof Error ? error.message : String(error)}`);
        return fallback;
      }
    },
    decodeError: () => (errors.length === 0 ? null : errors.join("; ")),
  };
}
