/**
 * The one place where sockets join and leave live views. Features define their channel (which room a
 * request maps to, what joining answers, what leaving gives back); this registry does the rest the same
 * way for every channel: it validates `channel:join` / `channel:leave` against the contract's schema,
 * refuses a join beyond the channel's per-socket bound, and on leave or disconnect releases exactly what
 * the socket held, so server-side state per view never outlives the sockets that asked for it.
 */
import {
  type ChannelJoinResult,
  type ChannelName,
  type ChannelReplies,
  type ChannelRequestOf,
  channelRequestSchema,
} from "@/lib/live/contract-channels";
import type { Logger } from "@/server/logger";
import type { LiveIo, LiveSocket } from "@/server/live/socket-server";

export interface ChannelDefinition<N extends ChannelName> {
  /** Joins one socket may hold on this channel at once; a join beyond them is refused. */
  maxPerSocket: number;
  /** The socket.io room a request maps to. A socket holds a room once: joining it again replaces the join. */
  room(request: ChannelRequestOf<N>): string;
  /** Called after the socket joined the room; the answer goes back to the client. */
  join(socket: LiveSocket, request: ChannelRequestOf<N>): ChannelReplies[N];
  /** Called once the socket left the room (by `channel:leave`, a replacing join, or disconnect). */
  leave?(socket: LiveSocket, request: ChannelRequestOf<N>): void;
}

export interface Channels {
  /** Serves a channel until the returned function is called. */
  define<N extends ChannelName>(name: N, definition: ChannelDefinition<N>): () => void;
  /** Whether any socket of this server is in the room (cheap: one map lookup). */
  hasMembers(room: string): boolean;
}

type AnyDefinition = ChannelDefinition<ChannelName>;

const REFUSED_SHAPE = "invalid channel request: see the channel schema for the fields each channel takes";

export function createChannels(io: LiveIo, logger: Logger): Channels {
  const definitions = new Map<ChannelName, AnyDefinition>();
  const log = logger.child({ component: "channels" });

  const release = (socket: LiveSocket, room: string) => {
    const request = socket.data.channels.get(room);
    if (!request) return;
    socket.data.channels.delete(room);
    void socket.leave(room);
    try {
      definitions.get(request.channel)?.leave?.(socket, request);
    } catch (error) {
      log.warn({ err: error, channel: request.channel }, "leaving a channel failed");
    }
  };

  const join = (socket: LiveSocket, raw: unknown): ChannelJoinResult => {
    const parsed = channelRequestSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: REFUSED_SHAPE };
    const request = parsed.data;
    const definition = definitions.get(request.channel);
    if (!definition) return { ok: false, error: `channel "${request.channel}" is not served here` };
    const room = definition.room(request);
    if (socket.data.channels.has(room)) release(socket, room);
    else if (held(socket, request.channel) >= definition.maxPerSocket)
      return {
        ok: false,
        error: `at most ${definition.maxPerSocket} "${request.channel}" channels per connection`,
      };
    socket.data.channels.set(room, request);
    void socket.join(room);
    try {
      const reply = definition.join(socket, request);
      return { ok: true, channel: request.channel, reply } as ChannelJoinResult;
    } catch (error) {
      log.warn({ err: error, channel: request.channel }, "joining a channel failed");
      release(socket, room);
      return { ok: false, error: `could not join "${request.channel}"` };
    }
  };

  io.on("connection", (socket) => {
    // A socket recovered after a short disconnect gets its old rooms back, but its joins were released at
    // the disconnect; the client joins again on connect, so start from nothing to keep rooms and joins equal.
    for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
    socket.data.channels = new Map();
    socket.on("channel:join", (raw, ack) => {
      const result = join(socket, raw);
      if (typeof ack === "function") ack(result);
    });
    socket.on("channel:leave", (raw) => {
      const parsed = channelRequestSchema.safeParse(raw);
      if (!parsed.success) return;
      const definition = definitions.get(parsed.data.channel);
      if (definition) release(socket, definition.room(parsed.data));
    });
    socket.on("disconnect", () => {
      for (const room of [...socket.data.channels.keys()]) release(socket, room);
    });
  });

  return {
    define(name, definition) {
      definitions.set(name, definition as unknown as AnyDefinition);
      return () => {
        definitions.delete(name);
      };
    },
    hasMembers: (room) => (io.of("/").adapter.rooms.get(room)?.size ?? 0) > 0,
  };
}

function held(socket: LiveSocket, channel: ChannelName): number {
  let n = 0;
  for (const request of socket.data.channels.values()) if (request.channel === channel) n += 1;
  return n;
}
