/**
 * socket.io clients tailing every event, as the Flows page does, each recording produce→delivery latency
 * from the record timestamp the producer set (one machine, one clock) and the sampled-away count.
 */
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/live/socket-contract";

export interface TailClient {
  /** Latencies (ms) and counts since the last reset. */
  latencies: number[];
  dropped: number;
  maxPerSec: number;
  reset(): void;
  close(): void;
}

export async function connectTailClient(url: string, maxPerSec: number): Promise<TailClient> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { transports: ["websocket"] });
  const client: TailClient = {
    latencies: [],
    dropped: 0,
    maxPerSec: 0,
    reset() {
      client.latencies = [];
      client.dropped = 0;
    },
    close: () => void socket.close(),
  };
  socket.on("tail:batch", (batch) => {
    const now = Date.now();
    for (const e of batch.events) client.latencies.push(now - e.timestamp);
    client.dropped += batch.dropped;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect_error", reject);
    socket.once("connect", () => resolve());
  });
  client.maxPerSec = await new Promise<number>((resolve, reject) =>
    socket.emit("channel:join", { channel: "tail", filter: {}, maxPerSec }, (r) =>
      r.ok && r.channel === "tail" ? resolve(r.reply.maxPerSec) : reject(new Error(JSON.stringify(r))),
    ),
  );
  return client;
}
