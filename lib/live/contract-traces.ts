/** Socket events of the trace page: "this trace got new hops", so the page refetches it. */
export interface TracesServerEvents {
  /** Sent (at most ~2/s per trace) when an event of a watched trace arrives. */
  "trace:changed": (change: { traceId: string }) => void;
}

export interface TracesClientEvents {
  "trace:watch": (traceId: string) => void;
  "trace:unwatch": (traceId: string) => void;
}
