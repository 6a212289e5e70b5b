/** The `tail` channel: one filtered, capped event tail per socket, handed to the hub; leaving ends it. */
import type { LiveServer } from "@/server/live/socket-server";
import type { TailHub } from "@/server/live/tail-hub";

export function registerTailSockets(io: LiveServer, hub: TailHub): () => void {
  return io.channels.define("tail", {
    // One room for every tail: a socket has one tail, and joining again replaces its filter.
    maxPerSocket: 1,
    room: () => "tail",
    join: (socket, { filter, maxPerSec }) => ({ maxPerSec: hub.subscribe(socket, filter, maxPerSec) }),
    leave: (socket) => hub.unsubscribe(socket.id),
  });
}
