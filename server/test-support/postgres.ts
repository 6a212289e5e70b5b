/** A database of its own per test on the machine's PostgreSQL (127.0.0.1:5432, trust auth), dropped after. */
import { randomUUID } from "node:crypto";
import { Client } from "pg";

export const POSTGRES_ADMIN_URL =
  process.env.EVENTSCOPE_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Runs `run` on a connection of its own to `url`, closed afterwards. */
export async function withDatabase<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const asAdmin = (sql: string) => withDatabase(POSTGRES_ADMIN_URL, async (c) => void (await c.query(sql)));

export async function createTestDatabase(prefix = "es_test"): Promise<TestDatabase> {
  const name = `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // WITH (FORCE) ends connections a test left open (PostgreSQL 13+).
    drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
