/**
 * Sessions that every instance of a deployment sees, so a signed-in admin stays signed in whichever
 * instance the load balancer picks: in Redis when EVENTSCOPE_REDIS_URL is set, else in the PostgreSQL
 * store's database. Like the in-memory store, only a hash of the cookie's id is kept; the session ends by
 * itself at its expiry (Redis expires the key; PostgreSQL rows past it are ignored and swept).
 */
import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { createClient } from "redis";
import { AppError } from "@/lib/errors";
import { hashSessionId, type Session, SessionStore } from "@/server/auth/sessions";
import type { Config } from "@/server/config";
import type { Logger } from "@/server/logger";

/** Where sessions live; one of the in-memory store, Redis or PostgreSQL. */
export interface Sessions {
  create(user: string): Promise<{ id: string; session: Session }>;
  /** The live session for a cookie value, or null (unknown, expired, or no cookie). */
  get(id: string | null | undefined): Promise<Session | null>;
  delete(id: string | null | undefined): Promise<void>;
  close(): Promise<void>;
}

/** Redis if set, else the PostgreSQL store's database if that is the store, else this process's memory. */
export function openSessions(config: Config, logger: Logger): Promise<Sessions> {
  const ttlMs = config.auth.sessionTtlMs;
  if (config.redisUrl !== null)
    return redisSessions(config.redisUrl, `eventscope:${config.clusterName}:session:`, ttlMs, logger);
  if (config.store.url !== null) return Promise.resolve(postgresSessions(config.store.url, ttlMs));
  return Promise.resolve(inMemory(new SessionStore(ttlMs)));
}

export function inMemory(store: SessionStore): Sessions {
  return {
    create: async (user) => store.create(user),
    get: async (id) => store.get(id),
    delete: async (id) => store.delete(id),
    close: async () => undefined,
  };
}

const newSession = (user: string, ttlMs: number) => {
  const createdAt = Date.now();
  return {
    id: randomBytes(32).toString("base64url"),
    session: { user, createdAt, expiresAt: createdAt + ttlMs },
  };
};

/** A session check that cannot reach the shared store answers 503, never "signed out" or "signed in". */
function unavailable(where: string, error: unknown): AppError {
  const why = error instanceof Error ? error.message : String(error);
  return new AppError("unavailable", `sessions cannot be checked: ${where} does not answer (${why})`);
}

export async function redisSessions(
  url: string,
  prefix: string,
  ttlMs: number,
  logger: Logger,
): Promise<Sessions> {
  const client = createClient({
    url,
    socket: { connectTimeout: 5_000, reconnectStrategy: (attempt) => Math.min(5_000, 100 * 2 ** attempt) },
  });
  client.on("error", (error: unknown) => logger.debug({ err: error }, "session store (Redis) error"));
  await client.connect();
  const key = (id: string) => `${prefix}${hashSessionId(id)}`;
  const call = async <T>(run: () => Promise<T>) => {
    try {
      return await run();
    } catch (error) {
      throw unavailable("Redis", error);
    }
  };
  return {
    async create(user) {
      const created = newSession(user, ttlMs);
      await call(() => client.set(key(created.id), JSON.stringify(created.session), { PX: ttlMs }));
      return created;
    },
    async get(id) {
      if (!id) return null;
      const value = await call(() => client.get(key(id)));
      if (value === null) return null;
      const session = JSON.parse(value) as Session;
      return session.expiresAt > Date.now() ? session : null;
    },
    async delete(id) {
      if (id) await call(() => client.del(key(id)));
    },
    close: async () => void (await client.quit().catch(() => undefined)),
  };
}

export function postgresSessions(url: string, ttlMs: number): Sessions {
  const pool = new Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => undefined); // an idle connection that dies is replaced on the next query
  // The table is created on first use, not at start: a database that is down for a moment must not stop
  // the dashboard from starting (sign-ins answer 503 meanwhile), and a failed attempt is tried again.
  let table: Promise<unknown> | null = null;
  const query = async (text: string, values: unknown[] = []) => {
    try {
      table ??= pool
        .query(
          `CREATE TABLE IF NOT EXISTS eventscope_sessions (id_hash text PRIMARY KEY, user_name text NOT NULL,
           created_at bigint NOT NULL, expires_at bigint NOT NULL)`,
        )
        .catch((error: unknown) => {
          table = null;
          throw error;
        });
      await table;
      return await pool.query(text, values);
    } catch (error) {
      throw unavailable("PostgreSQL", error);
    }
  };
  return {
    async create(user) {
      const created = newSession(user, ttlMs);
      const { session } = created;
      await query("DELETE FROM eventscope_sessions WHERE expires_at <= $1", [session.createdAt]);
      await query("INSERT INTO eventscope_sessions VALUES ($1, $2, $3, $4)", [
        hashSessionId(created.id),
        user,
        session.createdAt,
        session.expiresAt,
      ]);
      return created;
    },
    async get(id) {
      if (!id) return null;
      const { rows } = await query(
        "SELECT user_name, created_at, expires_at FROM eventscope_sessions WHERE id_hash = $1 AND expires_at > $2",
        [hashSessionId(id), Date.now()],
      );
      const row = rows[0] as { user_name: string; created_at: string; expires_at: string } | undefined;
      return row
        ? { user: row.user_name, createdAt: Number(row.created_at), expiresAt: Number(row.expires_at) }
        : null;
    },
    async delete(id) {
      if (id) await query("DELETE FROM eventscope_sessions WHERE id_hash = $1", [hashSessionId(id)]);
    },
    close: () => pool.end(),
  };
}
