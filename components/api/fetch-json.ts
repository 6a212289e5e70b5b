/** Fetches an Eventscope API route and turns an error body into an Error carrying the server's message. */
import type { ApiErrorBody } from "@/lib/errors";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The parsed JSON body; callers read it through a route contract (see call-api.ts). */
export async function fetchJson(path: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(path, { ...init, headers: { accept: "application/json", ...init?.headers } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as ApiErrorBody | null)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? "http_error",
      err?.message ?? `request failed with HTTP ${res.status}`,
    );
  }
  return body;
}
