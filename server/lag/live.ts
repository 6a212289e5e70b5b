/**
 * Pushes lag to the sockets that joined the `lag` channel: the groups table to the `lag:groups` room, a
 * group's detail to `lag:group:<id>`, after every poll. A joining client gets the current data at once, so
 * it never waits a whole interval for its first update.
 */
import type { LagService } from "@/server/lag/service";
import type { LiveServer, LiveSocket } from "@/server/live/socket-server";

const GROUPS_ROOM = "lag:groups";
const GROUP_ROOM_PREFIX = "lag:group:";
/** The overview plus a few group pages (open tabs share one socket, and navigation overlaps). */
const MAX_LAG_VIEWS_PER_SOCKET = 8;

export function registerLagLive(io: LiveServer, service: LagService): () => void {
  const hasPolled = () => service.groups().observedAt !== null;

  const sendGroup = (target: { emit: LiveSocket["emit"] }, id: string) => {
    const detail = service.group(id);
    if (detail) target.emit("lag:group", detail);
    else if (hasPolled() && !service.groups().stale) target.emit("lag:group-gone", id);
  };

  const undefine = io.channels.define("lag", {
    maxPerSocket: MAX_LAG_VIEWS_PER_SOCKET,
    room: ({ group }) => (group === null ? GROUPS_ROOM : `${GROUP_ROOM_PREFIX}${group}`),
    join: (socket, { group }) => {
      if (group !== null) sendGroup(socket, group);
      else if (hasPolled()) socket.emit("lag:groups", service.groups());
      return {};
    },
  });

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
    undefine();
  };
}
