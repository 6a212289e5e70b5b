import { afterAll, describe, expect, it } from "vitest";
import type { TestApp } from "@/server/test-support/app";
import { startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";
import {
  createTestDatabase,
  POSTGRES_ADMIN_URL,
  type TestDatabase,
  withDatabase,
} from "@/server/test-support/postgres";

const PARTITIONS = 3;
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const done of cleanup.reverse()) await done().catch(() => undefined);
});

describe("the PostgreSQL store losing its connections mid-stream", () => {
  // The machine's PostgreSQL serves other suites, so the test cuts every connection of Eventscope's
  // database — what a database restart does to a client — instead of restarting the server.
  it("resumes ingest once the database answers again, with every record of the stream stored", async () => {
    const topic = uniqueName("pg-outage");
    await createTestTopics({ topic, numPartitions: PARTITIONS });
    const db: TestDatabase = await createTestDatabase("es_outage");
    cleanup.push(() => db.drop());
    const app: TestApp = await startTestApp(
      testConfig({
        KAFKA_CLIENT_ID: uniqueName("es-outage"),
        // A deployment of its own: its lag owner lease is not shared with other tests' instances.
        EVENTSCOPE_CLUSTER_NAME: uniqueName("es-outage"),
        EVENTSCOPE_LOOKBACK: "1m",
        EVENTSCOPE_STORE: db.url,
      }),
    );
    cleanup.push(() => app.close());
    const name = new URL(db.url).pathname.slice(1);
    const producer = testKafka().producer({ allowAutoTopicCreation: false });
    await producer.connect();
    cleanup.push(() => producer.disconnect());

    let sent = 0;
    const send = async (rounds: number) => {
      for (let r = 0; r < rounds; r++) {
        await producer.send({
          topic,
          messages: Array.from({ length: 30 }, (_, i) => ({
            partition: i % PARTITIONS,
            value: `{"n":${sent + i}}`,
          })),
        });
        sent += 30;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await send(20);
    // Refuse new connections for a while and cut the open ones, as a restart would.
    await withDatabase(POSTGRES_ADMIN_URL, async (c) => {
      await c.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
      await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
    });
    await send(20);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await withDatabase(POSTGRES_ADMIN_URL, (c) =>
      c.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`),
    );
    await send(20);

    const stored = await eventually(
      async () => {
        const n = await withDatabase(db.url, async (c) => {
          const { rows } = await c.query<{ n: string }>(
            "SELECT count(DISTINCT id) AS n FROM eventscope_events WHERE topic = $1",
            [topic],
          );
          return Number(rows[0]?.n ?? 0);
        });
        return n === sent ? n : undefined;
      },
      60_000,
      `all ${sent} records stored after the outage`,
    );
    expect(stored).toBe(60 * 30);
    const health = (await (await fetch(`${app.url}/api/health`)).json()) as { store: { backend: string } };
    expect(health.store.backend).toBe("postgres");
  }, 120_000);
});
