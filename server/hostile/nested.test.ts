import { afterAll, beforeAll, describe, it } from "vitest";
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
const DEPTH = 20_000;

/** Records built to exhaust something: memory, the response size, the per-record work. */
const cases: HostileCase[] = [
  { name: "JSON objects nested 20,000 deep", value: `${'{"a":'.repeat(DEPTH)}1${"}".repeat(DEPTH)}` },
  { name: "JSON arrays nested 20,000 deep", value: `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}` },
];

const topic = uniqueName("hostile-nested");
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
});
