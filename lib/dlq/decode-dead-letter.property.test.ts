import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RawHeader } from "@/lib/model/raw-record";
import { decodeDeadLetter, hasDeadLetterHeaders } from "./decode-dead-letter";
import { FAMILIES, isDeadLetterHeaderKey } from "./header-families";
import { buildRedriveHeaders } from "./redrive-headers";
import type { DeadLetterRecord } from "./types";

// Known names in random case, so the decoders (not only the "unknown header" path) see arbitrary values.
const knownNames = FAMILIES.flatMap((f) => [
  ...Object.values(f.origin),
  ...Object.values(f.error),
  ...Object.values(f.keyError ?? {}),
  ...Object.values(f.details ?? {}),
  ...(f.attempts ? [f.attempts] : []),
  ...(f.firstFailureAt ? [f.firstFailureAt] : []),
]);
const key = fc.oneof(
  fc.constantFrom(...knownNames).chain((k) => fc.boolean().map((upper) => (upper ? k.toUpperCase() : k))),
  fc.string(),
);
const digits = fc
  .bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
  .map((n) => new TextEncoder().encode(String(n)));
const value = fc.oneof(fc.uint8Array({ maxLength: 12 }), digits, fc.constant(null));
const headers = fc.array(fc.record({ key, value }), { maxLength: 20 });
const record = fc.record({
  topic: fc.oneof(fc.string(), fc.constantFrom("orders.DLQ", "error.orders.billing", "payments.retry.1")),
  partition: fc.integer(),
  offset: fc.string(),
  timestamp: fc.oneof(fc.string(), fc.double()),
  headers,
});

describe("decodeDeadLetter on arbitrary input", () => {
  it("never throws and keeps its output well-formed", () => {
    fc.assert(
      fc.property(record, (r) => {
        const d = decodeDeadLetter(r);
        expect(Array.isArray(d.warnings)).toBe(true);
        expect(["header", "derived-from-name", "unknown"]).toContain(d.origin.source);
        const p = d.origin.partition;
        expect(p === null || (Number.isInteger(p) && p >= 0 && p <= 2147483647)).toBe(true);
        expect(d.origin.offset === null || /^\d+$/.test(d.origin.offset)).toBe(true);
        expect(d.origin.source === "header").toBe(d.origin.family !== null);
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws when the headers are not even headers", () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const r = {
          topic: "orders.DLQ",
          partition: 0,
          offset: "1",
          timestamp: 0,
          headers: junk,
        } as unknown as DeadLetterRecord;
        expect(decodeDeadLetter(r).id).toBe("orders.DLQ/0/1");
        expect(typeof hasDeadLetterHeaders(junk as RawHeader[])).toBe("boolean");
      }),
    );
  });
});

describe("buildRedriveHeaders on arbitrary headers", () => {
  it("leaves no dead-letter header behind, so the target is never taken for a DLQ", () => {
    fc.assert(
      fc.property(headers, (hs) => {
        const out = buildRedriveHeaders(hs, {
          dlqTopic: "orders.DLQ",
          partition: 0,
          offset: "1",
          redrivenAt: "2023-11-14T22:13:20.000Z",
          redrivenBy: "alice",
        });
        expect(out.some((h) => isDeadLetterHeaderKey(h.key))).toBe(false);
        expect(hasDeadLetterHeaders(out)).toBe(false);
      }),
    );
  });
});
