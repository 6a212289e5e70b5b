import { TraceNotFound } from "@/components/traces/trace-not-found";

/** Reached when the URL holds no usable search term (empty, or longer than any id could be). */
export default function TraceRouteNotFound() {
  return (
    <TraceNotFound
      query="(no usable id in this address)"
      message="This address does not name a trace id, traceparent, B3 id or correlation id."
    />
  );
}
