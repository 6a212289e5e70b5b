/**
 * With EVENTSCOPE_REDIS_URL, socket.io's Redis adapter joins the instances' socket servers: a room emit
 * on one instance reaches that room's sockets on every instance, and `serverSideEmit` reaches the other
 * instances themselves (the live tail uses it to share the events each instance reads). Redis going away
 * does not stop an instance: its own sockets keep being served, and the clients reconnect by themselves.
 */
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import type { Logger } from "@/server/logger";
import type { LiveServer } from "@/server/live/socket-server";

export async function attachRedisAdapter(
  io: LiveServer,
  url: string,
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
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { key: "eventscope" }));
  log.info("live updates are shared with the other instances through Redis");
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
