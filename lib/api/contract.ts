/**
 * One REST route, described once: method, path template, the zod schemas of its path params, query and
 * JSON body, and its response type. The server registers its handler against the contract (the router
 * parses the request with these schemas and checks the handler's return type), the browser builds the
 * URL and reads the answer from it, and the OpenAPI document is generated from it.
 */
import { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT";

/** Path params and query strings arrive as text: their schemas are objects of (coercible) string fields. */
export type FieldsSchema = z.ZodObject;

/**
 * The answer's type. `schema` is set where the response has a zod schema (the browser validates with it
 * and OpenAPI documents it); otherwise the type is carried for TypeScript only.
 */
export interface ResponseSpec<R> {
  readonly description: string;
  readonly schema: z.ZodType<R> | null;
  /** Phantom field: never set at run time, only there so `R` stays part of the type. */
  readonly type?: R;
}

/** A response documented by its TypeScript type only. */
export function typedResponse<R>(description: string): ResponseSpec<R> {
  return { description, schema: null };
}

/** A response with a zod schema. */
export function schemaResponse<S extends z.ZodType>(
  description: string,
  schema: S,
): ResponseSpec<z.output<S>> {
  return { description, schema: schema as z.ZodType<z.output<S>> };
}

export interface RouteContract<
  P extends FieldsSchema = FieldsSchema,
  Q extends FieldsSchema = FieldsSchema,
  B extends z.ZodType | null = z.ZodType | null,
  R = unknown,
> {
  readonly method: HttpMethod;
  /** e.g. `/api/lag/:group`; every `:name` is a field of `params`. */
  readonly path: string;
  /** One line for the OpenAPI document and README. */
  readonly summary: string;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The largest JSON body the route accepts. */
  readonly bodyLimitBytes: number;
  /** Who may call it: everyone, or a signed-in admin (same Origin, session cookie). */
  readonly access: "public" | "admin";
  readonly response: ResponseSpec<R>;
}

// A route without path params or query still parses them, so unknown query keys are simply ignored.
const none = z.object({});
type None = typeof none;

export function defineRoute<
  P extends FieldsSchema = None,
  Q extends FieldsSchema = None,
  B extends z.ZodType | null = null,
  R = unknown,
>(route: {
  method: HttpMethod;
  path: string;
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  bodyLimitBytes?: number;
  access?: "public" | "admin";
  response: ResponseSpec<R>;
}): RouteContract<P, Q, B, R> {
  return {
    ...route,
    params: route.params ?? (none as FieldsSchema as P),
    query: route.query ?? (none as FieldsSchema as Q),
    body: route.body ?? (null as B),
    bodyLimitBytes: route.bodyLimitBytes ?? 64 * 1024,
    access: route.access ?? "public",
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any contract, whatever its schemas
export type AnyRouteContract = RouteContract<any, any, any, any>;
export type ResponseOf<C extends AnyRouteContract> = C["response"] extends ResponseSpec<infer R> ? R : never;
export type ParamsInput<C extends AnyRouteContract> = z.input<C["params"]>;
export type QueryInput<C extends AnyRouteContract> = z.input<C["query"]>;
export type BodyInput<C extends AnyRouteContract> = C["body"] extends z.ZodType ? z.input<C["body"]> : never;

type QueryValue = string | number | boolean | null | undefined;

/**
 * The request target for a contract: each `:name` replaced by its param, percent-encoded once (a topic or
 * trace id may hold `/`, `?` or `%`), and the query's defined fields appended.
 */
export function apiPath(
  contract: AnyRouteContract,
  params: Record<string, string | number> = {},
  query: Record<string, QueryValue> = {},
): string {
  const path = contract.path.replace(/:([A-Za-z]\w*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${contract.path}: missing path param "${name}"`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The `:name` fields of a path template, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]\w*)/g)].map((m) => m[1] ?? "");
}
