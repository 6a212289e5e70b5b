/**
 * One port for everything: the REST API under /api, socket.io under /socket.io, and the Next.js pages.
 * Takes its dependencies as arguments so tests can build it on a random port with or without the UI.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { Router, sendJson } from "@/server/http/router";
import type { Logger } from "@/server/logger";

export interface UiHandler {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Next's dev server needs websocket upgrades for hot reload; production has none. */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void>;
}

export interface HttpApp {
  server: http.Server;
  router: Router;
}

export function createHttpApp(logger: Logger, ui: UiHandler | null): HttpApp {
  const router = new Router(logger.child({ component: "api" }));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    // socket.io answers its own path through its listener on this server.
    if (url.pathname.startsWith("/socket.io/")) return;
    if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
      void router.handle(req, res, url);
      return;
    }
    if (!ui) {
      sendJson(res, 404, { error: { code: "not_found", message: "the UI is not served by this instance" } });
      return;
    }
    ui.handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: url.pathname }, "page request failed");
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: "internal", message: "page failed to render" } });
    });
  });
  if (ui?.upgrade) {
    const upgrade = ui.upgrade.bind(ui);
    server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/socket.io/")) void upgrade(req, socket, head);
    });
  }
  return { server, router };
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
