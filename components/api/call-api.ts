/**
 * Calls a REST route through its contract (lib/api): the URL is built from the contract's path template
 * and params (each percent-encoded once), the method and JSON body come from the contract, and the answer
 * has the contract's response type — validated with its schema where the contract has one.
 */
import type { z } from "zod";
import {
  type AnyRouteContract,
  apiPath,
  type BodyInput,
  type ParamsInput,
  type QueryInput,
  type ResponseOf,
} from "@/lib/api/contract";
import { fetchJson } from "@/components/api/fetch-json";

/** `key` is optional when every field of `T` is optional (a route without path params, a query of defaults). */
type Field<K extends string, T> = Record<never, never> extends T ? { [P in K]?: T } : { [P in K]: T };

export type CallInput<C extends AnyRouteContract> = Field<"params", ParamsInput<C>> &
  Field<"query", QueryInput<C>> &
  (C["body"] extends z.ZodType ? Field<"body", BodyInput<C>> : unknown) & { signal?: AbortSignal };

/** Fetches `target` (a request target built with `apiPath` for this contract) and reads the answer. */
export async function fetchRoute<C extends AnyRouteContract>(
  contract: C,
  target: string,
  init: { body?: unknown; signal?: AbortSignal } = {},
): Promise<ResponseOf<C>> {
  const hasBody = init.body !== undefined;
  const body = await fetchJson(target, {
    method: contract.method,
    // The browser adds Origin and the session cookie, which the admin routes check.
    credentials: "same-origin",
    headers: hasBody ? { "content-type": "application/json" } : {},
    body: hasBody ? JSON.stringify(init.body) : undefined,
    signal: init.signal,
  });
  const schema = contract.response.schema as z.ZodType<ResponseOf<C>> | null;
  return schema ? schema.parse(body) : (body as ResponseOf<C>);
}

export function callApi<C extends AnyRouteContract>(
  contract: C,
  ...[input]: Record<never, never> extends CallInput<C> ? [CallInput<C>?] : [CallInput<C>]
): Promise<ResponseOf<C>> {
  const { params, query, body, signal } = (input ?? {}) as {
    params?: Record<string, string | number>;
    query?: Record<string, string | number | boolean | undefined>;
    body?: unknown;
    signal?: AbortSignal;
  };
  return fetchRoute(contract, apiPath(contract, params, query), { body, signal });
}
