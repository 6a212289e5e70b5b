/** socket.io on the dashboard's HTTP server, typed by the shared contract in lib/live. */
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from "@/lib/live/socket-contract";
import type { BrokerMonitor } from "@/server/kafka/broker-monitor";
import type { Logger } from "@/server/logger";

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export function createLiveServer(
  http: HttpServer,
  deps: { brokerMonitor: BrokerMonitor; logger: Logger },
): LiveServer {
  const log = deps.logger.child({ component: "live" });
  const io: LiveServer = new Server(http, {
    serveClient: false,
    // Same-origin only: the UI is served from this very port.
    cors: { origin: false },
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 },
  });

  io.on("connection", (socket) => {
    socket.data.views = new Set();
    socket.emit("broker:status", deps.brokerMonitor.current());
    socket.on("broker:refresh", async (ack) => {
      if (typeof ack === "function") ack(await deps.brokerMonitor.checkNow());
    });
    log.debug({ id: socket.id, recovered: socket.recovered }, "client connected");
  });

  deps.brokerMonitor.onChange((status) => io.emit("broker:status", status));
  return io;
}
