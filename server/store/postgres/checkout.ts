/**
 * Runs `work` on a client checked out of the pool, for transactions that need one connection. While a client
 * is checked out, pg-pool no longer listens for its errors (it does only for idle ones), so a connection cut
 * between two queries — a database restart, `pg_terminate_backend` — made the client emit an `error` nobody
 * heard, and Node ended the process (seen in CI as an uncaught `read ECONNRESET`). Here the error is held
 * for the duration: the next query on the dead client fails, `work` rejects, and the client is released as
 * broken so the pool replaces it.
 */
import type { Pool, PoolClient } from "pg";

export async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (error: Error) => {
    lost = error;
  };
  client.on("error", onError);
  try {
    return await work(client);
  } finally {
    client.removeListener("error", onError);
    client.release(lost);
  }
}
