/** Socket handlers for the live tail: validate the subscription, hand it to the hub, clean up on leave. */
import { eventFilterSchema } from "@/lib/api/events";
import type { LiveServer, LiveSocket } from "@/server/live/socket-server";
import type { TailHub } from "@/server/live/tail-hub";

export function registerTailSockets(io: LiveServer, hub: TailHub): () => void {
  const onConnection = (socket: LiveSocket) => {
    socket.on("tail:subscribe", (subscription, ack) => {
      const reply = typeof ack === "function" ? ack : () => undefined;
      const filter = eventFilterSchema.safeParse(subscription?.filter ?? {});
      const max = subscription?.maxPerSec;
      if (!filter.success || (max !== undefined && (typeof max !== "number" || !Number.isFinite(max)))) {
        reply({
          ok: false,
          error: "invalid tail subscription: filter fields must be short strings, maxPerSec a number",
        });
        return;
      }
      reply({ ok: true, value: { maxPerSec: hub.subscribe(socket, filter.data, max) } });
    });
    socket.on("tail:unsubscribe", () => hub.unsubscribe(socket.id));
    socket.on("disconnect", () => hub.unsubscribe(socket.id));
  };
  io.on("connection", onConnection);
  return () => io.off("connection", onConnection);
}
