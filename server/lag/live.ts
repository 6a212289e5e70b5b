/**
 * Pushes lag to the clients that asked for it: the groups table to the `lag:groups` room, a group's detail
 * to `lag:group:<id>`, after every poll. A joining client gets the current data at once, so it never waits
 * a whole interval for its first update.
 */
import { lagSubscriptionSchema, type LagSubscription } from "@/lib/live/contract-lag";
import type { LagService } from "@/server/lag/service";
import type { LiveServer, LiveSocket } from "@/server/live/socket-server";

const GROUPS_ROOM = "lag:groups";
const GROUP_ROOM_PREFIX = "lag:group:";

const roomOf = ({ group }: LagSubscription) =>
  group === null ? GROUPS_ROOM : `${GROUP_ROOM_PREFIX}${group}`;

export function registerLagLive(io: LiveServer, service: LagService): () => void {
  const hasPolled = () => service.groups().observedAt !== null;

  const sendGroup = (target: { emit: LiveSocket["emit"] }, id: string) => {
    const detail = service.group(id);
    if (detail) target.emit("lag:group", detail);
    else if (hasPolled() && !service.groups().stale) target.emit("lag:group-gone", id);
  };

  const onConnection = (socket: LiveSocket) => {
    socket.on("lag:subscribe", (raw, ack) => {
      const parsed = lagSubscriptionSchema.safeParse(raw);
      if (!parsed.success) {
        if (typeof ack === "function") ack({ ok: false, error: "expected { group: string | null }" });
        return;
      }
      const room = roomOf(parsed.data);
      void socket.join(room);
      socket.data.views?.add(room);
      if (typeof ack === "function") ack({ ok: true });
      if (parsed.data.group === null) {
        if (hasPolled()) socket.emit("lag:groups", service.groups());
      } else {
        sendGroup(socket, parsed.data.group);
      }
    });
    socket.on("lag:unsubscribe", (raw) => {
      const parsed = lagSubscriptionSchema.safeParse(raw);
      if (!parsed.success) return;
      const room = roomOf(parsed.data);
      void socket.leave(room);
      socket.data.views?.delete(room);
    });
  };
  io.on("connection", onConnection);

  const unsubscribe = service.onPoll(() => {
    const rooms = io.of("/").adapter.rooms;
    if ((rooms.get(GROUPS_ROOM)?.size ?? 0) > 0) io.to(GROUPS_ROOM).emit("lag:groups", service.groups());
    for (const [room, members] of rooms) {
      if (!room.startsWith(GROUP_ROOM_PREFIX) || members.size === 0) continue;
      sendGroup(io.to(room), room.slice(GROUP_ROOM_PREFIX.length));
    }
  });

  return () => {
    unsubscribe();
    io.off("connection", onConnection);
  };
}
