/**
 * kafkajs wraps the error that matters: a retry error around a protocol error around Node's socket or
 * TLS error, each linked by `cause`. Callers that decide by the inner error walk this chain.
 */
export interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  type?: unknown;
  cause?: unknown;
}

/** The error and the errors it wraps, outermost first (bounded: a cause chain could loop). */
export function errorChain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  for (let e = error; typeof e === "object" && e !== null && out.length < 5; e = (e as ErrorLike).cause)
    out.push(e as ErrorLike);
  return out;
}
