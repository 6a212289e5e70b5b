/**
 * `npm run demo -- --instances N`: the settings N dashboards need to run as one deployment on this
 * machine — the PostgreSQL store (database `eventscope_demo` on 127.0.0.1:5432, created when missing) and
 * Redis (127.0.0.1:6379) — unless EVENTSCOPE_STORE / EVENTSCOPE_REDIS_URL already name yours.
 */
import { Client } from "pg";

const DEMO_DATABASE = "eventscope_demo";
const SERVER = "postgres://postgres@127.0.0.1:5432";

export async function clusterSettings(env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const store = env.EVENTSCOPE_STORE?.startsWith("postgres") ? env.EVENTSCOPE_STORE : null;
  if (!store) await createDemoDatabase();
  return {
    EVENTSCOPE_STORE: store ?? `${SERVER}/${DEMO_DATABASE}`,
    EVENTSCOPE_REDIS_URL: env.EVENTSCOPE_REDIS_URL ?? "redis://127.0.0.1:6379",
    // One collector group and one re-drive fence for all of them.
    KAFKA_CLIENT_ID: env.KAFKA_CLIENT_ID ?? "eventscope",
  };
}

async function createDemoDatabase(): Promise<void> {
  const client = new Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DEMO_DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${DEMO_DATABASE}`);
  } finally {
    await client.end();
  }
}
