import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventResponse } from "@/lib/api/events";
import type { TestApp } from "@/server/test-support/app";
import {
  createTopic,
  deleteTopics,
  expectServed,
  type HostileCase,
  type Produced,
  produceCases,
  startHostileApp,
  waitUntilListed,
} from "@/server/test-support/hostile";
import { uniqueName } from "@/server/test-support/kafka";

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

const topic = uniqueName("hostile-oversized");
let app: TestApp;
let produced: Produced[];

beforeAll(async () => {
  await createTopic(topic, 8 * MB);
  app = await startHostileApp();
  produced = await produceCases(topic, cases);
  await waitUntilListed(app, topic, produced);
}, 180_000);

afterAll(async () => {
  await app?.close();
  await deleteTopics([topic]);
});

describe("oversized and deeply nested records", () => {
  it.each(cases.map((c) => c.name))("%s: stored, listed, served", async (name) => {
    const record = produced.find((p) => p.name === name);
    if (!record) throw new Error(`${name} was not produced`);
    await expectServed(app, topic, record);
  });

  it("serves a 5 MB record's page in well under its size", async () => {
    const record = produced.find((p) => p.name === "5 MB value");
    const id = `${topic}/${record?.partition}/${record?.offset}`;
    const res = await fetch(`${app.url}/api/events/${encodeURIComponent(id)}`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text.length).toBeLessThan(2 * MB);
    expect((JSON.parse(text) as EventResponse).event.size).toBeGreaterThan(5 * MB);
  });
});
