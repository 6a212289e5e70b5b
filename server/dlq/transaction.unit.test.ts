import { describe, expect, it } from "vitest";
import type { StoredLetter } from "@/server/dlq/letter-store";
import { type BatchLetter, MAX_PART_BYTES, splitByBytes } from "@/server/dlq/transaction";

/** A letter with a value of `bytes` bytes (and nothing else on the wire). */
function letter(i: number, bytes: number): BatchLetter {
  const stored = { id: `dlq/0/${i}`, key: null, value: Buffer.alloc(bytes), headers: [] };
  return { letter: stored as unknown as StoredLetter, target: "orders", count: 1 };
}
const ids = (parts: BatchLetter[][]) => parts.map((p) => p.map((l) => l.letter.id));

describe("a re-drive transaction cut into produce requests by bytes", () => {
  it("keeps a batch of small letters in one request", () => {
    const batch = Array.from({ length: 1_000 }, (_, i) => letter(i, 300));
    expect(splitByBytes(batch)).toEqual([batch]);
  });

  it("starts a new request before one would pass the limit, in order, and sends an oversized letter alone", () => {
    const half = Math.floor(MAX_PART_BYTES / 2);
    const batch = [
      letter(0, half),
      letter(1, half),
      letter(2, half + 1),
      letter(3, 2 * MAX_PART_BYTES),
      letter(4, 10),
    ];
    expect(ids(splitByBytes(batch))).toEqual([["dlq/0/0", "dlq/0/1"], ["dlq/0/2"], ["dlq/0/3"], ["dlq/0/4"]]);
  });

  it("also cuts by the bytes of the letters' ledger records, which outweigh tiny letters", () => {
    const batch = Array.from({ length: 5_000 }, (_, i) => letter(i, 10));
    const parts = splitByBytes(batch);
    expect(parts.length).toBe(2);
    expect(parts.flat()).toEqual(batch);
    // A ledger record is at least its key (the letter id) and a JSON value of about 150 bytes.
    for (const part of parts) expect(part.length * (150 + 10)).toBeLessThan(MAX_PART_BYTES);
  });
});
