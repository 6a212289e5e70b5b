import { expect, it } from "vitest";
import type { EventResponse } from "@/lib/api/events";
import { describeHostileCases, type HostileCase } from "@/server/test-support/hostile";

const MB = 1024 * 1024;
/** Nesting deep enough to overflow the stack of any recursive walk (JSON.stringify, a renderer). */
const DEPTH = 20_000;

/** Records built to exhaust something: memory, the response size, the per-record work. */
const cases: HostileCase[] = [
  { name: "JSON objects nested 20,000 deep", value: `${'{"a":'.repeat(DEPTH)}1${"}".repeat(DEPTH)}` },
  { name: "JSON arrays nested 20,000 deep", value: `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}` },
  { name: "5 MB value", key: "big", value: JSON.stringify({ type: "Big", blob: "x".repeat(5 * MB) }) },
  { name: "1 MB key", key: "k".repeat(MB), value: "{}" },
  {
    name: "1,000 headers",
    value: "{}",
    headers: Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`x-h-${i}`, `value-${i}`])),
  },
];

describeHostileCases(
  "oversized and deeply nested records",
  cases,
  { maxMessageBytes: 8 * MB, setupTimeoutMs: 180_000 },
  (suite) => {
    it("serves a 5 MB record's page in well under its size", async () => {
      const { app, topic, record } = suite();
      const { partition, offset } = record("5 MB value");
      const res = await fetch(
        `${app.url}/api/events/${encodeURIComponent(`${topic}/${partition}/${offset}`)}`,
      );
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text.length).toBeLessThan(2 * MB);
      expect((JSON.parse(text) as EventResponse).event.size).toBeGreaterThan(5 * MB);
    });
  },
);
