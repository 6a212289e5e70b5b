/** Socket events of the trace page (joined as the `trace` channel): "this trace got new hops", so it refetches. */
export interface TracesServerEvents {
  /** Sent (at most ~2/s per trace) when an event of a watched trace arrives. */
  "trace:changed": (change: { traceId: string }) => void;
}
