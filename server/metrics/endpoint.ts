/**
 * `GET /metrics` on the dashboard's own port. The HTTP app sends only `/api/*` to the JSON router and every
 * other path to the Next.js pages, while Prometheus scrapes `/metrics` by convention; so this path is
 * answered on the HTTP server before the other request listeners, the way socket.io answers `/socket.io/`.
 */
import type { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { Logger } from "@/server/logger";
import type { RequestTimer } from "@/server/metrics/http-metrics";

export const METRICS_PATH = "/metrics";

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Serves the registry at /metrics; returns how to take the endpoint off the server again. */
export function serveMetrics(
  server: EventEmitter,
  registry: Registry,
  deps: { logger: Logger; time: RequestTimer },
): () => void {
  const others = server.listeners("request") as RequestListener[];
  const listener: RequestListener = (req, res) => {
    const pathname = (req.url ?? "/").split("?")[0];
    if (pathname !== METRICS_PATH) {
      for (const other of others) other.call(server, req, res);
      return;
    }
    deps.time(req.method ?? "GET", METRICS_PATH, res);
    void answer(req, res, registry, deps.logger);
  };
  server.removeAllListeners("request");
  server.on("request", listener);
  return () => {
    server.off("request", listener);
    for (const other of others) server.on("request", other);
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, registry: Registry, logger: Logger) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
    res.end("use GET\n");
    return;
  }
  try {
    const body = await registry.metrics();
    res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch (error) {
    // A collector that throws must cost one scrape, never the process.
    logger.error({ err: error }, "metrics scrape failed");
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("metrics could not be collected; see the server log\n");
  }
}
