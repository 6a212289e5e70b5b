/**
 * socket.io on the dashboard's HTTP server, typed by the shared contract in lib/live.
 *
 * The handshake is where cross-site WebSocket hijacking is stopped: WebSockets are exempt from CORS, so
 * without a check any page the operator visits could open this socket and read the live tail. A browser
 * always sends `Origin` on a WebSocket and on a cross-origin request, so a handshake whose Origin is
 * another site is refused; one without Origin is not a cross-site browser request (same-origin polling
 * GETs and non-browser clients), and it still has to pass the host allow-list.
 */
import type { IncomingMessage, Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from "@/lib/live/socket-contract";
import { checkOrigin } from "@/server/auth/origin";
import { type Channels, createChannels } from "@/server/live/channels";
import { listeningPort } from "@/server/http/app";
import type { HttpSecurity } from "@/server/http/http-security";
import type { BrokerMonitor } from "@/server/kafka/broker-monitor";
import type { Logger } from "@/server/logger";

export type LiveIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
/** socket.io plus the live views it serves: features define their channels on `channels`. */
export type LiveServer = LiveIo & { channels: Channels };
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

/** Null when the handshake may proceed, else why not (sent to the client as the refusal message). */
function handshakeProblem(req: IncomingMessage, http: HttpServer, security: HttpSecurity): string | null {
  const host = security.hosts.check(req.headers, listeningPort(http));
  if (!host.ok) return `host "${host.host}" is not this dashboard`;
  if (req.headers.origin === undefined) return null;
  const origin = checkOrigin({ host: req.headers.host, origin: req.headers.origin }, security.allowedOrigins);
  return origin.ok ? null : `origin ${origin.origin ?? "?"} may not open the live socket`;
}

export function createLiveServer(
  http: HttpServer,
  deps: { brokerMonitor: BrokerMonitor; logger: Logger; security: HttpSecurity },
): LiveServer {
  const log = deps.logger.child({ component: "live" });
  const io: LiveIo = new Server(http, {
    serveClient: false,
    // Same-origin only: the UI is served from this very port.
    cors: { origin: false },
    // No connection-state recovery: it keeps a copy of every packet sent to any socket for its whole
    // window, so at 2,000 tail events/s to three browsers it held ~1M event summaries (each keeping its
    // record's payload text alive through the preview) and ran the server out of heap. A client that
    // reconnects joins its channels again and gets fresh state; a tail replayed for minutes would only
    // flood it.
    // Browsers only send small subscribe/unsubscribe messages; anything bigger closes the connection
    // instead of being buffered (socket.io's default is 1 MB per message).
    maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
    allowRequest: (req, callback) => {
      const problem = handshakeProblem(req, http, deps.security);
      if (problem) log.warn({ origin: req.headers.origin, host: req.headers.host }, "socket refused");
      callback(problem, problem === null);
    },
  });
  io.engine.on("headers", (headers: Record<string, string>) => Object.assign(headers, deps.security.headers));

  io.on("connection", (socket) => {
    socket.emit("broker:status", deps.brokerMonitor.current());
    socket.on("broker:refresh", async (ack) => {
      if (typeof ack === "function") ack(await deps.brokerMonitor.checkNow());
    });
    log.debug({ id: socket.id, recovered: socket.recovered }, "client connected");
  });

  deps.brokerMonitor.onChange((status) => io.emit("broker:status", status));
  return Object.assign(io, { channels: createChannels(io, deps.logger) });
}
