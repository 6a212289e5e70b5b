/**
 * One port for everything: the REST API under /api, socket.io under /socket.io, and the Next.js pages.
 * Takes its dependencies as arguments so tests can build it on a random port with or without the UI.
 * Every request is first checked against the host allow-list and gets the security headers.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { HttpSecurity } from "@/server/http/http-security";
import { Router, sendJson } from "@/server/http/router";
import { applySecurityHeaders } from "@/server/http/security-headers";
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

/**
 * The request target as a URL on this server. Only origin-form targets (`/path?query`) are served; they
 * are appended to a fixed base rather than resolved against it, so `//name/…` stays a path instead of
 * naming another host, and a target that cannot be parsed (`//[`) is refused rather than thrown.
 */
function requestUrl(target: string | undefined): URL | null {
  if (!target?.startsWith("/")) return null;
  try {
    return new URL(`http://localhost${target}`);
  } catch {
    return null;
  }
}

export function listeningPort(server: http.Server): number {
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
}

export function createHttpApp(logger: Logger, ui: UiHandler | null, security: HttpSecurity): HttpApp {
  const router = new Router(logger.child({ component: "api" }));
  const server = http.createServer((req, res) => {
    applySecurityHeaders(res, security.headers);
    const host = security.hosts.check(req.headers, listeningPort(server));
    if (!host.ok) {
      sendJson(res, 403, {
        error: {
          code: "forbidden",
          message: `this dashboard does not answer to host "${host.host}"; add it to EVENTSCOPE_ALLOWED_HOSTS`,
        },
      });
      return;
    }
    const url = requestUrl(req.url);
    if (!url) {
      sendJson(res, 400, { error: { code: "bad_request", message: "malformed request target" } });
      return;
    }
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
      if (req.url?.startsWith("/socket.io/")) return;
      if (!security.hosts.check(req.headers, listeningPort(server)).ok) {
        socket.destroy();
        return;
      }
      void upgrade(req, socket, head);
    });
  }
  return { server, router };
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(listeningPort(server) || port);
    });
  });
}
