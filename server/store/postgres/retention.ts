/**
 * Retention of the PostgreSQL store: by age, then by the byte budget, oldest event time first, a bounded
 * number of chunks per step (it runs every second, so a backlog is worked off in steps). The instances
 * sharing the store all run it; a transaction-scoped advisory lock lets one of them do a step at a time
 * while the others skip theirs. Bytes are what the rows hold (summary, key, value, headers) as counted on
 * insert: PostgreSQL reuses the space of deleted rows after vacuum instead of shrinking its files, so the
 * files' size would never fall back under the budget.
 */
import type { Pool } from "pg";
import { withClient } from "@/server/store/postgres/checkout";

const CHUNK = 5_000;
const CHUNKS_PER_STEP = 4;
/** Arbitrary, fixed: the advisory lock of a retention step. */
const RETENTION_LOCK = 0x65767274;

export interface RetentionLimits {
  retentionMs: number;
  diskBudgetBytes: number;
}

/**
 * Deletes the oldest events (up to CHUNK) older than `$1` (any age when null) whose bytes, counted from the
 * oldest, fit within `$3` (no limit when null); returns how many went.
 */
const DELETE_OLDEST = `
  WITH oldest AS (
    SELECT seq, sum(bytes) OVER (ORDER BY ts, seq) - bytes AS before
    FROM (SELECT seq, ts, bytes FROM eventscope_events WHERE ($1::bigint IS NULL OR ts < $1)
          ORDER BY ts, seq LIMIT $2) o
  ), del AS (
    DELETE FROM eventscope_events WHERE seq IN (
      SELECT seq FROM oldest WHERE $3::bigint IS NULL OR before < $3
    ) RETURNING topic, service, bytes
  ), agg AS (
    SELECT topic, service, count(*) AS n, sum(bytes) AS b FROM del GROUP BY topic, service
  ), upd AS (
    UPDATE eventscope_counts c SET n = c.n - agg.n, bytes = c.bytes - agg.b
    FROM agg WHERE c.topic = agg.topic AND c.service = agg.service
  )
  SELECT coalesce(sum(n), 0)::int AS evicted FROM agg`;

export async function enforceRetention(pool: Pool, limits: RetentionLimits, now: number): Promise<number> {
  return withClient(pool, async (client) => {
    try {
      await client.query("BEGIN");
      const lock = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [
        RETENTION_LOCK,
      ]);
      if (!lock.rows[0]?.ok) {
        await client.query("COMMIT");
        return 0;
      }
      const deleteOldest = async (cutoff: number | null, bytes: number | null) =>
        (await client.query<{ evicted: number }>(DELETE_OLDEST, [cutoff, CHUNK, bytes])).rows[0]?.evicted ??
        0;
      const storedBytes = async () =>
        Number(
          (await client.query<{ b: string }>("SELECT coalesce(sum(bytes), 0) AS b FROM eventscope_counts"))
            .rows[0]?.b ?? 0,
        );
      let evicted = 0;
      for (let i = 0; i < CHUNKS_PER_STEP; i++) {
        const n = await deleteOldest(now - limits.retentionMs, null);
        evicted += n;
        if (n < CHUNK) break;
      }
      for (let i = 0; i < CHUNKS_PER_STEP; i++) {
        const excess = (await storedBytes()) - limits.diskBudgetBytes;
        if (excess <= 0) break;
        const n = await deleteOldest(null, excess);
        evicted += n;
        if (n === 0) break;
      }
      if (evicted > 0) {
        await client.query("DELETE FROM eventscope_counts WHERE n <= 0");
        await client.query(
          `INSERT INTO eventscope_meta (key, value) VALUES ('evicted', $1)
           ON CONFLICT (key) DO UPDATE SET value = (eventscope_meta.value::bigint + $1::bigint)::text`,
          [String(evicted)],
        );
      }
      await client.query("COMMIT");
      return evicted;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}
