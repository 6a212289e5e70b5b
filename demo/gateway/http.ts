/** Just enough HTTP for the gateway on node:http: a method + path router, JSON in and out, clear errors. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";

/** An error the caller caused or should know about; becomes `{ error: { code, message, issues? } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(text);
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new HttpError(400, "invalid_path", `not a valid URL path segment: ${value}`);
  }
}

const MAX_BODY_BYTES = 64 * 1024;

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, "too_large", `the body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw new HttpError(400, "invalid_body", "the body is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_body", "the body is not valid JSON");
  }
}

/** Validates a body; a 400 lists every problem as "path: message" so the caller can fix all at once. */
export function validate<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  throw new HttpError(400, "invalid_body", `invalid ${what}: ${summary}`, issues);
}

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
}

type Handler = (ctx: RouteContext) => Promise<void>;

export class Router {
  readonly #routes: { method: string; pattern: RegExp; keys: string[]; handler: Handler }[] = [];

  on(method: string, path: string, handler: Handler): this {
    const keys: string[] = [];
    const source = path.replace(/:(\w+)/g, (_, key: string) => {
      keys.push(key);
      return "([^/]+)";
    });
    this.#routes.push({ method, pattern: new RegExp(`^${source}/?$`), keys, handler });
    return this;
  }

  async handle(req: IncomingMessage, res: ServerResponse, onError: (error: unknown) => void): Promise<void> {
    const path = new URL(req.url ?? "/", "http://gateway").pathname;
    const matches = this.#routes.filter((r) => r.pattern.test(path));
    const route = matches.find((r) => r.method === req.method);
    try {
      if (!route) {
        if (matches.length > 0)
          throw new HttpError(405, "method_not_allowed", `${req.method} is not supported on ${path}`);
        throw new HttpError(404, "not_found", `no such endpoint: ${req.method} ${path}`);
      }
      const values = route.pattern.exec(path)?.slice(1) ?? [];
      const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeParam(values[i] ?? "")]));
      await route.handler({ req, res, params });
    } catch (error) {
      if (error instanceof HttpError) {
        sendJson(res, error.status, {
          error: { code: error.code, message: error.message, issues: error.issues },
        });
      } else {
        onError(error);
        if (!res.headersSent)
          sendJson(res, 500, { error: { code: "internal", message: "the gateway failed; see its log" } });
      }
    }
  }
}
