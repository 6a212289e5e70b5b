/**
 * A deliberately small JSON router for /api: exact segments and `:params`, one handler per route. The
 * API is a handful of routes next to Next's own request handler on the same port, so a framework would
 * add a second request pipeline without removing any code here.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, type ApiErrorBody } from "@/lib/errors";
import type { Logger } from "@/server/logger";

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Promise<unknown> | unknown;
type Method = "GET" | "POST" | "PUT" | "DELETE";

interface Route {
  method: Method;
  segments: string[];
  handler: Handler;
}

/** A path parameter as text; a malformed escape (`%E0%A4%A`) is the caller's mistake, not a server fault. */
function decodePathSegment(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new AppError("bad_request", "the request path has a malformed %-escape");
  }
}

export class Router {
  private readonly routes: Route[] = [];

  constructor(private readonly logger: Logger) {}

  get(path: string, handler: Handler): this {
    return this.add("GET", path, handler);
  }

  post(path: string, handler: Handler): this {
    return this.add("POST", path, handler);
  }

  put(path: string, handler: Handler): this {
    return this.add("PUT", path, handler);
  }

  private add(method: Method, path: string, handler: Handler): this {
    this.routes.push({ method, segments: path.split("/").filter(Boolean), handler });
    return this;
  }

  private match(
    method: string,
    pathname: string,
  ): { route: Route; params: Record<string, string> } | "wrong-method" | null {
    const parts = pathname.split("/").filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      if (route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((seg, i) => {
        const part = parts[i] ?? "";
        if (seg.startsWith(":")) {
          params[seg.slice(1)] = decodePathSegment(part);
          return true;
        }
        return seg === part;
      });
      if (!ok) continue;
      if (route.method === method) return { route, params };
      pathMatched = true;
    }
    return pathMatched ? "wrong-method" : null;
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      const found = this.match(req.method ?? "GET", url.pathname);
      if (found === null) throw new AppError("not_found", `no API route ${req.method} ${url.pathname}`);
      if (found === "wrong-method")
        throw new AppError("bad_request", `${req.method} is not supported on ${url.pathname}`);
      const result = await found.route.handler({ req, res, url, params: found.params });
      if (!res.headersSent) sendJson(res, 200, result ?? { ok: true });
    } catch (error) {
      this.sendError(res, error);
    }
  }

  private sendError(res: ServerResponse, error: unknown): void {
    const appError =
      error instanceof AppError ? error : new AppError("internal", "internal error; see the server log");
    if (!(error instanceof AppError) || appError.status >= 500)
      this.logger.error({ err: error }, "API request failed");
    const body: ApiErrorBody = {
      error: {
        code: appError.code,
        message: appError.expose ? appError.message : "internal error; see the server log",
        ...(appError.expose && appError.details !== undefined ? { details: appError.details } : {}),
      },
    };
    if (!res.headersSent) sendJson(res, appError.status, body);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}
