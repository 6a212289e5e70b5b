/**
 * A connection cut while a transaction's client is checked out, between two of its queries (what a database
 * restart does), fails that transaction — and nothing else: no uncaught error ends the process, and the pool
 * serves the next caller on a fresh connection.
 */
import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { withClient } from "@/server/store/postgres/checkout";
import { createTestDatabase, POSTGRES_ADMIN_URL, withDatabase } from "@/server/test-support/postgres";

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const done of cleanup.reverse()) await done().catch(() => undefined);
});

describe("a checked-out PostgreSQL client", () => {
  it("whose connection is cut between two queries fails its work, not the process, and the pool carries on", async () => {
    const db = await createTestDatabase("es_checkout");
    cleanup.push(() => db.drop());
    const pool = new Pool({ connectionString: db.url, max: 1 });
    pool.on("error", () => undefined);
    cleanup.push(() => pool.end());
    const uncaught: unknown[] = [];
    const note = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", note);
    cleanup.push(async () => void process.off("uncaughtException", note));

    const cut = withClient(pool, async (client) => {
      await client.query("BEGIN");
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await withDatabase(POSTGRES_ADMIN_URL, (admin) =>
        admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]),
      );
      // The cut reaches the client while none of its queries runs.
      await new Promise((r) => setTimeout(r, 500));
      await client.query("COMMIT");
    });
    await expect(cut).rejects.toThrow();
    expect(uncaught).toEqual([]);
    const again = await withClient(pool, async (client) => (await client.query("SELECT 1 AS one")).rows);
    expect(again).toEqual([{ one: 1 }]);
  });
});
