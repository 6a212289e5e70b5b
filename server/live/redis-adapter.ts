/**
 * With EVENTSCOPE_REDIS_URL, socket.io's Redis adapter joins the instances' socket servers: a room emit
 * on one instance reaches that room's sockets on every instance, and `serverSideEmit` reaches the other
 * instances themselves (the live tail uses it to share the events each instance reads). Redis going away
 * does not stop an instance: its own sockets keep being served, and the clients reconnect by themselves.
 */
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import type { Logger } from "@/server/logger";
import type { LiveIo } from "@/server/live/socket-server";

/** How long the first connection to Redis may take before the start fails. */
export const START_TIMEOUT_MS = 10_000;

/**
 * The Redis channel prefix of one deployment. Two deployments (say staging and production) on one Redis
 * must not hear each other's live events, so it carries EVENTSCOPE_CLUSTER_NAME, as the collector group does.
 */
const redisChannelKey = (clusterName: string) => `eventscope:${clusterName}`;

export async function attachRedisAdapter(
  io: LiveIo,
  url: string,
  clusterName: string,
  logger: Logger,
): Promise<() => Promise<void>> {
  const log = logger.child({ component: "redis" });
  const pub = createClient({
    url,
    // Reconnect forever, at most every 5 s: a Redis restart must not need an Eventscope restart.
    socket: { reconnectStrategy: (attempt) => Math.min(5_000, 100 * 2 ** attempt) },
  });
  const sub = pub.duplicate();
  let lastError = 0;
  for (const client of [pub, sub])
    client.on("error", (error: unknown) => {
      // Logged at most every 10 s while Redis is away; the clients keep retrying on their own.
      if (Date.now() - lastError < 10_000) return;
      lastError = Date.now();
      log.warn({ err: error }, "Redis is not answering; live updates stay on this instance until it is back");
    });
  // At start a Redis that does not answer is a setting to fix, not an outage to ride out: say so and stop.
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`Redis (EVENTSCOPE_REDIS_URL) did not answer within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([Promise.all([pub.connect(), sub.connect()]), late]);
  } catch (error) {
    await Promise.allSettled([pub.disconnect(), sub.disconnect()]);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  io.adapter(createAdapter(pub, sub, { key: redisChannelKey(clusterName) }));
  log.info("live updates are shared with the other instances through Redis");
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
