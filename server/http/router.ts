/**
 * A deliberately small JSON router for /api: exact segments and `:params`, one handler per route contract
 * (lib/api). The API is a handful of routes next to Next's own request handler on the same port, so a
 * framework would add a second request pipeline without removing any code here.
 *
 * Every route is registered with its contract: the router parses path params and query with the
 * contract's schemas before the handler runs (a failure answers 400 naming the fields), hands the handler
 * a `body()` that reads and validates the JSON body when the handler asks (after its own access checks),
 * and the handler's return type is checked against the contract's response type.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { AnyRouteContract, FieldsSchema, HttpMethod, RouteContract } from "@/lib/api/contract";
import { AppError, type ApiErrorBody } from "@/lib/errors";
import type { Logger } from "@/server/logger";
import { readJsonBody } from "@/server/http/read-json-body";
import { answerKey, SharedAnswers } from "@/server/http/shared-answers";

export interface RouteInput<P extends FieldsSchema, Q extends FieldsSchema, B extends z.ZodType | null> {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: z.output<P>;
  query: z.output<Q>;
  /** Reads and validates the JSON body with the contract's schema. */
  body: () => Promise<B extends z.ZodType ? z.output<B> : never>;
}

/** An answer with a status other than 200 (e.g. 202 for a task that was started). */
export class Reply<R> {
  constructor(
    readonly status: number,
    readonly body: R,
  ) {}
}

type Answer<R> = R | Reply<R>;
export type RouteHandler<P extends FieldsSchema, Q extends FieldsSchema, B extends z.ZodType | null, R> = (
  input: RouteInput<P, Q, B>,
) => Promise<Answer<R>> | Answer<R>;

/** Told about every matched request with the route's template, e.g. to time it by route. */
export type RouteObserver = (method: HttpMethod, template: string, res: ServerResponse) => void;

export interface RouteOptions {
  /**
   * The answer is the same for every caller (no session, no side effect): identical requests within this
   * many milliseconds share one computed and serialised answer (see shared-answers.ts).
   */
  sharedForMs?: number;
}

interface Route {
  contract: AnyRouteContract;
  segments: string[];
  handler: (input: RouteInput<FieldsSchema, FieldsSchema, z.ZodType | null>) => unknown;
  sharedForMs: number;
}

/** A path parameter as text; a malformed escape (`%E0%A4%A`) is the caller's mistake, not a server fault. */
function decodePathSegment(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new AppError("bad_request", "the request path has a malformed %-escape");
  }
}

function parseFields<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || where}: ${i.message}`);
  throw new AppError("bad_request", `invalid ${where}: ${problems.join("; ")}`, { problems });
}

export class Router {
  private readonly table: Route[] = [];
  private readonly observers: RouteObserver[] = [];
  private readonly shared = new SharedAnswers();

  constructor(private readonly logger: Logger) {}

  /** The handler's answer is checked against the contract's response type (not inferred from it). */
  route<P extends FieldsSchema, Q extends FieldsSchema, B extends z.ZodType | null, R>(
    contract: RouteContract<P, Q, B, R>,
    handler: RouteHandler<P, Q, B, NoInfer<R>>,
    options: RouteOptions = {},
  ): this {
    if (options.sharedForMs !== undefined && (contract.method !== "GET" || contract.body !== null))
      throw new Error(
        `${contract.method} ${contract.path}: only a GET route without a body can share answers`,
      );
    this.table.push({
      contract,
      segments: contract.path.split("/").filter(Boolean),
      handler: handler as Route["handler"],
      sharedForMs: options.sharedForMs ?? 0,
    });
    return this;
  }

  observe(observer: RouteObserver): void {
    this.observers.push(observer);
  }

  /** Method and path template of every registered route, in registration order. */
  routes(): { method: HttpMethod; path: string }[] {
    return this.table.map(({ contract }) => ({ method: contract.method, path: contract.path }));
  }

  private match(
    method: string,
    pathname: string,
  ): { route: Route; params: Record<string, string> } | "wrong-method" | null {
    const parts = pathname.split("/").filter(Boolean);
    let pathMatched = false;
    for (const route of this.table) {
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
      if (route.contract.method === method) return { route, params };
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
      const { contract, handler, sharedForMs } = found.route;
      for (const observe of this.observers) observe(contract.method, contract.path, res);
      const input = {
        req,
        res,
        url,
        params: parseFields(contract.params, found.params, "path"),
        query: parseFields(contract.query, Object.fromEntries(url.searchParams), "query"),
        body: async () => {
          if (contract.body === null) throw new Error(`${contract.path} has no request body`);
          return readJsonBody(req, contract.body, contract.bodyLimitBytes) as Promise<never>;
        },
      };
      if (sharedForMs > 0) {
        const text = await this.shared.get(answerKey(url), sharedForMs, async () => {
          const result = await handler(input);
          if (result instanceof Reply)
            throw new Error(`${contract.path}: a shared answer must be a plain 200`);
          return JSON.stringify(result);
        });
        if (!res.headersSent) sendJsonText(res, 200, text);
        return;
      }
      const result = await handler(input);
      if (res.headersSent) return;
      if (result instanceof Reply) sendJson(res, result.status, result.body);
      else sendJson(res, 200, result);
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
  sendJsonText(res, status, JSON.stringify(body));
}

function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}
